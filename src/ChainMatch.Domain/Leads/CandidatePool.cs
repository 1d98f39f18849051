namespace ChainMatch.Domain.Leads;

/// <summary>
/// Which firms are candidates for a gap: firms that operate the segment elsewhere or a segment next to it on a FEEDS
/// link, the other members of their groups, firms inside the province two FEEDS links away (延链), and listed firms
/// whose industry maps to the segment even with no known plant. Firms already operating the segment inside the
/// region, and their groups, are not leads.
/// </summary>
internal static class CandidatePool
{
    /// <summary>The candidates' firm indexes, in the order they are found.</summary>
    public static List<int> Of(LeadIndexes indexes, GapContext context)
    {
        var graph = indexes.Graph;
        var marks = context.Marks;
        foreach (var p in graph.PresenceIndexesIn(context.SegmentIndex))
            if (context.Counts(p) && graph.IsWithin(p, context.RegionScope))
            {
                var firm = graph.FirmOfPresence(p);
                marks.MarkHere(firm);
                // A group whose subsidiary already operates the segment here holds it already.
                if (graph.ParentOf(firm) >= 0)
                    foreach (var group in graph.GroupAbove(firm)) marks.MarkHere(group);
            }

        var order = new List<int>();
        void Consider(int firm)
        {
            if (marks.TakeIntoPool(firm)) order.Add(firm);
        }
        var groups = new HashSet<int>();
        foreach (var segment in context.Neighbourhood)
            if (context.HidesPresences)
            {
                foreach (var p in graph.PresenceIndexesIn(segment))
                    if (context.Counts(p) && graph.FirmOfPresence(p) is var firm) Found(firm, graph.ParentOf(firm) >= 0);
            }
            // Nothing hidden: the segment's active firms, listed once per snapshot.
            else foreach (var entry in indexes.ActiveFirmsBySegment[segment]) Found(entry >= 0 ? entry : ~entry, entry < 0);
        void Found(int firm, bool inGroup)
        {
            Consider(firm);
            // Most firms have no group: skip the walk (and its list) on the hot path.
            if (inGroup) groups.UnionWith(graph.GroupAbove(firm));
        }
        // Group members of the firms found (以商招商 within a group): a sister company can take the segment on. The group
        // itself is not added for its subsidiaries' plants alone, or it would stand beside each of them with the same sites.
        foreach (var group in groups)
            foreach (var member in indexes.GroupBelow[group]!.Skip(1)) Consider(member);
        // 延链: local firms two links up or down the chain.
        foreach (var segment in context.TwoHop)
            foreach (var p in graph.PresenceIndexesIn(segment))
                if (context.Counts(p) && graph.IsWithin(p, context.ProvinceScope)) Consider(graph.FirmOfPresence(p));
        foreach (var firm in indexes.ListedBySegment[context.SegmentIndex] ?? []) Consider(firm);
        return order;
    }
}
