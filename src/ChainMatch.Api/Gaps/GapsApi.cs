using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Gaps;

public static class GapsApi
{
    public static IEndpointRouteBuilder MapGapsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Status maps and gaps").Require(Permission.ReadMaps);
        api.MapGet("/chains/{chainId}/status/{regionCode}", GetStatusMap)
            .WithSummary("Status map of a chain in a region (and everything under it) as of a date: each segment present, weak, missing or unverified.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/regions/{regionCode}/gaps", GetGapList)
            .WithSummary("The region's gaps across chains (or ?chain=ID), highest priority first, with reasons.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/regions/{regionCode}/gap-changes", GetGapChanges)
            .WithSummary("Gaps healed, persistent and new between ?from= and ?to= (default today).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record StatusQuery(string chainId, string regionCode, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Chain(nameof(chainId), chainId), ScopeDemand.Region(nameof(regionCode), regionCode)];
    }

    /// <summary>Without a chain the list spans every chain.</summary>
    public sealed record GapListQuery(string regionCode, string? asOf, string? chain) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(regionCode), regionCode), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record GapChangesQuery(string regionCode, string? from, string? to, string? chain) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(regionCode), regionCode), ScopeDemand.Chain(nameof(chain), chain)];
    }

    static Results<Ok<StatusMapReport>, ValidationProblem> GetStatusMap([AsParameters] StatusQuery q, GraphSnapshot snapshot, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(q.chainId, nameof(q.chainId), errors);
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(GapReports.StatusMap(snapshot.Current, new ChainId(q.chainId), new RegionCode(q.regionCode), asOf));
    }

    static Results<Ok<GapListReport>, ValidationProblem> GetGapList([AsParameters] GapListQuery q, GraphSnapshot snapshot, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var chain = q.chain is null ? (ChainId?)null : new ChainId(q.chain);
        return TypedResults.Ok(GapReports.GapList(snapshot.Current, new RegionCode(q.regionCode), asOf, chain));
    }

    static Results<Ok<GapChangesReport>, ValidationProblem> GetGapChanges([AsParameters] GapChangesQuery q, GraphSnapshot snapshot, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        if (q.from is null) errors[nameof(q.from)] = ["'from' is required: the earlier date to compare against"];
        var from = Parameters.AsOfOrToday(q.from, nameof(q.from), errors, time, snapshot.Current);
        var to = Parameters.AsOfOrToday(q.to, nameof(q.to), errors, time, snapshot.Current);
        if (errors.Count == 0 && from > to) errors[nameof(q.from)] = [$"'from' ({from:yyyy-MM-dd}) must not be after 'to' ({to:yyyy-MM-dd})"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var chain = q.chain is null ? (ChainId?)null : new ChainId(q.chain);
        return TypedResults.Ok(GapReports.GapChanges(snapshot.Current, new RegionCode(q.regionCode), from, to, chain));
    }
}
