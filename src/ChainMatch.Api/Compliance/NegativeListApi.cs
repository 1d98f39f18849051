using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Compliance;

public static class NegativeListApi
{
    public static IEndpointRouteBuilder MapNegativeListApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/negative-list").WithTags("Negative list");
        api.MapGet("/", ListRules).Require(Permission.ReadLeads)
            .WithSummary("The negative list (负面清单): rules by firm, segment and region, each with its reason and source; a regional caller sees the rules that bind its region, not other regions' rules.");
        api.MapPost("/", AddRule).Require(Permission.Administer)
            .Audited(new AuditTarget(_ => "negative-list", (_, graph) => graph.Data.NegativeRules.Select(View).ToList()))
            .WithSummary("Add or correct a rule; every firm, segment and region it names must exist.").ProducesValidationProblem();
        return app;
    }

    public sealed record RuleView(string Id, string? Firm, string? Segment, string? Region, string Reason, string? SourcePublisher, string? SourceRef) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region), ScopeDemand.Segment("segment", Segment)];
    }

    static Ok<List<RuleView>> ListRules(GraphSnapshot snapshot, Caller caller)
    {
        var graph = snapshot.Current;
        return TypedResults.Ok(graph.Data.NegativeRules.Where(r => caller.Scope.Sees(graph, r)).Select(View).ToList());
    }

    static async Task<Results<Created<RuleView>, ValidationProblem>> AddRule(RuleView rule, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        var graph = snapshot.Current;
        var errors = Parameters.Errors();
        Parameters.Slug(rule.Id, "id", errors);
        if (string.IsNullOrWhiteSpace(rule.Reason)) errors["reason"] = ["a rule needs a reason"];
        if (rule.Firm is null && rule.Segment is null && rule.Region is null) errors["firm"] = ["a rule names at least one of firm, segment and region"];
        if (rule.Firm is { } f && graph.FindFirm(new FirmId(f)) is null) errors["firm"] = [$"unknown firm '{f}'"];
        if (rule.Segment is { } s && graph.FindSegment(new SegmentId(s)) is null) errors["segment"] = [$"unknown segment '{s}'"];
        if (rule.Region is { } r && graph.FindRegion(new RegionCode(r)) is null) errors["region"] = [$"unknown region '{r}'"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var updated = new NegativeRule(rule.Id, rule.Firm is null ? null : new FirmId(rule.Firm), rule.Segment is null ? null : new SegmentId(rule.Segment),
            rule.Region is null ? null : new RegionCode(rule.Region), rule.Reason.Trim(), new Provenance(rule.SourcePublisher, rule.SourceRef));
        // The rule with this id as stored is judged too: posting another region's id with one's own region does not take it over.
        await writes.UpdateAsync(g =>
        {
            caller.Scope.DemandRuleEdit(g, g.Data.NegativeRules.FirstOrDefault(x => x.Id == updated.Id), updated);
            return (GraphData.Empty with { NegativeRules = [updated] }, updated);
        }, $"negative-list rule {updated.Id}", ct);
        return TypedResults.Created($"/api/negative-list#{updated.Id}", View(updated));
    }

    static RuleView View(NegativeRule r) =>
        new(r.Id, r.Firm?.Value, r.Segment?.Value, r.Region?.Value, r.Reason, r.Source.Publisher, r.Source.Reference);
}
