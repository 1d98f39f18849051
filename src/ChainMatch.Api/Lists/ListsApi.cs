using ChainMatch.Api.Access;
using ChainMatch.Domain;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Lists;

public static class ListsApi
{
    public static IEndpointRouteBuilder MapListsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/lists").WithTags("Candidate library");
        api.MapGet("/families", Families).Require(Permission.ReadMaps)
            .WithSummary("The list families ChainMatch knows (their ids as the list filter and uploads take them), with the labels the web UI shows.");
        api.MapPost("/{listId}/editions/{year:int}", ImportEdition).Require(Permission.Administer).TakesFiles().AsExpensive()
            .Audited(new AuditTarget(c => $"list:{c.Request.RouteValues["listId"]}/{c.Request.RouteValues["year"]}"))
            .WithSummary("Upload one edition of a ranked list as CSV (UTF-8 or GB18030; rank, name, name_en, headquarters, revenue, revenue_unit, industry, country, uscc). " +
                "Rows are matched to firms by credit code, name and aliases; ambiguous and unmatched rows are reported, and become new firms only with ?createMissing=true. ?dryRun=true writes nothing.")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>A list family as a form offers it: the id to send, the label to show, and the unit its revenues come in.</summary>
    public sealed record FamilyView(string Id, Label Label, string Publisher, string RevenueUnit);

    static Ok<List<FamilyView>> Families() => TypedResults.Ok(ListFamily.All.Select(f => new FamilyView(f.Id, f.Label, f.Publisher, f.RevenueUnit)).ToList());

    public sealed record ImportQuery(string listId, int year, bool? createMissing, bool? dryRun);

    public sealed record ListImportReport(string Edition, int Rows, int Matched, int Created, int Ambiguous, int Unmatched, int Written, bool DryRun,
        IReadOnlyList<ListRowResult> Problems, IReadOnlyList<ListRowResult> Results);

    static async Task<Results<Ok<ListImportReport>, ValidationProblem>> ImportEdition(
        [AsParameters] ImportQuery q, HttpRequest request, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time, CancellationToken ct)
    {
        caller.Scope.DemandListImport();
        if (ListFamily.Parse(q.listId) is not { } family)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["listId"] = [$"'{q.listId}' is not a known list: use {ListFamily.Ids}"] });
        if (q.year is < 1990 or > 2100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"'year' must be between 1990 and 2100, not {q.year}"] });
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);

        var (rows, errors) = ListFile.Read(body.ToArray());
        var source = $"upload of {time.GetUtcNow():yyyy-MM-dd}";
        ListImportPlan Plan(ChainGraph graph) => ListImport.Plan(graph, rows, family, q.year, q.createMissing ?? false, source);
        ListImportPlan plan;
        var written = 0;
        try
        {
            if (errors.Count > 0) throw new ListImportException(errors);
            if (q.dryRun == true) plan = Plan(snapshot.Current);
            else
            {
                // Planned inside the write on the newest graph, so a firm another write added meanwhile is matched, not created twice.
                (plan, var report) = await writes.UpdateAsync(graph =>
                {
                    var planned = Plan(graph);
                    return (planned.Changes, planned);
                }, $"list edition {q.listId} {q.year}", ct);
                written = report.Total;
            }
        }
        catch (ListImportException e)
        {
            return TypedResults.ValidationProblem(
                Parameters.RowErrors(e.Errors),
                title: "The list file has bad rows; nothing was imported.");
        }
        var problems = plan.Rows.Where(r => r.Outcome is ListImport.Ambiguous or ListImport.Unmatched).ToList();
        return TypedResults.Ok(new ListImportReport(plan.Edition, plan.Rows.Count, plan.Count(ListImport.Matched), plan.Count(ListImport.Created),
            plan.Count(ListImport.Ambiguous), plan.Count(ListImport.Unmatched), written, q.dryRun == true, problems, plan.Rows));
    }
}
