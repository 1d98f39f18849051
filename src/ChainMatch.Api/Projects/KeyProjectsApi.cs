using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Projects;

/// <summary>The key-project library (重点项目库) and the supervised steps' due dates (在谈督签约、签约督落地、落地督竣工).</summary>
public static class KeyProjectsApi
{
    public static IEndpointRouteBuilder MapKeyProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Project library");
        api.MapGet("/overdue", PastDue).Require(Permission.ReadProjects)
            .WithSummary("Projects past a due date without reaching its stage, counted per owner team and per region.").ProducesValidationProblem();
        api.MapPost("/{projectId}/key-proposals", Propose).Require(Permission.WriteProjects).Audited(ProjectsApi.AuditProject)
            .WithSummary("Propose the project for the key-project library, with the date and the reason.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{projectId}/key-review", Review).Require(Permission.ReviewKeyProjects).Audited(ProjectsApi.AuditProject)
            .WithSummary("Admit or refuse the pending proposal (decision: admit or refuse), with the date and the reason; reviewed a level above the project's region, never by its proposer.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{projectId}/due-dates", SetDue).Require(Permission.WriteProjects).Audited(ProjectsApi.AuditProject)
            .WithSummary("Set the date by which the project is to be signed, started or in production (replaces an earlier one for that stage).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record KeyProposal(string Date, string Reason);

    public sealed record KeyDecision(string Decision, string Date, string Reason);

    public sealed record DueDate(string Stage, string By);

    /// <summary>Without a region the list is the caller's region.</summary>
    public sealed record PastDueQuery(string? region, string? chain, string? owner, string? key, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    static Results<Ok<PastDueReport>, ValidationProblem> PastDue([AsParameters] PastDueQuery q, GraphSnapshot snapshot, Caller caller, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, graph);
        var selection = ProjectsApi.Selection(graph, new ProjectsApi.ProjectQuery(q.region ?? caller.DefaultRegion, q.chain, null, q.owner, q.key), errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(ProjectReports.PastDue(graph, selection, asOf));
    }

    static Task<Results<Ok<ProjectsApi.ProjectView>, ValidationProblem>> Propose(string projectId, KeyProposal body, GraphSnapshot snapshot, GraphWrites writes,
        Caller caller, TimeProvider time, CancellationToken ct)
    {
        var errors = Parameters.Errors();
        var on = Parameters.Date(body.Date, "date", errors);
        return Change(projectId, errors, (_, p) => KeyProjects.Propose(p, caller.Name, on, body.Reason ?? ""), $"key-project proposal of {projectId}",
            snapshot, writes, caller, time, ct);
    }

    static Task<Results<Ok<ProjectsApi.ProjectView>, ValidationProblem>> Review(string projectId, KeyDecision body, GraphSnapshot snapshot, GraphWrites writes,
        Caller caller, TimeProvider time, CancellationToken ct)
    {
        var errors = Parameters.Errors();
        var on = Parameters.Date(body.Date, "date", errors);
        if (body.Decision is not ("admit" or "refuse")) errors["decision"] = [$"'{body.Decision}' is not a decision: use admit or refuse"];
        return Change(projectId, errors, (graph, p) =>
        {
            caller.Scope.DemandKeyReview(graph, p);
            return KeyProjects.Review(p, caller.Name, on, body.Decision == "admit", body.Reason ?? "");
        }, $"key-project review of {projectId}", snapshot, writes, caller, time, ct);
    }

    static Task<Results<Ok<ProjectsApi.ProjectView>, ValidationProblem>> SetDue(string projectId, DueDate body, GraphSnapshot snapshot, GraphWrites writes,
        Caller caller, TimeProvider time, CancellationToken ct)
    {
        var errors = Parameters.Errors();
        if (!ProjectLifecycle.TryParse(body.Stage, out var stage)) errors["stage"] = [$"'{body.Stage}' is not a stage: use signed, started or in-production"];
        var by = Parameters.Date(body.By, "by", errors);
        var today = ProjectsApi.Today(time);
        return Change(projectId, errors, (_, p) => StageDues.Set(p, stage, by, caller.Name, today), $"due date of {projectId}", snapshot, writes, caller, time, ct);
    }

    /// <summary>
    /// Tries the change on the project as read, so a bad value is a 400 (or a refused state a 409) before the write waits
    /// its turn, then makes it again on the newest project inside the write: of two changes at once, the second builds on the first.
    /// </summary>
    static async Task<Results<Ok<ProjectsApi.ProjectView>, ValidationProblem>> Change(string projectId, Dictionary<string, string[]> errors, Func<ChainGraph, Project, Project> change,
        string what, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time, CancellationToken ct)
    {
        var project = ProjectsApi.Find(snapshot.Current, projectId, caller);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        change(snapshot.Current, project);
        var (changed, _) = await writes.UpdateAsync(graph =>
        {
            var next = change(graph, ProjectsApi.Find(graph, projectId, caller));
            return (GraphData.Empty with { Projects = [next] }, next);
        }, what, ct);
        return TypedResults.Ok(ProjectsApi.View(snapshot.Current, changed, ProjectsApi.Today(time)));
    }
}
