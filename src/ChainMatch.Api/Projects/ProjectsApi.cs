using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Projects;
using ChainMatch.Ranking.Simulation;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/projects").WithTags("Project library");
        api.MapGet("/", ListProjects).Require(Permission.ReadProjects).WithSummary("Projects, filtered by region (and everything under it), chain, current stage and owner team.");
        api.MapGet("/pipeline", Pipeline).Require(Permission.ReadProjects).WithSummary("Counts and amounts per stage for a region and chain, as the bureau reports them.");
        api.MapGet("/duplicates", CheckLead).Require(Permission.WriteProjects)
            .WithSummary("Before a lead is saved: the other regions of the province already pursuing this firm for this segment (the warning the new lead would get).").ProducesValidationProblem();
        api.MapGet("/{projectId}", GetProject).Require(Permission.ReadProjects).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateLead).Require(Permission.WriteProjects).Audited(new AuditTarget(_ => "projects")).WithSummary("Create a lead for a firm and a gap (segment × region).").ProducesValidationProblem();
        api.MapPost("/import", Import).Require(Permission.Administer).TakesFiles().AsExpensive().Audited(new AuditTarget(_ => "projects"))
            .WithSummary("Import an existing project library as CSV, one row per step (project,firm,segment,region,owner,stage,date,agreed_investment,funds_in_place,note); all or nothing, every bad row named; ?dryRun=true writes nothing.")
            .Accepts<string>("text/csv").ProducesValidationProblem();
        api.MapPost("/{projectId}/stages", AddStage).Require(Permission.WriteProjects).Audited(AuditProject)
            .WithSummary("Move a project to its next stage with a date and amounts (亿元); illegal moves are refused naming the allowed next stages.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        return app;
    }

    /// <summary>A project's changes are audited with the project as it was and as it became.</summary>
    internal static readonly AuditTarget AuditProject = new(c => $"project:{c.Request.RouteValues["projectId"]}",
        (c, graph) => graph.Data.Projects.FirstOrDefault(p => p.Id == (string?)c.Request.RouteValues["projectId"]));

    public sealed record ProjectView(string Id, string Firm, string FirmName, string Segment, string SegmentName, string Region, string RegionName,
        string OwnerTeam, ProjectStage Stage, DateOnly Since, double? AgreedInvestment, double? FundsInPlace, IReadOnlyList<StageChange> History,
        IReadOnlyList<ProjectProblem> Problems, IReadOnlyList<string> ExcludedBy, IReadOnlyList<KeyReview> KeyReviews, IReadOnlyList<StageDue> DueDates,
        IReadOnlyList<StageDue> PastDue)
    {
        /// <summary>Where the project stands with the key-project library, null when never proposed.</summary>
        public KeyReview? Key => KeyReviews.Count == 0 ? null : KeyReviews[^1];

        /// <summary>The stages the lifecycle allows next, so a form offers only legal moves.</summary>
        public IReadOnlyList<ProjectStage> Next => ProjectLifecycle.AllowedAfter(Stage);
    }

    /// <summary>A created lead, and the other regions of the province already pursuing the same firm for the same segment.</summary>
    public sealed record CreatedLead(ProjectView Project, IReadOnlyList<string> Warnings);

    public sealed record NewLead(string? Id, string Firm, string Segment, string Region, string OwnerTeam, string Date, string? Note) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region), ScopeDemand.Segment("segment", Segment)];
    }

    /// <summary>A lead about to be created: the firm, and the gap (segment × region) it would fill.</summary>
    public sealed record LeadCheckQuery(string? firm, string? segment, string? region) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Segment(nameof(segment), segment)];
    }

    public sealed record LeadCheck(IReadOnlyList<string> Warnings);

    public sealed record NewStage(string Stage, string Date, double? AgreedInvestment, double? FundsInPlace, string? Note);

    /// <summary>Without a region the list is the caller's region; without a chain it spans every chain; key: proposed, admitted or refused for the key-project library.</summary>
    public sealed record ProjectQuery(string? region, string? chain, string? stage, string? owner, string? key) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    static Results<Ok<List<ProjectView>>, ValidationProblem> ListProjects([AsParameters] ProjectQuery q, GraphSnapshot snapshot, Caller caller, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var selection = Selection(graph, q with { region = q.region ?? caller.DefaultRegion }, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(ProjectReports.Select(graph, selection).Select(p => View(graph, p, Today(time))).ToList());
    }

    static Results<Ok<PipelineReport>, ValidationProblem> Pipeline([AsParameters] ProjectQuery q, GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var selection = Selection(graph, q with { region = q.region ?? caller.DefaultRegion, stage = null }, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(ProjectReports.Pipeline(graph, selection));
    }

    static Ok<ProjectView> GetProject(string projectId, GraphSnapshot snapshot, Caller caller, TimeProvider time) =>
        TypedResults.Ok(View(snapshot.Current, Find(snapshot.Current, projectId, caller), Today(time)));

    static async Task<Results<Created<CreatedLead>, ValidationProblem, ProblemHttpResult>> CreateLead(NewLead lead, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time, CancellationToken ct)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        KnownGap(graph, lead.Firm, lead.Segment, lead.Region, errors);
        if (string.IsNullOrWhiteSpace(lead.OwnerTeam)) errors["ownerTeam"] = ["a lead needs the team that owns it"];
        var date = Parameters.Date(lead.Date, "date", errors);
        var id = lead.Id ?? $"{lead.Firm}-{lead.Segment}-{lead.Region}".ToLowerInvariant();
        Parameters.Slug(id, "id", errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var project = new Project(id, new FirmId(lead.Firm!), new SegmentId(lead.Segment!), new RegionCode(lead.Region!), lead.OwnerTeam.Trim(),
            [new StageChange(ProjectStage.Lead, date, Note: lead.Note)], new Provenance(lead.OwnerTeam.Trim(), "ChainMatch project library"));
        // "Does it exist?" is asked inside the write: of two leads with one id at once, the second is a 409, not an overwrite.
        var (warnings, _) = await writes.UpdateAsync(graph =>
        {
            var stored = graph.Data.Projects.FirstOrDefault(p => p.Id == id);
            caller.Scope.DemandProjectEdit(graph, stored, project);
            if (stored is not null)
                throw new WriteConflictException("Project exists", $"project '{id}' already exists: move it with POST /api/projects/{id}/stages");
            return (GraphData.Empty with { Projects = [project] }, Coordination.AlreadyPursued(graph, project.Firm, project.Segment, project.Region, date, p => caller.Scope.Sees(graph, p)));
        }, $"new lead {id}", ct);
        return TypedResults.Created($"/api/projects/{id}", new CreatedLead(View(snapshot.Current, project, Today(time)), warnings));
    }

    static Results<Ok<LeadCheck>, ValidationProblem> CheckLead([AsParameters] LeadCheckQuery q, GraphSnapshot snapshot, Caller caller, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        KnownGap(graph, q.firm, q.segment, q.region, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        return TypedResults.Ok(new LeadCheck(Coordination.AlreadyPursued(graph, new FirmId(q.firm!), new SegmentId(q.segment!), new RegionCode(q.region!), today,
            p => caller.Scope.Sees(graph, p))));
    }

    /// <summary>A lead names a firm, a segment and a region the graph knows.</summary>
    static void KnownGap(ChainGraph graph, string? firm, string? segment, string? region, Dictionary<string, string[]> errors)
    {
        if (graph.FindFirm(new FirmId(firm ?? "")) is null) errors["firm"] = [$"unknown firm '{firm}'"];
        if (graph.FindSegment(new SegmentId(segment ?? "")) is null) errors["segment"] = [$"unknown segment '{segment}'"];
        if (graph.FindRegion(new RegionCode(region ?? "")) is null) errors["region"] = [$"unknown region '{region}'"];
    }

    static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> AddStage(string projectId, NewStage step, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time, CancellationToken ct)
    {
        Find(snapshot.Current, projectId, caller);
        var errors = Parameters.Errors();
        if (!ProjectLifecycle.TryParse(step.Stage, out var stage)) errors["stage"] = [$"'{step.Stage}' is not a stage: use {ProjectLifecycle.Names}"];
        var date = Parameters.Date(step.Date, "date", errors);
        if (step.AgreedInvestment < 0) errors["agreedInvestment"] = ["amounts cannot be negative"];
        if (step.FundsInPlace < 0) errors["fundsInPlace"] = ["amounts cannot be negative"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Project moved;
        try
        {
            // Moved from the newest project inside the write: of two moves at once, the second starts where the first ended.
            (moved, _) = await writes.UpdateAsync(graph =>
            {
                var next = ProjectLifecycle.Advance(Find(graph, projectId, caller), new StageChange(stage, date, step.AgreedInvestment, step.FundsInPlace, step.Note));
                return (GraphData.Empty with { Projects = [next] }, next);
            }, $"project {projectId} to {step.Stage}", ct);
        }
        catch (IllegalTransitionException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Illegal stage change", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["allowed"] = e.Allowed.Select(ProjectLifecycle.Name).ToArray() });
        }
        return TypedResults.Ok(View(snapshot.Current, moved, Today(time)));
    }

    public sealed record ProjectImportReport(int Projects, int Steps, int Written, bool DryRun);

    static async Task<Results<Ok<ProjectImportReport>, ValidationProblem>> Import(HttpRequest request, bool? dryRun, GraphSnapshot snapshot, GraphWrites writes, Caller caller, TimeProvider time, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var source = $"project import of {time.GetUtcNow():yyyy-MM-dd}";
        // Each project as stored and as imported must be in the caller's scope: an import never moves another region's project.
        IReadOnlyList<Project> Plan(ChainGraph graph)
        {
            var projects = ProjectFile.Plan(graph, body.ToArray(), source);
            foreach (var p in projects) caller.Scope.DemandProjectEdit(graph, graph.Data.Projects.FirstOrDefault(s => s.Id == p.Id), p);
            return projects;
        }
        IReadOnlyList<Project> projects;
        var written = 0;
        try
        {
            if (dryRun == true) projects = Plan(snapshot.Current);
            else
            {
                // Planned inside the write on the newest library, so a write that lands meanwhile is built upon, not undone.
                (projects, var report) = await writes.UpdateAsync(graph =>
                {
                    var planned = Plan(graph);
                    return (GraphData.Empty with { Projects = [.. planned] }, planned);
                }, "project import", ct);
                written = report.Total;
            }
        }
        catch (ListImportException e)
        {
            return TypedResults.ValidationProblem(
                Parameters.RowErrors(e.Errors),
                title: "The project file has bad rows; nothing was imported.");
        }
        return TypedResults.Ok(new ProjectImportReport(projects.Count, projects.Sum(p => p.History.Length), written, dryRun == true));
    }

    internal static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().Date);

    /// <summary>The query's region, chain and stage checked against the graph and the lifecycle, each bad one named.</summary>
    internal static ProjectSelection Selection(ChainGraph graph, ProjectQuery q, Dictionary<string, string[]> errors)
    {
        if (q.region is { } r && graph.FindRegion(new RegionCode(r)) is null) errors["region"] = [$"unknown region '{r}'"];
        if (q.chain is { } c && graph.FindChain(new ChainId(c)) is null) errors["chain"] = [$"unknown chain '{c}'"];
        ProjectStage? stage = ProjectLifecycle.TryParse(q.stage, out var parsed) ? parsed : null;
        if (q.stage is not null && stage is null) errors["stage"] = [$"'{q.stage}' is not a stage"];
        KeyReviewState? key = KeyProjects.TryParse(q.key, out var state) ? state : null;
        if (q.key is not null && key is null) errors["key"] = [$"'{q.key}' is not a key-project state: use {KeyProjects.Names}"];
        return new ProjectSelection(q.region is null ? null : new RegionCode(q.region), q.chain is null ? null : new ChainId(q.chain), stage, q.owner, key);
    }

    /// <summary>The project, if the caller may see its region; one outside their scope is refused, not shown.</summary>
    internal static Project Find(ChainGraph graph, string id, Caller caller)
    {
        var project = graph.Data.Projects.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException("project", id);
        caller.Scope.DemandStored(graph, "project", id, project.Region);
        return project;
    }

    internal static ProjectView View(ChainGraph graph, Project p, DateOnly today) => new(p.Id, p.Firm.Value, graph.FindFirm(p.Firm)!.Name, p.Segment.Value,
        graph.FindSegment(p.Segment)!.Name, p.Region.Value, graph.FindRegion(p.Region)!.Name, p.OwnerTeam, p.Stage, p.Current.Date,
        p.AgreedInvestment, p.FundsInPlace, p.History, p.Problems,
        [.. new NegativeList(graph, new Gap(p.Segment, p.Region)).Catching(p.Firm).Select(r => r.ToString())], p.KeyReviews, p.DueDates, [.. StageDues.Missed(p, today)]);
}
