using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Gaps;

/// <summary>Status maps, gap lists and gap changes, read off the projected graph.</summary>
public static class GapReports
{
    public static StatusMapReport StatusMap(ChainGraph graph, ChainId chainId, RegionCode regionCode, DateOnly asOf)
    {
        var chain = graph.FindChain(chainId) ?? throw new NotFoundException("chain", chainId.Value);
        var analysis = Analyse(graph, regionCode, asOf);
        var segments = graph.SegmentsOf(chainId)
            .Select(s => analysis[s.Id])
            .OrderBy(a => a.Segment.Stage)
            .Select(a => ToReport(graph, a))
            .ToList();
        var summary = new StatusSummary(
            segments.Count,
            segments.Count(s => s.Status == SegmentStatus.Present),
            segments.Count(s => s.Status == SegmentStatus.Weak),
            segments.Count(s => s.Status == SegmentStatus.Missing),
            segments.Count(s => s.Status == SegmentStatus.Unverified),
            segments.Count(s => s.GapKind is not null));
        return new StatusMapReport(chain.Id.Value, chain.Name, analysis.Region.Code.Value, analysis.Region.Name, asOf, summary, segments);
    }

    /// <summary>The region's gaps across chains (or one chain), each segment once, highest priority first.</summary>
    public static GapListReport GapList(ChainGraph graph, RegionCode regionCode, DateOnly asOf, ChainId? chain = null)
    {
        var analysis = Analyse(graph, regionCode, asOf);
        var gaps = Gaps(graph, analysis, chain)
            .Select(a => new GapReport(
                a.Segment.Id.Value, a.Segment.Name, a.Segment.NameEn, ChainIds(graph, a.Segment.Id), a.Segment.Stage,
                a.Segment.ValueTier, a.Status, a.GapKind!.Value, a.Priority!.Value, GapRules.Band(a.Priority.Value), a.Reasons))
            .ToList();
        return new GapListReport(analysis.Region.Code.Value, analysis.Region.Name, asOf, gaps);
    }

    /// <summary>Gaps at <paramref name="from"/> against gaps at <paramref name="to"/>: healed, persistent and new.</summary>
    public static GapChangesReport GapChanges(ChainGraph graph, RegionCode regionCode, DateOnly from, DateOnly to, ChainId? chain = null)
    {
        var before = Gaps(graph, Analyse(graph, regionCode, from), chain).ToDictionary(a => a.Segment.Id);
        var after = Gaps(graph, Analyse(graph, regionCode, to), chain).ToDictionary(a => a.Segment.Id);
        var changes = new List<GapChangeReport>();
        foreach (var (id, a) in after)
        {
            var kind = before.TryGetValue(id, out var b) ? GapChangeKind.Persistent : GapChangeKind.New;
            changes.Add(Change(graph, a.Segment, kind, b?.GapKind, a.GapKind, a.Priority));
        }
        foreach (var (id, b) in before)
            if (!after.ContainsKey(id))
                changes.Add(Change(graph, b.Segment, GapChangeKind.Healed, b.GapKind, null, null));
        var ordered = changes.OrderBy(c => c.Change).ThenByDescending(c => c.Priority ?? -1).ThenBy(c => c.Segment, StringComparer.Ordinal).ToList();
        return new GapChangesReport(regionCode.Value, from, to, ordered);
    }

    static RegionAnalysis Analyse(ChainGraph graph, RegionCode region, DateOnly asOf)
    {
        if (graph.FindRegion(region) is null) throw new NotFoundException("region", region.Value);
        return RegionAnalysis.Run(graph, region, asOf);
    }

    static IEnumerable<SegmentAssessment> Gaps(ChainGraph graph, RegionAnalysis analysis, ChainId? chain)
    {
        var scope = chain is { } c
            ? graph.FindChain(c) is null ? throw new NotFoundException("chain", c.Value) : graph.SegmentsOf(c)
            : graph.Segments;
        return scope
            .Select(s => analysis[s.Id])
            .Where(a => a.IsGap)
            .OrderByDescending(a => a.Priority)
            .ThenByDescending(a => a.Segment.ValueTier)
            .ThenBy(a => a.Segment.Id.Value, StringComparer.Ordinal);
    }

    static GapChangeReport Change(ChainGraph graph, Segment s, GapChangeKind kind, GapKind? before, GapKind? after, int? priority) =>
        new(s.Id.Value, s.Name, ChainIds(graph, s.Id), kind, before, after, priority);

    static List<string> ChainIds(ChainGraph graph, SegmentId segment) => graph.ChainsOf(segment).Select(c => c.Id.Value).ToList();

    static SegmentReport ToReport(ChainGraph graph, SegmentAssessment a) => new(
        a.Segment.Id.Value, a.Segment.Name, a.Segment.NameEn, a.Segment.Stage, a.Segment.ValueTier, a.Status,
        a.LocalPresences.Select(p => LocalFirm(graph, p)).ToList(),
        a.LocalSuppliers.Select(s => s.Value).ToList(),
        a.LocalBuyers.Select(s => s.Value).ToList(),
        a.GapKind, a.Priority, a.Priority is { } p ? GapRules.Band(p) : null, a.Reasons);

    static LocalFirmReport LocalFirm(ChainGraph graph, Presence p)
    {
        var firm = graph.FindFirm(p.Firm)!;
        var region = graph.FindRegion(p.Region)!;
        var source = p.Source.IsVerified ? string.Join(", ", new[] { p.Source.Publisher, p.Source.Reference }.Where(x => !string.IsNullOrWhiteSpace(x))) : null;
        return new LocalFirmReport(firm.Id.Value, firm.Name, firm.NameEn, region.Code.Value, region.Name, p.Site,
            p.Capacity?.Amount, p.Capacity?.Unit, p.Since, p.Source.IsVerified, source);
    }
}
