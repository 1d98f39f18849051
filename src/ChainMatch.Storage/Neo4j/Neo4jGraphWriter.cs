using ChainMatch.Domain.Graph;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Merges graph data into Neo4j inside the caller's transaction, in batches, and counts what it changed per kind.
/// Nodes go first so that links in any order find both ends; a link whose end exists neither in the import nor in
/// the store aborts the import, naming the row.
/// </summary>
sealed class Neo4jGraphWriter(ICypherRunner tx, int batchSize)
{
    readonly Dictionary<string, HashSet<long>> _written = [];
    readonly Dictionary<string, int> _removed = [];

    public async Task<Dictionary<string, int>> WriteAsync(GraphData d, CancellationToken ct)
    {
        await Nodes(GraphKinds.Resource, d.Resources, r => r.Id.Value, r => [r.Name, r.NameEn, r.Unit], ct);
        await Nodes(GraphKinds.Chain, d.Chains, c => c.Id.Value, c => [c.Name, c.NameEn], ct);
        await Nodes(GraphKinds.Segment, d.Segments, s => s.Id.Value, s => [s.Name, s.NameEn, Text(s.Stage), s.ValueTier,
            s.WeakBelow?.Amount, s.WeakBelow?.Unit, s.WeakBelowSource?.Publisher, s.WeakBelowSource?.Reference, s.WeakBelowSource?.Estimate], ct);
        await Nodes(GraphKinds.Region, d.Regions, r => r.Code.Value, r => [r.Name, r.NameEn, Text(r.Level), .. Source(r.Source), r.Seat?.Latitude, r.Seat?.Longitude], ct);
        await Nodes(GraphKinds.Firm, d.Firms, f => f.Id.Value, f => [f.Name, f.NameEn, f.Ownership, .. Source(f.Source), f.Uscc, f.Aliases.ToArray(),
            f.Group?.Parent.Value, f.Group?.Share, f.Group?.Source.Publisher, f.Group?.Source.Reference, f.Group?.Source.Estimate], ct);
        await Nodes(GraphKinds.FirmList, d.Lists, l => l.Id.Value, l => [l.Name, l.NameEn, l.Publisher, l.Year], ct);
        await Nodes(GraphKinds.Project, d.Projects, p => p.Id, p => [p.Firm.Value, p.Segment.Value, p.Region.Value, p.OwnerTeam, ProjectHistory.ToJson(p.History), .. Source(p.Source), ProblemsJson.Write(p.Problems),
            RecordsJson.Write(p.KeyReviews), RecordsJson.Write(p.DueDates)], ct);
        await Nodes(GraphKinds.ChainPlan, d.ChainPlans, x => x.Key, x => [x.Chain.Value, x.Region.Value, x.Version, RecordsJson.Write(x.Priorities),
            RecordsJson.Write(x.ResponsibleUnits), RecordsJson.Write(x.YearlyTargets), x.Author, RecordsJson.Time(x.SavedAt)], ct);
        await Nodes(GraphKinds.IndustrySegment, d.IndustrySegments, x => x.Key, x => [x.Industry, x.Segment?.Value, x.Weight, x.Reason], ct);
        await Nodes(GraphKinds.NegativeRule, d.NegativeRules, r => r.Id, r => [r.Firm?.Value, r.Segment?.Value, r.Region?.Value, r.Reason, .. Source(r.Source)], ct);
        await Nodes(GraphKinds.Contact, d.Contacts, c => c.Id, c => [c.Firm.Value, c.Region.Value, c.Name, c.Title, c.Phone, c.Email, c.OwnerTeam, c.ConsentNote, Date(c.Added), c.Removed is { } removed ? Date(removed) : null], ct);
        await Nodes(GraphKinds.Interaction, d.Interactions, i => i.Id,
            i => [Domain.Contacts.Interaction.Name(i.Kind), Date(i.Date), i.Firm.Value, i.Region.Value, i.Contact, i.Project, i.Who, i.Notes, i.NextStep, i.OwnerTeam], ct);
        await Nodes(GraphKinds.PromotionEvent, d.PromotionEvents, e => e.Id,
            e => [e.Name, Date(e.Date), e.Place, e.Region.Value, e.Firms.Select(f => f.Value).ToArray(), e.OwnerTeam, e.Notes], ct);

        await RemoveUnlisted(GraphKinds.ChainSegment, d.Chains.Select(c => (c.Id.Value, c.Segments.Select(s => s.Value).ToArray())), ct);
        await Links(GraphKinds.ChainSegment, d.Chains.SelectMany(c => c.Segments.Select((s, i) => (Chain: c.Id.Value, Segment: s.Value, Position: i))),
            x => x.Chain, x => x.Segment, null, null, x => [x.Position], x => $"chain '{x.Chain}' lists segment '{x.Segment}'", ct);
        await RemoveUnlisted(GraphKinds.SegmentNeed, d.Segments.Select(s => (s.Id.Value, s.Needs.Select(n => n.Value).ToArray())), ct);
        await Links(GraphKinds.SegmentNeed, d.Segments.SelectMany(s => s.Needs.Select((n, i) => (Segment: s.Id.Value, Resource: n.Value, Position: i))),
            x => x.Segment, x => x.Resource, null, null, x => [x.Position], x => $"segment '{x.Segment}' needs resource '{x.Resource}'", ct);

        await RemoveUnlisted(GraphKinds.SegmentIntensity, d.Segments.Select(s => (s.Id.Value, s.Intensities.Select(k => k.Resource.Value).ToArray())), ct);
        await Links(GraphKinds.SegmentIntensity, d.Segments.SelectMany(s => s.Intensities.Select((k, i) => (Segment: s.Id.Value, Intensity: k, Position: i))),
            x => x.Segment, x => x.Intensity.Resource.Value, null, null,
            x => [x.Position, x.Intensity.Amount, x.Intensity.InputUnit, x.Intensity.OutputUnit, .. Source(x.Intensity.Source)],
            x => $"segment '{x.Segment}' has an intensity for resource '{x.Intensity.Resource}'", ct);

        await Links(GraphKinds.Feeds, d.Feeds, f => f.From.Value, f => f.To.Value, null, null,
            f => [f.Coefficient?.Amount, f.Coefficient?.InputUnit, f.Coefficient?.OutputUnit, .. Source(f.Source)],
            f => $"link {f.From} -> {f.To}", ct);
        await Links(GraphKinds.RegionResource, d.RegionResources, r => r.Region.Value, r => r.Resource.Value, null, null,
            r => [r.Amount, r.Year, .. Source(r.Source)], r => $"resource '{r.Resource}' of region '{r.Region}'", ct);
        await Links(GraphKinds.RegionConstraint, d.Constraints, k => k.Region.Value, k => k.Resource.Value, ConstraintKey, null,
            k => [ConstraintKinds.Name(k.Kind), k.Year, k.Amount, k.Unit, k.Years, .. Source(k.Source)],
            k => $"constraint on resource '{k.Resource}' of region '{k.Region}'", ct);
        await Links(GraphKinds.Presence, d.Presences, p => p.Firm.Value, p => p.Segment.Value, PresenceKey.Of, p => p.Region.Value,
            p => [p.Region.Value, p.Capacity?.Amount, p.Capacity?.Unit, p.Since, p.Until, p.Site, .. Source(p.Source)],
            p => $"presence of firm '{p.Firm}' in segment '{p.Segment}' at region '{p.Region}'", ct);
        await Links(GraphKinds.Membership, d.Memberships, m => m.Firm.Value, m => m.List.Value, null, null,
            m => [m.Rank, .. Source(m.Source), m.Revenue, m.Industry], m => $"membership of firm '{m.Firm}' in list '{m.List}'", ct);
        await Links(GraphKinds.Supply, d.Supplies, s => s.Supplier.Value, s => s.Customer.Value, s => s.Segment?.Value ?? "", null,
            s => [s.Segment?.Value, s.Since, .. Source(s.Source)], s => $"supply from firm '{s.Supplier}' to firm '{s.Customer}'", ct);

        await Single(GraphKinds.RegionParent, d.Regions, r => r.Code.Value, r => r.Parent?.Value, r => $"region '{r.Code}' has parent '{r.Parent}'", ct);
        await Single(GraphKinds.Headquarters, d.Firms, f => f.Id.Value, f => f.Headquarters?.Value, f => $"firm '{f.Id}' has headquarters '{f.Headquarters}'", ct);

        return GraphKinds.Reports.ToDictionary(r => r, r => (_written.TryGetValue(r, out var w) ? w.Count : 0) + _removed.GetValueOrDefault(r));
    }

    async Task Nodes<T>(NodeKind kind, IEnumerable<T> items, Func<T, string> key, Func<T, object?[]> values, CancellationToken ct)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        var first = await NextOrd(WriteStatements.LastOrd(kind), ct);
        await Batches(kind.Report, WriteStatements.UpsertNodes(kind), kind.Properties, first, list,
            (item, i) => Row(i, kind.Properties, values(item), ("key", key(item))), _ => "", ct);
    }

    async Task Links<T>(RelationshipKind kind, IEnumerable<T> items, Func<T, string> from, Func<T, string> to, Func<T, string>? key, Func<T, string>? requires,
        Func<T, object?[]> values, Func<T, string> describe, CancellationToken ct)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        var first = await NextOrd(WriteStatements.LastOrd(kind), ct);
        await Batches(kind.Report, WriteStatements.UpsertRelationships(kind), kind.Properties, first, list,
            (item, i) => Row(i, kind.Properties, values(item), ("from", from(item)), ("to", to(item)), ("key", key?.Invoke(item)), ("requires", requires?.Invoke(item))),
            describe, ct);
    }

    Task Single<T>(RelationshipKind kind, IEnumerable<T> items, Func<T, string> from, Func<T, string?> to, Func<T, string> describe, CancellationToken ct) =>
        Batches(kind.Report, WriteStatements.ReplaceSingle(kind), [], null, items.ToList(),
            (item, i) => Row(i, [], [], ("from", from(item)), ("to", to(item))), describe, ct);

    /// <summary>One past the kind's highest stored ord (0 when none), asked once per import rather than scanned per batch.</summary>
    async Task<long> NextOrd(CypherStatement statement, CancellationToken ct)
    {
        var rows = (await tx.RunAsync(statement, ct)).Records;
        return rows.Count == 0 ? 0 : (rows[0].Integer("ord") ?? -1) + 1;
    }

    async Task RemoveUnlisted(RelationshipKind kind, IEnumerable<(string Owner, string[] Items)> owners, CancellationToken ct)
    {
        foreach (var batch in owners.Chunk(batchSize))
        {
            var rows = batch.Select(o => new Dictionary<string, object?> { ["from"] = o.Owner, ["items"] = o.Items }).ToList();
            var result = await tx.RunAsync(WriteStatements.RemoveUnlisted(kind) with { Parameters = new Dictionary<string, object?> { ["rows"] = rows } }, ct);
            _removed[kind.Report] = _removed.GetValueOrDefault(kind.Report) + (int)(result.Single("unlisted").Integer("removed") ?? 0);
        }
    }

    async Task Batches<T>(string report, CypherStatement statement, IReadOnlyList<string> keys, long? firstOrd, IReadOnlyList<T> items,
        Func<T, int, Dictionary<string, object?>> row, Func<T, string> describe, CancellationToken ct)
    {
        var written = _written.TryGetValue(report, out var set) ? set : _written[report] = [];
        var indexed = items.Select((item, i) => (item, i)).ToList();
        foreach (var batch in indexed.Chunk(batchSize))
        {
            var parameters = new Dictionary<string, object?> { ["rows"] = batch.Select(x => row(x.item, x.i)).ToList(), ["keys"] = keys };
            if (firstOrd is { } first) parameters["base"] = first;
            var record = (await tx.RunAsync(statement with { Parameters = parameters }, ct)).Single(statement.Name);
            var matched = record.IntegerList("matched").ToHashSet();
            var dangling = batch.Where(x => !matched.Contains(x.i)).Select(x => x.item).Take(1).ToList();
            if (dangling.Count > 0)
                throw new GraphIntegrityException($"{describe(dangling[0])}, which is neither in this import nor in the store");
            // Rows are numbered by their place in the kind's list, so a firm whose name and headquarters both changed counts once.
            written.UnionWith(record.IntegerList("written"));
        }
    }

    /// <summary>One $rows entry: its index, the references, and the kind's properties (nulls kept, so a cleared value is removed).</summary>
    static Dictionary<string, object?> Row(int i, IReadOnlyList<string> keys, object?[] values, params (string Name, string? Value)[] refs)
    {
        var props = new Dictionary<string, object?>(keys.Count);
        for (var k = 0; k < keys.Count; k++) props[keys[k]] = values[k];
        var row = new Dictionary<string, object?> { ["i"] = i, ["props"] = props };
        foreach (var (name, value) in refs)
            if (value is not null) row[name] = value;
        return row;
    }

    static string ConstraintKey(RegionConstraint k) => $"{ConstraintKinds.Name(k.Kind)}|{k.Year}";

    static object?[] Source(Provenance p) => [p.Publisher, p.Reference, p.Estimate];

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    static string Text<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
