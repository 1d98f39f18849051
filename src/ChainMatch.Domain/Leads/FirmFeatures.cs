namespace ChainMatch.Domain.Leads;

/// <summary>
/// The features of every firm that do not depend on the gap (its own and its group's list standing and revenue),
/// and where its headquarters lie, worked out once per graph and date so that a gap's candidates copy them instead
/// of walking groups and looking up regions by code.
/// </summary>
internal sealed class FirmFeatures
{
    /// <summary>The gap-independent columns, in the order they are stored per firm.</summary>
    public static readonly LeadFeature[] Columns =
    [
        LeadFeature.FortuneGlobal500, LeadFeature.ChinaTop500, LeadFeature.ChinaPrivateTop500, LeadFeature.BestListRank,
        LeadFeature.GroupOnList, LeadFeature.GroupBestListRank, LeadFeature.GroupRevenueYi,
    ];

    readonly float[] _values;

    /// <summary>The nearest group above the firm that is on a list, and the nearest a list gives a revenue for; -1 when none.</summary>
    public int[] StandingGroup { get; }
    public int[] RevenueGroup { get; }
    /// <summary>The headquarters region (index) and its place on the region tree's Euler tour; -1 when not known.</summary>
    public int[] HeadquartersRegion { get; }
    public int[] HeadquartersEnter { get; }

    public FirmFeatures(LeadIndexes indexes)
    {
        var firms = indexes.Graph.Firms.Length;
        _values = new float[firms * Columns.Length];
        StandingGroup = new int[firms];
        RevenueGroup = new int[firms];
        HeadquartersRegion = new int[firms];
        HeadquartersEnter = new int[firms];
        for (var f = 0; f < firms; f++) Compute(indexes, f);
    }

    FirmFeatures(float[] values, int[] standingGroup, int[] revenueGroup, int[] headquartersRegion, int[] headquartersEnter)
    {
        _values = values;
        StandingGroup = standingGroup;
        RevenueGroup = revenueGroup;
        HeadquartersRegion = headquartersRegion;
        HeadquartersEnter = headquartersEnter;
    }

    /// <summary>These features on <paramref name="indexes"/> (a later version's), worked out again for <paramref name="firms"/> and any firm added.</summary>
    public FirmFeatures With(LeadIndexes indexes, IReadOnlyCollection<int> firms)
    {
        if (firms.Count == 0) return this;
        var count = indexes.Graph.Firms.Length;
        static T[] Copy<T>(T[] array, int length)
        {
            var copy = new T[length];
            Array.Copy(array, copy, Math.Min(array.Length, length));
            return copy;
        }
        var next = new FirmFeatures(Copy(_values, count * Columns.Length), Copy(StandingGroup, count), Copy(RevenueGroup, count),
            Copy(HeadquartersRegion, count), Copy(HeadquartersEnter, count));
        foreach (var f in firms) next.Compute(indexes, f);
        return next;
    }

    void Compute(LeadIndexes indexes, int f)
    {
        var graph = indexes.Graph;
        var (standingGroup, revenueGroup) = Groups(indexes, f);
        StandingGroup[f] = standingGroup;
        RevenueGroup[f] = revenueGroup;
        var own = indexes.Lists[f];
        var group = standingGroup < 0 ? null : indexes.Lists[standingGroup];
        var revenue = revenueGroup < 0 ? null : indexes.Revenue[revenueGroup];
        var row = _values.AsSpan(f * Columns.Length, Columns.Length);
        row[0] = own?.Fortune == true ? 1 : 0;
        row[1] = own?.ChinaTop == true ? 1 : 0;
        row[2] = own?.ChinaPrivate == true ? 1 : 0;
        row[3] = own?.BestRank ?? float.NaN;
        row[4] = group is null ? 0 : 1;
        row[5] = group?.BestRank ?? float.NaN;
        row[6] = revenue is { } yi ? (float)yi : float.NaN;
        if (graph.Firms[f].Headquarters is { } hq)
        {
            HeadquartersRegion[f] = graph.IndexOf(hq);
            HeadquartersEnter[f] = graph.ScopeOf(hq).Enter;
        }
        else HeadquartersRegion[f] = HeadquartersEnter[f] = -1;
    }

    /// <summary>The firm's gap-independent columns as stored (for comparing two versions' features).</summary>
    public ReadOnlySpan<float> Values(int firm) => _values.AsSpan(firm * Columns.Length, Columns.Length);

    /// <summary>Writes the firm's gap-independent features into its row.</summary>
    public void CopyTo(int firm, Span<float> row)
    {
        var values = _values.AsSpan(firm * Columns.Length, Columns.Length);
        for (var c = 0; c < Columns.Length; c++) row[(int)Columns[c]] = values[c];
    }

    static (int Standing, int Revenue) Groups(LeadIndexes indexes, int firm)
    {
        int standing = -1, revenue = -1;
        if (indexes.Graph.ParentOf(firm) < 0) return (-1, -1);
        foreach (var above in indexes.Graph.GroupAbove(firm))
        {
            if (standing < 0 && indexes.Lists[above] is not null) standing = above;
            if (revenue < 0 && indexes.Revenue[above] is not null) revenue = above;
        }
        return (standing, revenue);
    }
}
