using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Simulation;

namespace ChainMatch.Domain.Dashboard;

public sealed record TrendPoint(int Year, DateOnly AsOf, double Completeness);

public sealed record ChainTrend(string Chain, string Name, string? NameEn, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// Each chain's completeness in a region year by year: the status map as of each 31 December (the last year as of
/// <paramref name="to"/>), measured as anchor simulations measure it (<see cref="Completeness"/>).
/// </summary>
public static class CompletenessTrend
{
    /// <summary>At most this many years on one chart: a trend over decades is a different question.</summary>
    public const int MaxYears = 30;

    public static IReadOnlyList<ChainTrend> For(ChainGraph graph, RegionCode region, IReadOnlyList<ChainId> chains, int fromYear, DateOnly to)
    {
        if (graph.FindRegion(region) is null) throw new NotFoundException("region", region.Value);
        foreach (var c in chains)
            if (graph.FindChain(c) is null) throw new NotFoundException("chain", c.Value);
        if (fromYear > to.Year || to.Year - fromYear >= MaxYears)
            throw new ArgumentOutOfRangeException(nameof(fromYear), $"a trend spans 1 to {MaxYears} years");
        // One analysis a year serves every chain: FEEDS links cross chains, so a region is assessed whole.
        var years = Enumerable.Range(fromYear, to.Year - fromYear + 1)
            .Select(y => y == to.Year ? to : new DateOnly(y, 12, 31))
            .AsParallel().AsOrdered()
            .Select(date => (date, analysis: RegionAnalysis.Run(graph, region, date)))
            .ToList();
        return [.. chains.Select(c =>
        {
            var chain = graph.FindChain(c)!;
            return new ChainTrend(c.Value, chain.Name, chain.NameEn,
                [.. years.Select(y => new TrendPoint(y.date.Year, y.date, Math.Round(Completeness.Of(graph, y.analysis, c), 4)))]);
        })];
    }
}
