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
        api.MapGet("/", ListRules).Require(Permission.ReadLeads).WithSummary("The negative list (负面清单): rules by firm, segment and region, each with its reason and source.");
        api.MapPost("/", AddRule).Require(Permission.Administer)
            .Audited(new AuditTarget(_ => "negative-list", (_, graph) => graph.Data.NegativeRules.Select(View).ToList()))
            .WithSummary("Add or correct a rule; every firm, segment and region it names must exist.").ProducesValidationProblem();
        return app;
    }

    public sealed record RuleView(string Id, string? Firm, string? Segment, string? Region, string Reason, string? SourcePublisher, string? SourceRef);

    static Ok<List<RuleView>> ListRules(GraphSnapshot snapshot) =>
        TypedResults.Ok(snapshot.Current.Data.NegativeRules.Select(View).ToList());

    static async Task<Results<Created<RuleView>, ValidationProblem>> AddRule(RuleView rule, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        var graph = snapshot.Current;
        // A rule without a region applies everywhere, so only a caller who sees everywhere may add one.
        if (rule.Region is { } scoped) caller.Demand(graph, new RegionCode(scoped));
        else if (!caller.SeesEverywhere) throw new AccessDeniedException($"a rule for every region needs a caller who sees all regions, not {caller.ScopeText}");
        var errors = Parameters.Errors();
        Parameters.Slug(rule.Id, "id", errors);
        if (string.IsNullOrWhiteSpace(rule.Reason)) errors["reason"] = ["a rule needs a reason"];
        if (rule.Firm is null && rule.Segment is null && rule.Region is null) errors["firm"] = ["a rule names at least one of firm, segment and region"];
        if (rule.Firm is { } f && graph.FindFirm(new FirmId(f)) is null) errors["firm"] = [$"unknown firm '{f}'"];
        if (rule.Segment is { } s && graph.FindSegment(new SegmentId(s)) is null) errors["segment"] = [$"unknown segment '{s}'"];
        if (rule.Region is { } r && graph.FindRegion(new RegionCode(r)) is null) errors["region"] = [$"unknown region '{r}'"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var stored = new NegativeRule(rule.Id, rule.Firm is null ? null : new FirmId(rule.Firm), rule.Segment is null ? null : new SegmentId(rule.Segment),
            rule.Region is null ? null : new RegionCode(rule.Region), rule.Reason.Trim(), new Provenance(rule.SourcePublisher, rule.SourceRef));
        await writes.ApplyAsync(GraphData.Empty with { NegativeRules = [stored] }, $"negative-list rule {stored.Id}", ct);
        return TypedResults.Created($"/api/negative-list#{stored.Id}", View(stored));
    }

    static RuleView View(NegativeRule r) =>
        new(r.Id, r.Firm?.Value, r.Segment?.Value, r.Region?.Value, r.Reason, r.Source.Publisher, r.Source.Reference);
}
