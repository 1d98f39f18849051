namespace ChainMatch.Domain.Leads;

/// <summary>
/// Per segment, the firms with a plant in it active in the year, each once, in the order of their first such plant;
/// a firm with a parent group is stored as its complement (~firm), so that finding a gap's candidates reads one array
/// per neighbouring segment instead of each plant's activity, firm and parent. Worked out once per snapshot and date,
/// on first use.
/// </summary>
internal static class ActiveFirms
{
    public static int[][] BySegment(LeadIndexes indexes)
    {
        var graph = indexes.Graph;
        var bySegment = new int[graph.SegmentCount][];
        var seen = new int[graph.Firms.Length];
        var firms = new List<int>();
        for (var s = 0; s < bySegment.Length; s++)
        {
            firms.Clear();
            // The segment's number plus one marks a firm already listed for it: no clearing between segments.
            foreach (var p in graph.PresenceIndexesIn(s))
            {
                var firm = graph.FirmOfPresence(p);
                if (!indexes.Active[p] || seen[firm] == s + 1) continue;
                seen[firm] = s + 1;
                firms.Add(graph.ParentOf(firm) >= 0 ? ~firm : firm);
            }
            bySegment[s] = [.. firms];
        }
        return bySegment;
    }
}
