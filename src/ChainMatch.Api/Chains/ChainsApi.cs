using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Chains;

public static class ChainsApi
{
    public static IEndpointRouteBuilder MapChainsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chains").WithTags("Chains").Require(Permission.ReadMaps);
        api.MapGet("/", ListChains).WithSummary("All chains (panorama maps) with their segment counts.");
        api.MapGet("/{chainId}", GetChain).WithSummary("One chain: its segments and the FEEDS links touching them, cross-chain links marked.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record ChainSummary(string Id, string Name, string? NameEn, int Segments);

    public sealed record SegmentView(string Id, string Name, string? NameEn, Stage Stage, int ValueTier, IReadOnlyList<string> Needs, IReadOnlyList<string> Chains);

    public sealed record LinkView(string From, string To, double? Coefficient, string? Unit, bool CrossChain, bool Verified, bool Estimate);

    public sealed record ChainDetail(string Id, string Name, string? NameEn, IReadOnlyList<SegmentView> Segments, IReadOnlyList<LinkView> Links);

    static Ok<List<ChainSummary>> ListChains(GraphSnapshot snapshot) =>
        TypedResults.Ok(snapshot.Current.Chains.Select(c => new ChainSummary(c.Id.Value, c.Name, c.NameEn, c.Segments.Length)).ToList());

    public sealed record ChainRoute(string chainId) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Chain(nameof(chainId), chainId)];
    }

    static Results<Ok<ChainDetail>, ValidationProblem> GetChain([AsParameters] ChainRoute route, GraphSnapshot snapshot)
    {
        var chainId = route.chainId;
        var errors = Parameters.Errors();
        Parameters.Slug(chainId, nameof(chainId), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var graph = snapshot.Current;
        var chain = graph.FindChain(new ChainId(chainId)) ?? throw new NotFoundException("chain", chainId);
        var members = chain.Segments.ToHashSet();
        var segments = graph.SegmentsOf(chain.Id)
            .Select(s => new SegmentView(s.Id.Value, s.Name, s.NameEn, s.Stage, s.ValueTier,
                s.Needs.Select(n => n.Value).ToList(), graph.ChainsOf(s.Id).Select(c => c.Id.Value).ToList()))
            .ToList();
        var links = chain.Segments
            .SelectMany(s => graph.FeedsFrom(s).Concat(graph.FeedsInto(s)))
            .Distinct()
            .Select(f => new LinkView(f.From.Value, f.To.Value, f.Coefficient?.Amount, f.Coefficient?.Unit,
                !members.Contains(f.From) || !members.Contains(f.To), f.Source.IsVerified, f.Source.Estimate))
            .ToList();
        return TypedResults.Ok(new ChainDetail(chain.Id.Value, chain.Name, chain.NameEn, segments, links));
    }
}
