using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// Per segment, the firms with a plant in it active in the year, each once, in the order of their first such plant;
/// a firm with a parent group is stored as its complement (~firm), so that finding a gap's candidates reads one array
/// per neighbouring segment instead of each plant's activity, firm and parent. Worked out once per snapshot and date,
/// on first use, or from the previous snapshot's where a write touched it.
/// </summary>
internal static class ActiveFirms
{
    public static int[][] BySegment(LeadIndexes indexes)
    {
        var bySegment = new int[indexes.Graph.SegmentCount][];
        var seen = new int[indexes.Graph.Firms.Length];
        for (var s = 0; s < bySegment.Length; s++) bySegment[s] = Of(indexes, s, seen);
        return bySegment;
    }

    /// <summary>
    /// The previous snapshot's lists, worked out again for the segments of touched presences (as they stood before and
    /// stand now) and of the plants of firms whose parent changed.
    /// </summary>
    public static int[][] Derived(int[][] previous, LeadIndexes indexes, ChainGraph before, IEnumerable<int> presences, IEnumerable<int> parentChanged)
    {
        var graph = indexes.Graph;
        var segments = new SortedSet<int>();
        foreach (var p in presences)
        {
            segments.Add(graph.SegmentOfPresence(p));
            if (p < before.Data.Presences.Length) segments.Add(before.SegmentOfPresence(p));
        }
        foreach (var f in parentChanged)
            foreach (var p in graph.PresenceIndexesOf(f)) segments.Add(graph.SegmentOfPresence(p));
        if (segments.Count == 0) return previous;
        var bySegment = (int[][])previous.Clone();
        var seen = new int[graph.Firms.Length];
        foreach (var s in segments) bySegment[s] = Of(indexes, s, seen);
        return bySegment;
    }

    /// <param name="seen">Per firm, the segment's number plus one once listed for it: no clearing between segments.</param>
    static int[] Of(LeadIndexes indexes, int segment, int[] seen)
    {
        var graph = indexes.Graph;
        var firms = new List<int>();
        foreach (var p in graph.PresenceIndexesIn(segment))
        {
            var firm = graph.FirmOfPresence(p);
            if (!indexes.Active[p] || seen[firm] == segment + 1) continue;
            seen[firm] = segment + 1;
            firms.Add(graph.ParentOf(firm) >= 0 ? ~firm : firm);
        }
        return [.. firms];
    }
}
