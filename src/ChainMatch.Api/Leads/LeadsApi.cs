using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Leads;

public static class LeadsApi
{
    const int MaxTop = 200;

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions/{regionCode}/segments/{segmentId}").WithTags("Leads");
        api.MapGet("/leads", GetLeads)
            .WithSummary("The firms worth courting for one gap (segment × region), ranked by the model, each with its score, rank and reasons.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record LeadsQuery(string regionCode, string segmentId, int? top, string? asOf);

    static Results<Ok<LeadList>, ValidationProblem> GetLeads([AsParameters] LeadsQuery q, GraphSnapshot snapshot, LeadRanker ranker, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        Parameters.Slug(q.segmentId, nameof(q.segmentId), errors);
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time);
        if (q.top is < 1 or > MaxTop) errors[nameof(q.top)] = [$"'top' must be between 1 and {MaxTop}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var gap = new Gap(new SegmentId(q.segmentId), new RegionCode(q.regionCode));
        return TypedResults.Ok(ranker.Rank(snapshot.Current, gap, asOf, q.top ?? 10));
    }
}
