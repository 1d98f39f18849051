using System.Security.Claims;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Access;

/// <summary>A request's caller: their role and the region subtree (and, for a chain chief, the chains) they may see.</summary>
public sealed class Caller
{
    /// <summary>The region value that stands for every region: the local admin key and the province's admins beyond one province.</summary>
    public const string AllRegions = "*";

    public string Name { get; }
    /// <summary>What rate limits count by: the key, or the token's subject (names of keys need not be unique).</summary>
    public string Id { get; }
    public string? Role { get; }
    public string Region { get; }
    /// <summary>Null: every chain.</summary>
    public IReadOnlySet<string>? Chains { get; }

    public Caller(ClaimsPrincipal user)
    {
        Name = user.FindFirstValue(AccessClaims.Name) ?? "anonymous";
        Id = user.FindFirstValue(AccessClaims.KeyId) is { } key ? $"key:{key}" : Name;
        Role = user.FindFirstValue(AccessClaims.Role);
        Region = user.FindFirstValue(AccessClaims.Region) ?? "";
        var chains = user.FindAll(AccessClaims.Chain).Select(c => c.Value).Where(c => c.Length > 0).ToHashSet();
        Chains = chains.Count == 0 ? null : chains;
    }

    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(new Caller(context.User));

    public bool SeesEverywhere => Region == AllRegions;

    /// <summary>
    /// Whether the region lies in the caller's subtree. A code the graph does not know is let through: the endpoint then
    /// answers "unknown region" itself, which tells nothing about anyone's pipeline.
    /// </summary>
    public bool Covers(ChainGraph graph, RegionCode region) =>
        SeesEverywhere || graph.FindRegion(region) is null
        || (graph.FindRegion(new RegionCode(Region)) is not null && graph.IsWithin(region, new RegionCode(Region)));

    public bool CoversChain(string chain) => Chains is null || Chains.Contains(chain);

    public void Demand(ChainGraph graph, RegionCode region)
    {
        if (!Covers(graph, region))
            throw new AccessDeniedException($"region {region} is outside this caller's scope ({ScopeText})");
    }

    public void DemandChain(string chain)
    {
        if (!CoversChain(chain))
            throw new AccessDeniedException($"chain '{chain}' is not one of this caller's chains ({string.Join(", ", Chains!)})");
    }

    /// <summary>The region a list without a region filter is narrowed to: null when the caller sees every region.</summary>
    public string? DefaultRegion => SeesEverywhere ? null : Region;

    public string ScopeText => SeesEverywhere ? "all regions" : $"{Region} and below";
}

/// <summary>The caller is known but may not reach this region, chain or action; answered 403 with the reason.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>Claim names shared by API keys, the UI session and the province's bearer tokens.</summary>
public static class AccessClaims
{
    public const string Name = "sub", Role = "role", Region = "region", Chain = "chain", KeyId = "key", SessionId = "sid";
}
