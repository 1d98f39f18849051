using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Simulation;

namespace ChainMatch.Domain.Dashboard;

/// <summary>
/// One prefecture on the province map: the chain's completeness (the measure anchor simulations report), its open and
/// high-priority gaps in the chain, and the investment agreed in projects signed from 1 January to the date, in 亿元.
/// </summary>
public sealed record PrefectureFigure(string Region, string Name, double Completeness, int Gaps, int HighPriorityGaps, int ProjectsSigned, double SignedInvestment);

public static class PrefectureFigures
{
    /// <summary>
    /// The prefectures under <paramref name="region"/> (a province), or the region alone when it is a prefecture or
    /// below: a prefecture's caller sees its own figures only.
    /// </summary>
    public static IReadOnlyList<PrefectureFigure> For(ChainGraph graph, RegionCode region, ChainId chain, DateOnly asOf)
    {
        var top = graph.FindRegion(region) ?? throw new NotFoundException("region", region.Value);
        if (graph.FindChain(chain) is null) throw new NotFoundException("chain", chain.Value);
        var regions = top.Level == RegionLevel.Province
            ? graph.ChildrenOf(region).Where(r => r.Level == RegionLevel.Prefecture)
            : [top];
        var segments = graph.SegmentsOf(chain).Select(s => s.Id).ToHashSet();
        var year = new Period(new DateOnly(asOf.Year, 1, 1), asOf);
        return [.. regions.OrderBy(r => r.Code.Value, StringComparer.Ordinal).Select(r =>
        {
            var analysis = RegionAnalysis.Run(graph, r.Code, asOf);
            var gaps = segments.Select(s => analysis[s]).Where(a => a.IsGap).ToList();
            var signed = graph.Data.Projects
                .Where(p => segments.Contains(p.Segment) && graph.IsWithin(p.Region, r.Code) && InvestmentKpis.SignedOn(p) is { } d && year.Contains(d))
                .ToList();
            return new PrefectureFigure(r.Code.Value, r.Name, Math.Round(Completeness.Of(graph, analysis, chain), 4), gaps.Count,
                gaps.Count(a => GapRules.Band(a.Priority!.Value) == PriorityBand.High),
                signed.Count, signed.Sum(p => InvestmentKpis.AgreedBy(p, asOf) ?? 0));
        })];
    }
}
