using System.Security.Claims;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Access;

/// <summary>A request's caller: who they are, their role, and the <see cref="Domain.Access.Scope"/> they may reach.</summary>
public sealed class Caller
{
    /// <summary>The region value that stands for every region: the local admin key and the province's admins beyond one province.</summary>
    public const string AllRegions = Scope.AllRegions;

    public string Name { get; }
    /// <summary>What rate limits count by: the key, or the token's subject (names of keys need not be unique).</summary>
    public string Id { get; }
    /// <summary>Null for a caller whose key or token names no role ChainMatch knows: such a caller is allowed nothing.</summary>
    public Role? Role { get; }
    public Scope Scope { get; }

    public Caller(ClaimsPrincipal user)
    {
        Name = user.FindFirstValue(AccessClaims.Name) ?? "anonymous";
        Id = user.FindFirstValue(AccessClaims.KeyId) is { } key ? $"key:{key}" : Name;
        Role = Role.Parse(user.FindFirstValue(AccessClaims.Role));
        var chains = user.FindAll(AccessClaims.Chain).Select(c => c.Value).Where(c => c.Length > 0).ToHashSet();
        Scope = new Scope(user.FindFirstValue(AccessClaims.Region) ?? "", chains.Count == 0 ? null : chains);
    }

    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(new Caller(context.User));

    public string Region => Scope.Region;

    /// <summary>Null: every chain.</summary>
    public IReadOnlySet<string>? Chains => Scope.Chains;

    /// <summary>The region a list without a region filter is narrowed to: null when the caller sees every region.</summary>
    public string? DefaultRegion => Scope.SeesEverywhere ? null : Scope.Region;
}

/// <summary>Claim names shared by API keys, the UI session and the province's bearer tokens.</summary>
public static class AccessClaims
{
    public const string Name = "sub", Role = "role", Region = "region", Chain = "chain", KeyId = "key", SessionId = "sid";
}
