using ChainMatch.Api.Graph;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Access;

/// <summary>
/// Region and chain scope for every endpoint, from the request's route and query values: a Kunming key asking about
/// Qujing, or a chain chief asking about another chain, is refused before the endpoint runs. Values in request bodies
/// are checked by the endpoints themselves (see <see cref="Caller.Demand"/>).
/// </summary>
sealed class ScopeCheck(RequestDelegate next)
{
    static readonly string[] RegionValues = ["regionCode", "region", "root", "province"];
    static readonly string[] ChainValues = ["chainId", "chain"];

    public Task InvokeAsync(HttpContext context, GraphSnapshot snapshot)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresPermission>() is null || context.User.Identity?.IsAuthenticated != true)
            return next(context);
        var caller = new Caller(context.User);
        var graph = snapshot.Current;
        foreach (var name in RegionValues)
            if (Value(context, name) is { } region) caller.Demand(graph, new RegionCode(region));
        foreach (var name in ChainValues)
            if (Value(context, name) is { } chain) caller.DemandChain(chain);
        if (caller.Chains is not null)
        {
            if (Value(context, "segmentId") is { } segment && graph.FindSegment(new SegmentId(segment)) is not null
                && !graph.ChainsOf(new SegmentId(segment)).Any(c => caller.CoversChain(c.Id.Value)))
                throw new AccessDeniedException($"segment '{segment}' is in none of this caller's chains ({string.Join(", ", caller.Chains)})");
            // Lists that span every chain would show a chain chief the others' gaps and targets.
            if (context.GetEndpoint()!.Metadata.GetMetadata<SpansChains>() is not null && Value(context, "chain") is null)
                throw new AccessDeniedException($"name one of this caller's chains with ?chain= ({string.Join(", ", caller.Chains)})");
        }
        return next(context);
    }

    static string? Value(HttpContext context, string name) =>
        context.Request.RouteValues.TryGetValue(name, out var route) && route is string r ? r
        : context.Request.Query.TryGetValue(name, out var query) && query.Count > 0 && !string.IsNullOrEmpty(query[0]) ? query[0]
        : null;
}

/// <summary>Endpoint metadata: without ?chain= the answer covers every chain.</summary>
public sealed record SpansChains;
