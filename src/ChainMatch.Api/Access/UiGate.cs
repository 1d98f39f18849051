namespace ChainMatch.Api.Access;

/// <summary>
/// The web UI's pages and scripts are for signed-in callers: anyone else is sent to the login page. The login page and
/// its own script and style, and health, are the only things open to anonymous callers.
/// </summary>
sealed class UiGate(RequestDelegate next)
{
    static readonly string[] Open = ["/login.html", "/js/login.js", "/css/app.css", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || context.User.Identity?.IsAuthenticated == true || Open.Contains(path.Value, StringComparer.Ordinal))
            return next(context);
        context.Response.Redirect("/login.html");
        return Task.CompletedTask;
    }
}
