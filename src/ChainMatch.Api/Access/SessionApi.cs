using System.Security.Claims;
using ChainMatch.Domain;
using ChainMatch.Api.Graph;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Access;

/// <summary>The web UI's sign-in: an API key exchanged for a session cookie, and who the caller is.</summary>
public static class SessionApi
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/session").WithTags("Access");
        api.MapPost("/", SignIn).AllowAnonymous().WithSummary("Sign in to the web UI with an API key; answers who you are and sets the session cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapDelete("/", (Delegate)SignOut).Require(Permission.ReadMaps).WithSummary("Sign out of the web UI.");
        app.MapGet("/api/me", Me).WithTags("Access").Require(Permission.ReadMaps)
            .WithSummary("The caller: name, role, region scope, chains and what the role may do.");
        return app;
    }

    public sealed record SignInRequest(string? Key);

    /// <summary>The caller; <see cref="RoleLabel"/> is what the web UI shows for the role, <see cref="Home"/> the page it opens after sign-in.</summary>
    public sealed record Identity(string Name, string? Role, Label? RoleLabel, string Region, IReadOnlyList<string>? Chains, IReadOnlyList<Permission> Permissions, string Home);

    static async Task<Results<Ok<Identity>, ProblemHttpResult>> SignIn(SignInRequest request, HttpContext context, IAccessStore access, GraphSnapshot snapshot, TimeProvider time, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(request.Key) ? null : await access.FindActiveAsync(request.Key.Trim(), ct);
        if (key is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: "the API key is unknown or revoked");
        var identity = ApiKeyAuthentication.Identity(key, CookieAuthenticationDefaults.AuthenticationScheme);
        // The cookie carries a session id kept in the store and checked on every request, so signing out ends it for good.
        identity.AddClaim(new Claim(AccessClaims.SessionId, await access.StartSessionAsync(key.Id, time.GetUtcNow(), ct)));
        var principal = new ClaimsPrincipal(identity);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(Describe(principal, snapshot));
    }

    /// <summary>Ends the session on the server too: a copy of the cookie kept elsewhere no longer signs anyone in.</summary>
    static async Task<NoContent> SignOut(HttpContext context, IAccessStore access, TimeProvider time, CancellationToken ct)
    {
        if (context.User.FindFirstValue(AccessClaims.SessionId) is { } session) await access.EndSessionAsync(session, time.GetUtcNow(), ct);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    static Ok<Identity> Me(ClaimsPrincipal user, GraphSnapshot snapshot) => TypedResults.Ok(Describe(user, snapshot));

    static Identity Describe(ClaimsPrincipal user, GraphSnapshot snapshot)
    {
        var caller = new Caller(user);
        var home = DashboardAudience.OpensOnDashboard(snapshot.Current, caller.Scope) ? "/dashboard" : "/";
        return new Identity(caller.Name, caller.Role?.Name, caller.Role?.Label, caller.Region, caller.Chains?.Order().ToList(), caller.Role?.Permissions ?? [], home);
    }
}
