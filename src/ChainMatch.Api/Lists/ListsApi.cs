using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Storage.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Lists;

public static class ListsApi
{
    public static IEndpointRouteBuilder MapListsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/lists").WithTags("Candidate library");
        api.MapPost("/{listId}/editions/{year:int}", ImportEdition).Require(Permission.Administer).TakesFiles().AsExpensive()
            .Audited(new AuditTarget(c => $"list:{c.Request.RouteValues["listId"]}/{c.Request.RouteValues["year"]}"))
            .WithSummary("Upload one edition of a ranked list as CSV (UTF-8 or GB18030; rank, name, name_en, headquarters, revenue, revenue_unit, industry, country, uscc). " +
                "Rows are matched to firms by credit code, name and aliases; ambiguous and unmatched rows are reported, and become new firms only with ?createMissing=true. ?dryRun=true writes nothing.")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem();
        return app;
    }

    public sealed record ImportQuery(string listId, int year, bool? createMissing, bool? dryRun);

    public sealed record ListImportReport(string Edition, int Rows, int Matched, int Created, int Ambiguous, int Unmatched, int Written, bool DryRun,
        IReadOnlyList<ListRowResult> Problems, IReadOnlyList<ListRowResult> Results);

    static async Task<Results<Ok<ListImportReport>, ValidationProblem>> ImportEdition(
        [AsParameters] ImportQuery q, HttpRequest request, GraphSnapshot snapshot, GraphWrites writes, CancellationToken ct)
    {
        if (!ListImport.Families.ContainsKey(q.listId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["listId"] = [$"'{q.listId}' is not a known list: use {string.Join(", ", ListImport.Families.Keys)}"] });
        if (q.year is < 1990 or > 2100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"'year' must be between 1990 and 2100, not {q.year}"] });
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);

        var (rows, errors) = ListFile.Read(body.ToArray());
        ListImportPlan plan;
        try
        {
            if (errors.Count > 0) throw new ListImportException(errors);
            plan = ListImport.Plan(snapshot.Current, rows, q.listId, q.year, q.createMissing ?? false, $"upload of {DateTime.UtcNow:yyyy-MM-dd}");
        }
        catch (ListImportException e)
        {
            return TypedResults.ValidationProblem(
                Parameters.RowErrors(e.Errors),
                title: "The list file has bad rows; nothing was imported.");
        }
        var written = q.dryRun == true ? 0 : (await writes.ApplyAsync(plan.Changes, $"list edition {plan.Edition}", ct)).Total;
        var problems = plan.Rows.Where(r => r.Outcome is ListImport.Ambiguous or ListImport.Unmatched).ToList();
        return TypedResults.Ok(new ListImportReport(plan.Edition, plan.Rows.Count, plan.Count(ListImport.Matched), plan.Count(ListImport.Created),
            plan.Count(ListImport.Ambiguous), plan.Count(ListImport.Unmatched), written, q.dryRun == true, problems, plan.Rows));
    }
}
