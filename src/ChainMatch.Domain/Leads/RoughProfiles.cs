namespace ChainMatch.Domain.Leads;

/// <summary>
/// Per firm, what its rough box (<see cref="Prospects.RoughBox(int, Span{float}, Span{float})"/>) depends on apart from the gap and its plants outside
/// the gap's region, packed in the high bits of a key: its headquarters, its plants, its customers and its suppliers. Only
/// for a firm with no list standing, industry, project under way or group, whose other columns are those of no
/// standing; any other firm gets <see cref="None"/> and is bounded on its own. Worked out once per snapshot and date,
/// on first use, or from the previous snapshot's for the firms a write touched.
/// </summary>
internal static class RoughProfiles
{
    public const ulong None = ulong.MaxValue;
    /// <summary>The low bits left for the gap: plants outside the region (11 bits) and whether any records a capacity.</summary>
    public const int GapBits = 12;
    /// <summary>Where the headquarters region (index + 1, 0 when none) starts; a gap's groups put a band of distances there instead.</summary>
    public const int HeadquartersShift = 40;

    public static ulong[] Of(LeadIndexes indexes)
    {
        var profiles = new ulong[indexes.Graph.Firms.Length];
        for (var firm = 0; firm < profiles.Length; firm++) profiles[firm] = Of(indexes, firm);
        return profiles;
    }

    /// <summary>The previous snapshot's profiles, worked out again for <paramref name="touched"/> and any firm added.</summary>
    public static ulong[] Derived(ulong[] previous, LeadIndexes indexes, IReadOnlyCollection<int> touched)
    {
        var firms = indexes.Graph.Firms.Length;
        if (touched.Count == 0 && firms == previous.Length) return previous;
        var profiles = new ulong[firms];
        Array.Copy(previous, profiles, Math.Min(previous.Length, firms));
        foreach (var firm in touched) profiles[firm] = Of(indexes, firm);
        for (var firm = previous.Length; firm < firms; firm++) profiles[firm] = Of(indexes, firm);
        return profiles;
    }

    static ulong Of(LeadIndexes indexes, int firm)
    {
        var graph = indexes.Graph;
        if (indexes.Lists[firm] is not null || indexes.Industries[firm] is not null || indexes.Projects[firm] is not null
            || indexes.GroupBelow[firm] is not null || graph.ParentOf(firm) >= 0) return None;
        var headquarters = (ulong)(indexes.Firms.HeadquartersRegion[firm] + 1);
        var plants = (ulong)graph.PresenceIndexesOf(firm).Length;
        var customers = (ulong)(indexes.Customers[firm]?.Length ?? 0);
        var suppliers = (ulong)(indexes.Suppliers[firm]?.Length ?? 0);
        // 23 + 12 + 8 + 8 bits above the gap's 12 (the top bit never set, so no key is None); a firm with more is bounded on its own.
        if (headquarters >= 1 << 23 || plants >= 1 << 12 || customers >= 1 << 8 || suppliers >= 1 << 8) return None;
        return headquarters << HeadquartersShift | plants << 28 | customers << 20 | suppliers << GapBits;
    }
}
