using System.Security.Cryptography;
using System.Text;

namespace ChainMatch.Storage.Access;

/// <summary>
/// A key's token is <c>cmk_{id}_{secret}</c>: a 12-hex-digit id to find the key by, and 256 random bits of which only the
/// SHA-256 is stored. One hash is as strong as a slow one for secrets that random; the comparison is constant-time.
/// </summary>
public static class ApiKeyTokens
{
    public const string Prefix = "cmk_";

    public static (string Id, string Secret, string Token) New()
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var secret = NewSessionId();
        return (id, secret, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id and secret of a well-formed token, or null.</summary>
    public static (string Id, string Secret)? Parse(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = token[Prefix.Length..].Split('_', 2);
        return parts.Length == 2 && parts[0].Length == 12 ? (parts[0], parts[1]) : null;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(byte[] storedHash, string secret) => CryptographicOperations.FixedTimeEquals(storedHash, Hash(secret));

    /// <summary>256 random bits, URL-safe: a session id, or a key's secret.</summary>
    public static string NewSessionId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
