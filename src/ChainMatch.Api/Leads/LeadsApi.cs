using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using System.Text;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Leads;

public static class LeadsApi
{
    const int MaxTop = 200, MaxPerGap = 50;

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions/{regionCode}").WithTags("Leads").Require(Permission.ReadLeads);
        api.MapGet("/segments/{segmentId}/leads", GetLeads)
            .WithSummary("The firms worth courting for one gap (segment × region), ranked by the model, each with its score, rank and reasons; firms the negative list catches are left out unless ?includeExcluded=true; ?format=csv for Excel.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/targets", GetTargets)
            .WithSummary("The region's target list across its gaps, best leads first; filters chain, list, hq, minRevenue (亿元; firms without a list revenue are left out); ?format=csv for Excel.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record LeadsQuery(string regionCode, string segmentId, int? top, string? asOf, string? format, bool? includeExcluded) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(regionCode), regionCode), ScopeDemand.Segment(nameof(segmentId), segmentId)];
    }

    /// <summary>Without a chain the list spans every chain; <c>hq</c> filters by where firms are headquartered, a public fact.</summary>
    public sealed record TargetsQuery(string regionCode, string? chain, string? list, string? hq, int? perGap, string? asOf, string? format, bool? includeExcluded,
        string? minRevenue = null) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(regionCode), regionCode), ScopeDemand.Chain(nameof(chain), chain)];
    }

    static Results<Ok<LeadList>, FileContentHttpResult, ValidationProblem> GetLeads([AsParameters] LeadsQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        Parameters.Slug(q.segmentId, nameof(q.segmentId), errors);
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        if (q.top is < 1 or > MaxTop) errors[nameof(q.top)] = [$"'top' must be between 1 and {MaxTop}"];
        Format(q.format, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var gap = new Gap(new SegmentId(q.segmentId), new RegionCode(q.regionCode));
        var leads = ranker.Rank(snapshot.Current, gap, asOf, q.top ?? 10, includeExcluded: q.includeExcluded ?? false);
        return q.format == "csv" ? Csv(LeadCsv.Leads(leads), $"leads-{q.segmentId}-{q.regionCode}-{asOf:yyyyMMdd}.csv") : TypedResults.Ok(leads);
    }

    static Results<Ok<TargetList>, FileContentHttpResult, ValidationProblem> GetTargets([AsParameters] TargetsQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var (filter, asOf) = ParseTargets(q, time, snapshot.Current, errors);
        Format(q.format, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var targets = TargetLists.Build(snapshot.Current, ranker, new RegionCode(q.regionCode), asOf, filter);
        return q.format == "csv" ? Csv(LeadCsv.Targets(targets), $"targets-{q.regionCode}-{asOf:yyyyMMdd}.csv") : TypedResults.Ok(targets);
    }

    /// <summary>The filters of a target list (JSON, CSV or Excel), each malformed one named in <paramref name="errors"/>.</summary>
    internal static (TargetFilter Filter, DateOnly AsOf) ParseTargets(TargetsQuery q, TimeProvider time, ChainGraph graph, Dictionary<string, string[]> errors)
    {
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        if (q.hq is not null) Parameters.RegionCode(q.hq, nameof(q.hq), errors);
        var list = ListFamily.Parse(q.list);
        if (q.list is not null && list is null) errors[nameof(q.list)] = [$"'list' must be one of {ListFamily.Ids}"];
        if (q.perGap is < 1 or > MaxPerGap) errors[nameof(q.perGap)] = [$"'perGap' must be between 1 and {MaxPerGap}"];
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, graph);
        var minRevenue = q.minRevenue is null ? null : Parameters.NonNegativeNumber(q.minRevenue, nameof(q.minRevenue), errors);
        var filter = new TargetFilter(
            q.chain is null ? null : new ChainId(q.chain), list, q.hq is null ? null : new RegionCode(q.hq), q.perGap ?? 5, q.includeExcluded ?? false, minRevenue);
        return (filter, asOf);
    }

    static void Format(string? format, Dictionary<string, string[]> errors)
    {
        if (format is not null and not "json" and not "csv") errors["format"] = ["'format' must be json or csv"];
    }

    /// <summary>UTF-8 with a byte-order mark: Excel then opens the Chinese names intact.</summary>
    static FileContentHttpResult Csv(string csv, string fileName) =>
        TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", fileName);
}
