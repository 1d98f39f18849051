namespace ChainMatch.Api.Infrastructure;

/// <summary>
/// Headers every answer carries, pages, scripts, API and errors alike: the UI loads scripts and styles only from the
/// service itself (it has no inline script), is never framed, content types are not sniffed and no address leaks to
/// other sites. Added as the response starts, so the exception handler's cleared responses carry them too.
/// </summary>
sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(context);
    }
}
