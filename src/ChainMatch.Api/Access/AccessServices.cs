using System.Security.Claims;
using ChainMatch.Api.Graph;
using ChainMatch.Domain.Access;
using ChainMatch.Storage;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChainMatch.Api.Access;

/// <summary>
/// Authentication (API keys, bearer tokens, the web UI's session cookie), one authorisation policy per permission,
/// and the access store behind keys and the audit log.
/// </summary>
public static class AccessServices
{
    const string SelectScheme = "ChainMatch";
    public const string SessionCookie = "chainmatch.session";

    public static IServiceCollection AddChainMatchAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<RecentKeys>();
        // One key ring for every process over the store, so that a session cookie one issued is read by the others.
        var keyRing = configuration[$"{AccessOptions.Section}:{nameof(AccessOptions.KeyRingDirectory)}"]
            ?? Path.Combine(Path.GetFullPath((configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions()).DataDirectory), "keyring");
        PrivateFiles.Folder(keyRing);
        services.AddDataProtection().SetApplicationName("ChainMatch").PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        // Before the graph's start-up: the access records' schema (and the graph's, which holds them) and the first key.
        services.AddHostedService<AccessStartup>();

        var jwt = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>()?.Jwt ?? new JwtOptions();
        var auth = services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, "API key, bearer token or UI session", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.TokenOf(context.Request) is not null ? ApiKeyAuthentication.SchemeName
                : jwt.Issuer is not null && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? JwtBearerDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                // Strict: a page on another site cannot make the browser send the session along (no cross-site writes).
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS (behind a TLS proxy, configure forwarded headers so it shows).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.LoginPath = "/login.html";
                // The API answers 401/403 as problem details; only pages redirect to the login page.
                o.Events.OnRedirectToLogin = c => Deny(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Deny(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionStillValid;
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessOptions>>((o, access) => o.ExpireTimeSpan = TimeSpan.FromMinutes(access.Value.SessionMinutes));
        if (jwt.Issuer is not null)
            auth.AddJwtBearer(o =>
            {
                // Keep the provider's claim names (role, region, chain, sub) as they are in the token.
                o.MapInboundClaims = false;
                o.Authority = jwt.Authority;
                o.RequireHttpsMetadata = jwt.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? true;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKeys = jwt.SigningKeys.Select(k => JwtKeys.TryRead(k, out var key, out _) ? key : null).OfType<SecurityKey>().ToList(),
                    NameClaimType = AccessClaims.Name,
                    RoleClaimType = AccessClaims.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });

        services.AddAuthorization(o =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
                o.AddPolicy(permission.ToString(), p => p.RequireAuthenticatedUser()
                    .RequireAssertion(c => Role.Parse(c.User.FindFirstValue(AccessClaims.Role))?.Allows(permission) == true));
            // An endpoint that names no policy is still closed to anonymous callers.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return services;
    }

    /// <summary>A session outlives nothing: once it is signed out or its key is revoked, the next request with its cookie is refused.</summary>
    static async Task SessionStillValid(CookieValidatePrincipalContext context)
    {
        var key = context.Principal?.FindFirstValue(AccessClaims.KeyId);
        var session = context.Principal?.FindFirstValue(AccessClaims.SessionId);
        var store = context.HttpContext.RequestServices.GetRequiredService<IAccessStore>();
        bool active;
        try
        {
            active = key is not null && session is not null && await store.IsSessionActiveAsync(session, key, context.HttpContext.RequestAborted);
        }
        catch (StoreUnavailableException)
        {
            // The store is away (reads go on from the projection): the signed cookie stands until it can be asked again.
            return;
        }
        if (!active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        if (!context.Request.Path.StartsWithSegments("/api")) context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Demands the permission on an endpoint, and the caller's scope on the values it binds; the walk test checks every
    /// endpoint names exactly one permission.
    /// </summary>
    public static TBuilder Require<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission.ToString()).WithMetadata(new RequiresPermission(permission)).CheckScope();
}

/// <summary>Endpoint metadata: the one permission an endpoint demands.</summary>
public sealed record RequiresPermission(Permission Permission);
