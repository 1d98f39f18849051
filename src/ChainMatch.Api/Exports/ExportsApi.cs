using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Api.Leads;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Exports;

public static class ExportsApi
{
    const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions/{regionCode}").WithTags("Leads").Require(Permission.ReadLeads);
        api.MapGet("/targets.xlsx", GetTargetsWorkbook)
            .WithSummary("The region's target list as an Excel workbook; the same filters as /targets (format is ignored).")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    static Results<FileContentHttpResult, ValidationProblem> GetTargetsWorkbook([AsParameters] LeadsApi.TargetsQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var (filter, asOf) = LeadsApi.ParseTargets(q, time, snapshot.Current, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var targets = TargetLists.Build(snapshot.Current, ranker, new RegionCode(q.regionCode), asOf, filter);
        return TypedResults.File(TargetsWorkbook.Write(targets), XlsxType, $"targets-{q.regionCode}-{asOf:yyyyMMdd}.xlsx");
    }
}
