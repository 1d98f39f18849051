using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ChainMatch.Api.Access;

/// <summary>Reads the identity provider's public signing keys from PEM text in configuration.</summary>
static class JwtKeys
{
    public static bool TryRead(string pem, [NotNullWhen(true)] out SecurityKey? key, [NotNullWhen(false)] out string? why)
    {
        key = null;
        why = null;
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            key = new RsaSecurityKey(rsa);
            return true;
        }
        catch (ArgumentException)
        {
        }
        catch (CryptographicException)
        {
        }
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            key = new ECDsaSecurityKey(ec);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            why = "not a PEM RSA or EC public key";
            return false;
        }
    }
}
