namespace ChainMatch.Domain.Graph;

/// <summary>
/// The years an as-of question can be answered for: from <see cref="Lookback"/> years before the first year a dated fact
/// of the graph names (a presence, a supply, a list edition, a declared resource or limit, a project step) to the
/// later of the last such year and the current year. A date outside says nothing the graph knows (1800) or guesses a
/// future it does not hold (2099).
/// </summary>
public readonly record struct RecordedYears(int First, int Last)
{
    // "What changed since before the first plant opened" is a fair question; a century earlier is a typo.
    public const int Lookback = 10;

    public bool Contains(DateOnly date) => date.Year >= First && date.Year <= Last;

    public static RecordedYears Of(ChainGraph graph, int currentYear)
    {
        var (first, last) = graph.FactYears;
        return new(Math.Min(first, currentYear) - Lookback, Math.Max(last, currentYear));
    }

    /// <summary>The first and last year named by a dated fact; (int.MaxValue, int.MinValue) for a graph without one.</summary>
    internal static (int First, int Last) FactYearsOf(GraphData data)
    {
        var years = data.Presences.SelectMany(p => new[] { p.Since, p.Until })
            .Concat(data.Supplies.Select(s => s.Since))
            .Concat(data.Lists.Select(l => (int?)l.Year))
            .Concat(data.RegionResources.Select(r => r.Year))
            .Concat(data.Constraints.Select(c => (int?)c.Year))
            .Concat(data.Projects.SelectMany(p => p.History.Select(h => (int?)h.Date.Year)))
            .OfType<int>();
        var (first, last) = (int.MaxValue, int.MinValue);
        foreach (var year in years) (first, last) = (Math.Min(first, year), Math.Max(last, year));
        return (first, last);
    }
}
