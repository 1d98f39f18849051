using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Regions;

public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions").Require(Permission.ReadMaps);
        api.MapGet("/", GetTree).WithSummary("The region tree (province → prefecture → county → park); ?root=CODE for one subtree.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record RegionNode(string Code, string Name, string? NameEn, RegionLevel Level, IReadOnlyList<RegionNode> Children);

    public sealed record TreeQuery(string? root) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(root), root)];
    }

    static Results<Ok<List<RegionNode>>, ValidationProblem> GetTree([AsParameters] TreeQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var root = q.root;
        // A regional caller's tree starts at their own region.
        root ??= caller.DefaultRegion;
        if (root is null)
            return TypedResults.Ok(graph.Regions.Where(r => r.Parent is null).Select(r => Node(graph, r)).ToList());

        var errors = Parameters.Errors();
        Parameters.RegionCode(root, nameof(root), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var region = graph.FindRegion(new RegionCode(root)) ?? throw new NotFoundException("region", root);
        return TypedResults.Ok(new List<RegionNode> { Node(graph, region) });
    }

    static RegionNode Node(ChainGraph graph, Region r) =>
        new(r.Code.Value, r.Name, r.NameEn, r.Level, graph.ChildrenOf(r.Code).Select(c => Node(graph, c)).ToList());
}
