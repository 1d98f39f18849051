using System.ComponentModel.DataAnnotations;

namespace ChainMatch.Api.Access;

/// <summary>Who may call: the "Auth" configuration section, checked at start.</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>On a store with no key at all, create an admin key for every region and print it once.</summary>
    public bool CreateAdminKeyOnFirstStart { get; set; } = true;

    /// <summary>How long a web UI session lasts after its last request.</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>
    /// The folder of the keys that protect session cookies. Every service process behind one address must share it, or
    /// a cookie one issued is refused by the next; default: keyring under Graph:DataDirectory.
    /// </summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>Bearer tokens from the province's identity provider; off unless an issuer is set.</summary>
    public JwtOptions Jwt { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Jwt.Issuer is null) yield break;
        if (string.IsNullOrWhiteSpace(Jwt.Audience))
            yield return new ValidationResult($"{Section}:Jwt:Audience is required when {Section}:Jwt:Issuer is set");
        if (Jwt.Authority is null && Jwt.SigningKeys.Count == 0)
            yield return new ValidationResult($"{Section}:Jwt needs SigningKeys (PEM public keys) or an Authority to fetch them from");
        foreach (var (key, i) in Jwt.SigningKeys.Select((k, i) => (k, i)))
            if (!JwtKeys.TryRead(key, out _, out var why))
                yield return new ValidationResult($"{Section}:Jwt:SigningKeys:{i}: {why}");
    }
}

public sealed class JwtOptions
{
    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    /// <summary>The identity provider's base address: signing keys are then read from its OpenID Connect metadata.</summary>
    public string? Authority { get; set; }
    /// <summary>PEM public keys (RSA or EC) the provider signs with, for providers this service cannot reach.</summary>
    public List<string> SigningKeys { get; set; } = [];
}

/// <summary>Request limits: the "Limits" configuration section.</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Imports (list editions, project libraries) carry whole files.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxImportBytes { get; set; } = 64L << 20;

    /// <summary>Requests per key per window on expensive endpoints (anchor ranking, simulations, imports).</summary>
    [Range(1, 100_000)]
    public int ExpensivePermits { get; set; } = 20;

    [Range(1, 3600)]
    public int ExpensiveWindowSeconds { get; set; } = 60;

    [Range(1, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    [Range(1, 3600)]
    public int ExpensiveTimeoutSeconds { get; set; } = 120;
}
