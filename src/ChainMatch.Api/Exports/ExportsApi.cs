using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Exports;

public static class ExportsApi
{
    const int MaxPerGap = 50;
    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions/{regionCode}").WithTags("Leads");
        api.MapGet("/targets.xlsx", GetTargetsWorkbook)
            .WithSummary("The region's target list as an Excel workbook; the same filters as /targets.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record WorkbookQuery(string regionCode, string? chain, string? list, string? hq, int? perGap, string? asOf);

    static Results<FileContentHttpResult, ValidationProblem> GetTargetsWorkbook([AsParameters] WorkbookQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        if (q.hq is not null) Parameters.RegionCode(q.hq, nameof(q.hq), errors);
        if (q.list is not null && !TargetFilter.Lists.Contains(q.list))
            errors[nameof(q.list)] = [$"'list' must be one of {string.Join(", ", TargetFilter.Lists)}"];
        if (q.perGap is < 1 or > MaxPerGap) errors[nameof(q.perGap)] = [$"'perGap' must be between 1 and {MaxPerGap}"];
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var filter = new TargetFilter(
            q.chain is null ? null : new ChainId(q.chain), q.list, q.hq is null ? null : new RegionCode(q.hq), q.perGap ?? 5);
        var targets = TargetLists.Build(snapshot.Current, ranker, new RegionCode(q.regionCode), asOf, filter);
        return TypedResults.File(TargetsWorkbook.Write(targets), XlsxType, $"targets-{q.regionCode}-{asOf:yyyyMMdd}.xlsx");
    }
}
