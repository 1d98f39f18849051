using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Firms;

public static class FirmsApi
{
    public static IEndpointRouteBuilder MapFirmsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/firms").WithTags("Firms");
        api.MapGet("/search", Search).Require(Permission.ReadMaps)
            .WithSummary("As-you-type firm search: Chinese or English name, alias or credit code; exact matches first, then names starting with the text, then names containing it.")
            .ProducesValidationProblem();
        api.MapGet("/{firmId}", GetFirm).Require(Permission.ReadMaps).WithSummary("One firm: headquarters, where it operates in which segments, list memberships.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{firmId}", PutFirm).Require(Permission.Administer).Audited(Audit).WithSummary("Add or correct a firm (name, English name, headquarters, ownership, credit code, aliases).")
            .ProducesValidationProblem();
        api.MapPost("/{firmId}/presences", PostPresence).Require(Permission.Administer).Audited(Audit)
            .WithSummary("Add or correct where a firm operates (segment, region, capacity, since); the same firm, segment, place, year and site is the same presence.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{firmId}/lead-segments", GetLeadSegments).Require(Permission.WriteProjects)
            .WithSummary("The segments a lead for the firm may name: where it operates, what its list industries map to, then the rest of those chains; only the caller's chains.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record LeadSegmentView(string Segment, string SegmentName, string? SegmentNameEn, IReadOnlyList<string> Chains, LeadSegmentBasis Basis);

    static Results<Ok<List<LeadSegmentView>>, ValidationProblem> GetLeadSegments(string firmId, GraphSnapshot snapshot, Caller caller)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(firmId, nameof(firmId), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var graph = snapshot.Current;
        var firm = graph.FindFirm(new FirmId(firmId)) ?? throw new NotFoundException("firm", firmId);
        return TypedResults.Ok(LeadSegments.For(graph, firm.Id)
            .Select(x => (Offer: x, Segment: graph.FindSegment(x.Segment)!, Chains: graph.ChainsOf(x.Segment).Where(c => caller.Scope.HoldsChain(c.Id.Value)).ToList()))
            .Where(x => x.Chains.Count > 0)
            .Select(x => new LeadSegmentView(x.Segment.Id.Value, x.Segment.Name, x.Segment.NameEn, [.. x.Chains.Select(c => c.Name)], x.Offer.Basis)).ToList());
    }

    static readonly Scope Everywhere = new(Scope.AllRegions);

    /// <summary>A firm edit is audited with the firm page as it was and as it became, every presence in full (the audit log is read by callers for all regions).</summary>
    static readonly AuditTarget Audit = new(c => $"firm:{c.Request.RouteValues["firmId"]}",
        (c, graph) => graph.FindFirm(new FirmId((string)c.Request.RouteValues["firmId"]!)) is { } firm ? Detail(graph, firm, Everywhere) : null);

    public sealed record SourceView(string? Publisher, string? Reference, bool Estimate, bool Verified);

    /// <summary>A presence outside the caller's scope shows its segment, place and years; its site, capacity and source are <see cref="Withheld"/>.</summary>
    public sealed record PresenceView(string Segment, string SegmentName, string Region, string RegionName, string? Site,
        double? Capacity, string? Unit, int? Since, int? Until, SourceView? Source, bool Withheld = false);

    public sealed record MembershipView(string List, string ListName, int Year, int? Rank, double? Revenue);

    /// <summary>The firm's parent group, with who says so.</summary>
    public sealed record GroupView(string Parent, string ParentName, double? Share, SourceView Source);

    /// <summary>A firm the group holds directly.</summary>
    public sealed record SubsidiaryView(string Id, string Name, double? Share);

    public sealed record FirmDetail(string Id, string Name, string? NameEn, string? Uscc, IReadOnlyList<string> Aliases, string? Headquarters, string? HeadquartersName,
        string? Ownership, SourceView Source, IReadOnlyList<PresenceView> Presences, IReadOnlyList<MembershipView> Lists, IReadOnlyList<string> NegativeList,
        GroupView? Group, IReadOnlyList<SubsidiaryView> Subsidiaries);

    /// <summary>Any caller who reads maps may find any firm: firm pages are open to them too.</summary>
    public sealed record SearchQuery(string? q, int? limit) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [];
    }

    public sealed record FirmSuggestion(string Id, string Name, string? NameEn, string? Uscc, string? Headquarters, string? HeadquartersName,
        FirmNameField Field, string Matched, FirmMatchKind Match);

    const int MaxQuery = 100;

    static Results<Ok<List<FirmSuggestion>>, ValidationProblem> Search([AsParameters] SearchQuery query, GraphSnapshot snapshot)
    {
        var errors = Parameters.Errors();
        if (string.IsNullOrWhiteSpace(query.q)) errors["q"] = ["'q' is required: part of a firm's name, alias or credit code"];
        else if (query.q.Length > MaxQuery) errors["q"] = [$"'q' is longer than {MaxQuery} characters"];
        else if (FirmSearch.Fold(query.q).Length == 0) errors["q"] = [$"'{query.q}' holds no letter or digit to search for"];
        if (query.limit is < 1 or > 50) errors["limit"] = ["'limit' must be between 1 and 50"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var graph = snapshot.Current;
        return TypedResults.Ok(graph.FirmSearch.Find(query.q!, query.limit ?? 10).Select(hit =>
            new FirmSuggestion(hit.Firm.Id.Value, hit.Firm.Name, hit.Firm.NameEn, hit.Firm.Uscc, hit.Firm.Headquarters?.Value,
                hit.Firm.Headquarters is { } hq ? graph.FindRegion(hq)?.Name : null, hit.Field, hit.Matched, hit.Kind)).ToList());
    }

    static Results<Ok<FirmDetail>, ValidationProblem> GetFirm(string firmId, GraphSnapshot snapshot, Caller caller)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(firmId, nameof(firmId), errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var graph = snapshot.Current;
        return TypedResults.Ok(Detail(graph, graph.FindFirm(new FirmId(firmId)) ?? throw new NotFoundException("firm", firmId), caller.Scope));
    }

    /// <summary>The firm page as <paramref name="scope"/> may see it: presences elsewhere without their details, only the negative-list rules that bind its regions.</summary>
    static FirmDetail Detail(ChainGraph graph, Firm firm, Scope scope)
    {
        var presences = graph.PresencesOf(firm.Id)
            .Select(p => scope.SeesDetailsOf(graph, p)
                ? new PresenceView(p.Segment.Value, graph.FindSegment(p.Segment)!.Name, p.Region.Value, graph.FindRegion(p.Region)!.Name,
                    p.Site, p.Capacity?.Amount, p.Capacity?.Unit, p.Since, p.Until, Source(p.Source))
                : new PresenceView(p.Segment.Value, graph.FindSegment(p.Segment)!.Name, p.Region.Value, graph.FindRegion(p.Region)!.Name,
                    null, null, null, p.Since, p.Until, null, Withheld: true))
            .ToList();
        var lists = graph.MembershipsOf(firm.Id)
            .Select(m => graph.Data.Lists.First(l => l.Id == m.List) is var l ? new MembershipView(l.Id.Value, l.Name, l.Year, m.Rank, m.Revenue) : null!)
            .ToList();
        var hq = firm.Headquarters is { } code ? graph.FindRegion(code) : null;
        return new FirmDetail(firm.Id.Value, firm.Name, firm.NameEn, firm.Uscc, firm.Aliases, hq?.Code.Value, hq?.Name, firm.Ownership,
            Source(firm.Source), presences, lists, [.. NegativeList.Naming(graph, firm.Id).Where(r => scope.Sees(graph, r)).Select(r => r.ToString())],
            firm.Group is { } g ? new GroupView(g.Parent.Value, graph.FindFirm(g.Parent)?.Name ?? g.Parent.Value, g.Share, Source(g.Source)) : null,
            Subsidiaries(graph, firm));
    }

    static List<SubsidiaryView> Subsidiaries(ChainGraph graph, Firm firm)
    {
        var index = graph.IndexOf(firm.Id);
        return [.. graph.GroupBelow(index).Skip(1).Where(i => graph.ParentOf(i) == index).Select(i => graph.Firms[i])
            .Select(f => new SubsidiaryView(f.Id.Value, f.Name, f.Group?.Share)).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    public sealed record FirmEdit(string Name, string? NameEn, string? Headquarters, string? Ownership, string? Uscc, IReadOnlyList<string>? Aliases,
        string? SourcePublisher, string? SourceRef) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("headquarters", Headquarters)];
    }

    public sealed record PresenceEdit(string Segment, string Region, double? Capacity, string? Unit, int? Since, int? Until, string? Site,
        string? SourcePublisher, string? SourceRef, bool? Estimate) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region("region", Region), ScopeDemand.Segment("segment", Segment)];
    }

    static async Task<Results<Ok<FirmDetail>, ValidationProblem>> PutFirm(string firmId, FirmEdit edit, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        var firm = new Firm(new FirmId(firmId), edit.Name?.Trim() ?? "", edit.NameEn, edit.Headquarters is null ? null : new RegionCode(edit.Headquarters),
            edit.Ownership, new Provenance(edit.SourcePublisher, edit.SourceRef))
        {
            Uscc = edit.Uscc,
            Aliases = [.. (edit.Aliases ?? []).Select(a => a.Trim()).Distinct()],
            // The edit names the firm's own fields; its group link comes from groups.csv and is kept.
            Group = snapshot.Current.FindFirm(new FirmId(firmId))?.Group,
        };
        var errors = FirmEdits.Check(snapshot.Current, firm);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await writes.UpdateAsync(graph =>
        {
            caller.Scope.DemandFirmEdit(graph, graph.FindFirm(firm.Id), firm);
            // Checked again on the newest graph: an alias another edit claimed meanwhile is not taken twice.
            if (FirmEdits.Check(graph, firm) is { Count: > 0 } now)
                throw new WriteConflictException("Firm changed meanwhile", string.Join("; ", now.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
            return (GraphData.Empty with { Firms = [firm] }, firm);
        }, $"firm {firmId}", ct);
        return TypedResults.Ok(Detail(snapshot.Current, snapshot.Current.FindFirm(firm.Id)!, caller.Scope));
    }

    static async Task<Results<Ok<FirmDetail>, ValidationProblem>> PostPresence(string firmId, PresenceEdit edit, GraphSnapshot snapshot, GraphWrites writes, Caller caller, CancellationToken ct)
    {
        if (snapshot.Current.FindFirm(new FirmId(firmId)) is null) throw new NotFoundException("firm", firmId);
        if ((edit.Capacity is null) != (edit.Unit is null))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unit"] = ["capacity and unit go together: give both or neither"] });
        var presence = new Presence(new FirmId(firmId), new SegmentId(edit.Segment ?? ""), new RegionCode(edit.Region ?? ""),
            edit.Capacity is { } c ? new Quantity(c, edit.Unit!) : null, edit.Since, edit.Until, edit.Site,
            new Provenance(edit.SourcePublisher, edit.SourceRef, edit.Estimate ?? false));
        var errors = FirmEdits.Check(snapshot.Current, presence);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await writes.UpdateAsync(graph =>
        {
            // The same firm, segment, place, year and site is the same presence, so the one stored is in the same region.
            caller.Scope.DemandPresenceEdit(graph, presence);
            return (GraphData.Empty with { Presences = [presence] }, presence);
        }, $"presence of {firmId} in {edit.Segment} at {edit.Region}", ct);
        return TypedResults.Ok(Detail(snapshot.Current, snapshot.Current.FindFirm(presence.Firm)!, caller.Scope));
    }

    static SourceView Source(Provenance p) => new(p.Publisher, p.Reference, p.Estimate, p.IsVerified);
}
