using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Dashboard;

/// <summary>
/// A region's open gaps on a date, kept with the graph they were read from: a graph never changes, so its gap map for a
/// region, date and chain is computed once (the dashboard asks for the same four dates on every visit; a province-wide
/// analysis over a large graph is most of a KPI request's time). A write makes a new graph, which starts empty.
/// </summary>
public static class GapSets
{
    /// <summary>Entries kept per graph before the table starts again: dates come from requests, so the table is bounded.</summary>
    const int Capacity = 256;

    static readonly ConditionalWeakTable<ChainGraph, ConcurrentDictionary<(RegionCode, DateOnly, ChainId?), IReadOnlyList<GapReport>>> Tables = [];

    public static IReadOnlyList<GapReport> Open(ChainGraph graph, RegionCode region, DateOnly date, ChainId? chain)
    {
        var table = Tables.GetValue(graph, _ => new());
        if (table.Count >= Capacity) table.Clear();
        return table.GetOrAdd((region, date, chain), key => GapReports.GapList(graph, key.Item1, key.Item2, key.Item3).Gaps);
    }

    /// <summary>Analyses the dates not yet kept side by side (each is an independent read of one immutable graph).</summary>
    public static void Prefetch(ChainGraph graph, RegionCode region, ChainId? chain, IEnumerable<DateOnly> dates) =>
        Parallel.ForEach(dates.Distinct(), date => Open(graph, region, date, chain));
}
