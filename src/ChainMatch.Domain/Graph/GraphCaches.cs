using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Domain.Graph;

/// <summary>
/// What one graph version works out on first use and keeps: which firms a name names, the firm search, the years its
/// facts span and its lead finders. A write's version carries over what the written rows leave as it was.
/// </summary>
internal sealed class GraphCaches
{
    GraphCaches(Lazy<FirmNameIndex> firmsByName, Lazy<FirmSearch> firmSearch, Lazy<(int, int)> factYears, LeadFinders leadFinders)
    {
        FirmsByName = firmsByName;
        FirmSearch = firmSearch;
        FactYears = factYears;
        LeadFinders = leadFinders;
    }

    public Lazy<FirmNameIndex> FirmsByName { get; }
    public Lazy<FirmSearch> FirmSearch { get; }
    public Lazy<(int First, int Last)> FactYears { get; }
    public LeadFinders LeadFinders { get; }

    /// <summary>The caches of a version projected whole: each built on first use.</summary>
    public static GraphCaches Of(ChainGraph graph)
    {
        var data = graph.Data;
        return new(new(() => FirmNameIndex.Of(data.Firms)), new(() => Firms.FirmSearch.Of(data.Firms)),
            new(() => RecordedYears.FactYearsOf(data)), new LeadFinders(graph));
    }

    /// <summary>
    /// The caches of <paramref name="graph"/>, which <paramref name="merge"/> made of <paramref name="previous"/> (whose
    /// caches these are): the name index and firm search kept unless firms changed, the lead finders derived.
    /// </summary>
    public GraphCaches Next(ChainGraph graph, ChainGraph previous, GraphMerge merge)
    {
        var data = graph.Data;
        var leadFinders = LeadFinders.Next(graph, GraphChange.Of(merge));
        Lazy<(int, int)> factYears = new(() => RecordedYears.FactYearsOf(data));
        if (merge.Firms.Count == 0) return new(FirmsByName, FirmSearch, factYears, leadFinders);

        var touched = merge.Firms.Distinct().ToList();
        // Updated now when the previous version had built it, so that no version keeps the one before alive.
        var names = FirmsByName.IsValueCreated
            ? FirmsByName.Value.With(touched.Where(i => i < previous.Firms.Length).Select(i => previous.Firms[i]), touched.Select(i => data.Firms[i]))
            : null;
        return new(names is null ? new(() => FirmNameIndex.Of(data.Firms)) : new(() => names),
            new(() => Firms.FirmSearch.Of(data.Firms)), factYears, leadFinders);
    }
}
