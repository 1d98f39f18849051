using System.Security.Claims;
using System.Text.Encodings.Web;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Access;

/// <summary>
/// API keys: <c>Authorization: Bearer cmk_…</c> or <c>X-Api-Key: cmk_…</c>, checked against the hashed keys in the access store
/// on every request, so a key revoked from the CLI stops working at once (see <see cref="RecentKeys"/> for a store outage).
/// </summary>
sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, RecentKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string TokenPrefix = ApiKeyTokens.Prefix;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var key = await keys.FindActiveAsync(token, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("the API key is unknown or revoked");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(Identity(key, SchemeName)), SchemeName));
    }

    public static string? TokenOf(HttpRequest request)
    {
        if (request.Headers[Header] is [{ Length: > 0 } header]) return header;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + TokenPrefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    public static ClaimsIdentity Identity(ApiKey key, string scheme) => new(
        [
            new Claim(AccessClaims.Name, $"key:{key.Name}"),
            new Claim(AccessClaims.KeyId, key.Id),
            new Claim(AccessClaims.Role, key.Role),
            new Claim(AccessClaims.Region, key.Region),
            .. key.Chains.Select(c => new Claim(AccessClaims.Chain, c)),
        ], scheme, AccessClaims.Name, AccessClaims.Role);
}
