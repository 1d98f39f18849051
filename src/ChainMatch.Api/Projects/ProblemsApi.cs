using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Projects;

/// <summary>Problems raised by projects (服务得好): dispatched, tracked to closure, overdue ones listed per department and region.</summary>
public static class ProblemsApi
{
    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Project library");
        api.MapPost("/projects/{projectId}/problems", Raise).Require(Permission.WriteProjects).Audited(ProjectsApi.AuditProject)
            .WithSummary("Record a problem the firm raises, with its lead department, responsible departments and deadline.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/projects/{projectId}/problems/{problemId}/close", Close).Require(Permission.WriteProjects).Audited(ProjectsApi.AuditProject)
            .WithSummary("Close a problem (销号) with the date and the resolution.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/problems/overdue", Overdue).Require(Permission.ReadProjects).WithSummary("Open problems past their deadline, with counts per lead department and per region.");
        return app;
    }

    public sealed record NewProblem(string Category, string Description, string RaisedOn, string LeadDepartment, IReadOnlyList<string>? ResponsibleDepartments, string Deadline);

    public sealed record Closing(string ClosedOn, string Resolution);

    public sealed record OverdueQuery(string? region, string? department, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region)];
    }

    static async Task<Results<Created<ProjectProblem>, ValidationProblem>> Raise(string projectId, NewProblem p, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        var project = ProjectsApi.Find(snapshot.Current, projectId, caller);
        var errors = Parameters.Errors();
        if (string.IsNullOrWhiteSpace(p.Category)) errors["category"] = ["a problem needs a category (land, power, approvals, hiring, schooling…)"];
        if (string.IsNullOrWhiteSpace(p.Description)) errors["description"] = ["a problem needs a description"];
        if (string.IsNullOrWhiteSpace(p.LeadDepartment)) errors["leadDepartment"] = ["a problem is dispatched to a lead department"];
        var raised = Parameters.Date(p.RaisedOn, "raisedOn", errors);
        var deadline = Parameters.Date(p.Deadline, "deadline", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        ProjectProblem Next(Project current) => ProjectProblem.Next(current, p.Category, p.Description, raised, p.LeadDepartment, p.ResponsibleDepartments ?? [], deadline);
        // Tried on the project as read first, so a deadline before the day raised is a 400 before the write waits its turn.
        Next(project);

        // Numbered on the newest project inside the write, so two problems raised at once get two numbers.
        var (problem, _) = await writes.UpdateAsync(graph =>
        {
            var current = ProjectsApi.Find(graph, projectId, caller);
            var problem = Next(current);
            return (GraphData.Empty with { Projects = [current with { Problems = current.Problems.Add(problem) }] }, problem);
        }, $"problem on {projectId}", ct);
        return TypedResults.Created($"/api/projects/{projectId}/problems/{problem.Id}", problem);
    }

    static async Task<Results<Ok<ProjectProblem>, ValidationProblem, ProblemHttpResult>> Close(string projectId, string problemId, Closing c, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        var project = ProjectsApi.Find(snapshot.Current, projectId, caller);
        var index = project.Problems.Select(p => p.Id).ToList().IndexOf(problemId);
        if (index < 0) throw new NotFoundException("problem", $"{projectId}/{problemId}");
        var errors = Parameters.Errors();
        var on = Parameters.Date(c.ClosedOn, "closedOn", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        // Tried on the project as read first, so a bad resolution or date is a 400 (an InvalidValueException naming the field) before the write waits its turn.
        try
        {
            project.Problems[index].Close(on, c.Resolution ?? "");
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Problem already closed", detail: e.Message);
        }
        // Closed again on the newest project inside the write: of two closings at once, the second finds it closed.
        var (closed, _) = await writes.UpdateAsync(graph =>
        {
            var current = ProjectsApi.Find(graph, projectId, caller);
            ProjectProblem done;
            try
            {
                done = current.Problems[index].Close(on, c.Resolution ?? "");
            }
            catch (InvalidOperationException e)
            {
                throw new WriteConflictException("Problem already closed", e.Message);
            }
            return (GraphData.Empty with { Projects = [current with { Problems = current.Problems.SetItem(index, done) }] }, done);
        }, $"closing {projectId}/{problemId}", ct);
        return TypedResults.Ok(closed);
    }

    static Results<Ok<OverdueReport>, ValidationProblem> Overdue([AsParameters] OverdueQuery q, GraphSnapshot snapshot, TimeProvider time, Caller caller)
    {
        q = q with { region = q.region ?? caller.DefaultRegion };
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        if (q.region is { } r && graph.FindRegion(new RegionCode(r)) is null) errors["region"] = [$"unknown region '{r}'"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(ProjectReports.Overdue(graph, q.region is null ? null : new RegionCode(q.region), q.department, asOf));
    }
}
