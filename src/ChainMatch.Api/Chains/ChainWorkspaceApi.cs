using System.Collections.Immutable;
using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Api.Projects;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Chains;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Chains;

/// <summary>A chain chief's workspace: the chain's projects and problems in a region (read only) and its plan (一链一策) with every saved version.</summary>
public static class ChainWorkspaceApi
{
    public static IEndpointRouteBuilder MapChainWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chains/{chainId}").WithTags("Chain workspace");
        api.MapGet("/workspace", Workspace).Require(Permission.ReadChainWork)
            .WithSummary("The chain's projects and their problems in the region (and under it), past-due projects, and the chain plan with its history.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/plans", SavePlan).Require(Permission.WriteChainPlan).Audited(new AuditTarget(c => $"chain-plan:{c.Request.RouteValues["chainId"]}"))
            .WithSummary("Save a new version of the chain's plan for a region (priorities, responsible units, yearly targets), edited from version basedOn (0 for the first).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Without a region, the caller's region.</summary>
    public sealed record WorkspaceQuery(string chainId, string? region) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Chain(nameof(chainId), chainId), ScopeDemand.Region(nameof(region), region)];
    }

    public sealed record PlanRoute(string chainId) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Chain(nameof(chainId), chainId)];
    }

    public sealed record PlanDraft(string Region, int BasedOn, IReadOnlyList<string>? Priorities, IReadOnlyList<string>? ResponsibleUnits,
        IReadOnlyList<YearlyTarget>? YearlyTargets) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region)];
    }

    /// <summary>A problem with the project it belongs to.</summary>
    public sealed record ProblemView(string Project, string FirmName, ProjectProblem Problem, bool Overdue);

    public sealed record ChainWorkspace(string Chain, string ChainName, string Region, string RegionName, IReadOnlyList<ProjectsApi.ProjectView> Projects,
        IReadOnlyList<ProblemView> Problems, PastDueReport PastDue, ChainPlan? Plan, IReadOnlyList<ChainPlan> PlanHistory);

    static Results<Ok<ChainWorkspace>, ValidationProblem> Workspace([AsParameters] WorkspaceQuery q, GraphSnapshot snapshot, Caller caller, TimeProvider time)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        var (chain, region) = Known(graph, q.chainId, q.region ?? caller.DefaultRegion, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var today = ProjectsApi.Today(time);
        var selection = new ProjectSelection(region.Code, chain.Id);
        var projects = ProjectReports.Select(graph, selection).ToList();
        var problems = projects.SelectMany(p => p.Problems.Select(x => new ProblemView(p.Id, graph.FindFirm(p.Firm)!.Name, x, x.IsOverdue(today))))
            .OrderBy(x => x.Problem.IsOpen ? 0 : 1).ThenBy(x => x.Problem.Deadline).ToList();
        var history = ChainPlans.History(graph.Data, chain.Id, region.Code);
        return TypedResults.Ok(new ChainWorkspace(chain.Id.Value, chain.Name, region.Code.Value, region.Name,
            [.. projects.Select(p => ProjectsApi.View(graph, p, today))], problems, ProjectReports.PastDue(graph, selection, today), history.FirstOrDefault(), history));
    }

    static async Task<Results<Created<ChainPlan>, ValidationProblem>> SavePlan([AsParameters] PlanRoute route, PlanDraft draft, GraphSnapshot snapshot, GraphWrites writes,
        Caller caller, TimeProvider time, CancellationToken ct)
    {
        var errors = Parameters.Errors();
        var (chain, region) = Known(snapshot.Current, route.chainId, draft.Region, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        ChainPlan Next(ChainGraph graph) => ChainPlans.Next(graph.Data, chain.Id, region.Code, draft.BasedOn, draft.Priorities ?? [], draft.ResponsibleUnits ?? [],
            draft.YearlyTargets ?? [], caller.Name, time.GetUtcNow());
        // Tried on the graph as read first, so a bad draft is a 400 before the write waits its turn; numbered again inside it.
        Next(snapshot.Current);
        var (plan, _) = await writes.UpdateAsync(graph =>
        {
            var next = Next(graph);
            return (GraphData.Empty with { ChainPlans = [next] }, next);
        }, $"plan of {chain.Id} for {region.Code}", ct);
        return TypedResults.Created($"/api/chains/{chain.Id}/workspace?region={region.Code}", plan);
    }

    static (Chain Chain, Region Region) Known(ChainGraph graph, string chainId, string? region, Dictionary<string, string[]> errors)
    {
        var chain = graph.FindChain(new ChainId(chainId)) ?? throw new NotFoundException("chain", chainId);
        var found = region is null ? null : graph.FindRegion(new RegionCode(region));
        if (found is null) errors["region"] = [region is null ? "name the region whose projects and plan to show" : $"unknown region '{region}'"];
        return (chain, found!);
    }
}
