using System.Text;
using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Api.Projects;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Storage.Contacts;
using ChainMatch.Storage.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Contacts;

/// <summary>The 客商库 in and out as CSV: contacts, interactions and promotion events, each import all or nothing and audited.</summary>
public static partial class ContactsApi
{
    static Results<FileContentHttpResult, ValidationProblem> ExportContacts([AsParameters] CrmQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var (region, firm, errors) = Filters(graph, q, caller);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : Csv(LeadCsv.Write(ContactFile.Columns, ContactFile.Rows(ContactBook.Contacts(graph, region, firm, q.owner))), "contacts.csv");
    }

    static Results<FileContentHttpResult, ValidationProblem> ExportInteractions([AsParameters] CrmQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var (region, firm, errors) = Filters(graph, q, caller);
        if (errors.Count == 0 && q.project is { } project) ProjectsApi.Find(graph, project, caller);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return Csv(LeadCsv.Write(InteractionFile.Columns, InteractionFile.Rows(ContactBook.Interactions(graph, region, firm, q.project))), "interactions.csv");
    }

    static Results<FileContentHttpResult, ValidationProblem> ExportEvents([AsParameters] CrmQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var (region, firm, errors) = Filters(graph, q, caller);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : Csv(LeadCsv.Write(EventFile.Columns, EventFile.Rows(ContactBook.Events(graph, region, firm))), "events.csv");
    }

    static Task<Results<Ok<ImportReport>, ValidationProblem>> ImportContacts(HttpRequest request, bool? dryRun, GraphSnapshot snapshot, GraphWrites writes, Caller caller,
        TimeProvider time, CancellationToken ct) =>
        Import(request, dryRun, snapshot, writes, "contact", (graph, content) =>
        {
            var contacts = ContactFile.Plan(graph, content, Today(time));
            // A removed contact's id is refused by the file's own rows (consent once withdrawn is not given back by a file).
            foreach (var c in contacts) DemandRecord(graph, caller, "contact", c.Id, graph.Data.Contacts.FirstOrDefault(s => s.Id == c.Id)?.Region, c.Region);
            return GraphData.Empty with { Contacts = [.. contacts] };
        }, d => d.Contacts.Length, ct);

    static Task<Results<Ok<ImportReport>, ValidationProblem>> ImportInteractions(HttpRequest request, bool? dryRun, GraphSnapshot snapshot, GraphWrites writes, Caller caller,
        TimeProvider time, CancellationToken ct) =>
        Import(request, dryRun, snapshot, writes, "interaction", (graph, content) =>
        {
            var interactions = InteractionFile.Plan(graph, content, Today(time));
            foreach (var i in interactions)
            {
                DemandRecord(graph, caller, "interaction", i.Id, graph.Data.Interactions.FirstOrDefault(s => s.Id == i.Id)?.Region, i.Region);
                if (i.Contact is { } c) caller.Scope.DemandStored(graph, "contact", c, graph.Data.Contacts.First(x => x.Id == c).Region);
            }
            return GraphData.Empty with { Interactions = [.. interactions] };
        }, d => d.Interactions.Length, ct);

    static Task<Results<Ok<ImportReport>, ValidationProblem>> ImportEvents(HttpRequest request, bool? dryRun, GraphSnapshot snapshot, GraphWrites writes, Caller caller,
        CancellationToken ct) =>
        Import(request, dryRun, snapshot, writes, "promotion event", (graph, content) =>
        {
            var events = EventFile.Plan(graph, content);
            foreach (var e in events) DemandRecord(graph, caller, "promotion event", e.Id, graph.Data.PromotionEvents.FirstOrDefault(s => s.Id == e.Id)?.Region, e.Region);
            return GraphData.Empty with { PromotionEvents = [.. events] };
        }, d => d.PromotionEvents.Length, ct);

    /// <summary>
    /// A CSV import planned inside the write on the newest graph, so a write that lands meanwhile is built upon; each record as
    /// stored and as imported must be in the caller's scope (an import never takes over another region's record).
    /// </summary>
    static async Task<Results<Ok<ImportReport>, ValidationProblem>> Import(HttpRequest request, bool? dryRun, GraphSnapshot snapshot, GraphWrites writes, string kind,
        Func<ChainGraph, byte[], GraphData> plan, Func<GraphData, int> count, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var content = body.ToArray();
        try
        {
            if (dryRun == true) return TypedResults.Ok(new ImportReport(count(plan(snapshot.Current, content)), 0, true));
            var (rows, report) = await writes.UpdateAsync(graph =>
            {
                var planned = plan(graph, content);
                return (planned, count(planned));
            }, $"{kind} import", ct);
            return TypedResults.Ok(new ImportReport(rows, report.Total, false));
        }
        catch (ListImportException e)
        {
            return TypedResults.ValidationProblem(Parameters.RowErrors(e.Errors), title: $"The {kind} file has bad rows; nothing was imported.");
        }
    }

    static FileContentHttpResult Csv(string csv, string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
}
