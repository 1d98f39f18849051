using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Simulation;
using ChainMatch.Ranking.Leads;
using ChainMatch.Api.Maps;
using ChainMatch.Domain.Gaps;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text;

namespace ChainMatch.Api.Simulation;

public static class SimulationApi
{
    public static IEndpointRouteBuilder MapSimulationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/simulations").WithTags("Simulation");
        api.MapPost("/anchor", SimulateAnchor).Require(Permission.Simulate).AsExpensive()
            .WithSummary("If this anchor firm landed in this region: gaps closed, chain completeness before and after, followers and why, follow-on investment. Never writes.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/anchor/map.svg", AfterMap).Require(Permission.Simulate).AsExpensive()
            .WithSummary("The status map after the anchor landed, drawn as GET /api/chains/{chainId}/status/{regionCode}.svg draws the map before; same body as /anchor; ?lang=zh|en. Never writes.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/compare", Compare).Require(Permission.Simulate).AsExpensive()
            .WithSummary("Two or more anchors together against each alone: completeness gains and whether they reinforce each other or overlap. Never writes.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/chains/{chainId}/anchors/{regionCode}", Anchors).WithTags("Simulation").Require(Permission.Simulate).AsExpensive()
            .WithSummary("Every firm that could fill a gap of the chain in the region, ranked by the completeness it would add, its follower pull and the model's score.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/coordination/conflicts", Conflicts).WithTags("Simulation").Require(Permission.Coordinate)
            .WithSummary("全省一盘棋: open projects where two or more prefectures of the province pursue the same firm for the same segment, with stages, owners and which region fits best.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record AnchorsQuery(string chainId, string regionCode, int? top, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Chain(nameof(chainId), chainId), ScopeDemand.Region(nameof(regionCode), regionCode)];
    }

    static Results<Ok<AnchorRankingReport>, ValidationProblem> Anchors([AsParameters] AnchorsQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(q.chainId, nameof(q.chainId), errors);
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        if (q.top is < 1 or > 200) errors[nameof(q.top)] = ["'top' must be between 1 and 200"];
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(new AnchorRanking(ranker).Rank(snapshot.Current, new ChainId(q.chainId), new RegionCode(q.regionCode), asOf, q.top ?? 20));
    }

    /// <summary>Without a province: the caller's own region (Yunnan for a caller who sees every region).</summary>
    public sealed record ConflictQuery(string? province, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(province), province)];
    }

    static Results<Ok<ConflictReport>, ValidationProblem> Conflicts([AsParameters] ConflictQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time, Caller caller)
    {
        var errors = Parameters.Errors();
        var province = q.province ?? caller.DefaultRegion ?? "530000";
        Parameters.RegionCode(province, "province", errors);
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(new Coordination(ranker).Conflicts(snapshot.Current, new RegionCode(province), asOf));
    }

    public sealed record ScenarioAnchor(string Firm, IReadOnlyList<string>? Segments);

    public sealed record CompareRequest(IReadOnlyList<ScenarioAnchor>? Anchors, string Region, string Chain, string? AsOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() =>
        [
            ScopeDemand.Region("region", Region), ScopeDemand.Chain("chain", Chain),
            .. (Anchors ?? []).SelectMany(a => a?.Segments ?? []).Select(s => ScopeDemand.Segment("anchors", s)),
        ];
    }

    static Results<Ok<ScenarioComparison>, ValidationProblem> Compare(CompareRequest request, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        if (request.Anchors is not { Count: >= 2 }) errors["anchors"] = ["a comparison needs two anchors or more"];
        foreach (var a in request.Anchors ?? []) Parameters.Slug(a.Firm ?? "", "anchors", errors);
        Parameters.RegionCode(request.Region ?? "", "region", errors);
        Parameters.Slug(request.Chain ?? "", "chain", errors);
        var asOf = Parameters.AsOfOrToday(request.AsOf, "asOf", errors, time, snapshot.Current);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var anchors = request.Anchors!.Select(a => (new FirmId(a.Firm), (IReadOnlyList<SegmentId>?)a.Segments?.Select(s => new SegmentId(s)).ToList())).ToList();
        return TypedResults.Ok(new AnchorSimulation(ranker).Compare(snapshot.Current, anchors, new RegionCode(request.Region!), new ChainId(request.Chain!), asOf));
    }

    public sealed record InlineSegment(string Segment, double? Capacity, string? Unit);

    /// <summary>An anchor not in the graph: a name and the segments it announces, with capacities where known.</summary>
    public sealed record InlineFirm(string Name, string? NameEn, string? Headquarters, IReadOnlyList<InlineSegment>? Segments);

    public sealed record AnchorRequest(string Firm, string Region, string Chain, IReadOnlyList<string>? Segments, string? AsOf, InlineFirm? Describe) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() =>
        [
            ScopeDemand.Region("region", Region), ScopeDemand.Chain("chain", Chain),
            .. (Segments ?? []).Select(s => ScopeDemand.Segment("segments", s)),
            .. (Describe?.Segments ?? []).Select(s => ScopeDemand.Segment("describe", s?.Segment)),
        ];
    }

    static Results<Ok<SimulationReport>, ValidationProblem> SimulateAnchor(AnchorRequest request, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Check(request, graph, time, out var asOf);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var simulation = new AnchorSimulation(ranker);
        var (firm, region, chain) = (new FirmId(request.Firm!), new RegionCode(request.Region!), new ChainId(request.Chain!));
        return TypedResults.Ok(request.Describe is { } inline
            ? simulation.Run(graph, firm, Inline(inline), region, chain, asOf)
            : simulation.Run(graph, firm, region, chain, asOf, request.Segments?.Select(s => new SegmentId(s)).ToList()));
    }

    public sealed record MapLanguageQuery(string? lang);

    static Results<FileContentHttpResult, ValidationProblem> AfterMap(AnchorRequest request, [AsParameters] MapLanguageQuery query, GraphSnapshot snapshot, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Check(request, graph, time, out var asOf);
        MapLanguage? language = query.lang switch { null or "zh" => MapLanguage.Zh, "en" => MapLanguage.En, _ => null };
        if (language is null) errors["lang"] = ["'lang' must be zh or en"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (firm, region, chain) = (new FirmId(request.Firm!), new RegionCode(request.Region!), new ChainId(request.Chain!));
        var after = request.Describe is { } inline
            ? AnchorSimulation.Overlay(graph, firm, Inline(inline), region, chain, asOf)
            : AnchorSimulation.Overlay(graph, firm, region, chain, asOf, request.Segments?.Select(s => new SegmentId(s)).ToList());
        var report = GapReports.StatusMap(after, chain, region, asOf);
        return TypedResults.Bytes(Encoding.UTF8.GetBytes(SvgStatusMap.Render(StatusMapPicture.Build(after, report, language!.Value))), "image/svg+xml; charset=utf-8");
    }

    static InlineAnchor Inline(InlineFirm inline) =>
        new(inline.Name, inline.NameEn, inline.Headquarters is null ? null : new RegionCode(inline.Headquarters),
            [.. inline.Segments!.Select(x => (new SegmentId(x.Segment), x.Capacity is { } c ? new Quantity(c, x.Unit!) : null))]);

    /// <summary>A scenario's body checked field by field; empty when it can be run.</summary>
    static Dictionary<string, string[]> Check(AnchorRequest request, ChainGraph graph, TimeProvider time, out DateOnly asOf)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(request.Firm ?? "", "firm", errors);
        Parameters.RegionCode(request.Region ?? "", "region", errors);
        Parameters.Slug(request.Chain ?? "", "chain", errors);
        asOf = Parameters.AsOfOrToday(request.AsOf, "asOf", errors, time, graph);
        if (errors.Count > 0) return errors;
        if (request.Describe is { } d && (string.IsNullOrWhiteSpace(d.Name) || d.Segments is not { Count: > 0 } || d.Segments.Any(x => (x.Capacity is null) != (x.Unit is null))))
            return new Dictionary<string, string[]> { ["describe"] = ["an inline anchor needs a name and segments; a capacity goes with its unit"] };
        // A plant of no or negative size simulates nothing; the JSON rule already caps the size (Numbers.Limit).
        for (var i = 0; i < (request.Describe?.Segments?.Count ?? 0); i++)
            if (request.Describe!.Segments![i].Capacity is <= 0)
                errors[$"describe.segments[{i}].capacity"] = ["a capacity is more than 0"];
        return errors;
    }
}
