using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Dashboard;

/// <summary>
/// The monthly bulletin (招商工作简报) of a region: the month's figures against the same month a year earlier, the
/// projects signed and the new leads of the month, the gaps healed and opened, and the problems overdue at its end.
/// </summary>
public sealed record Bulletin(
    string Region, string RegionName, string? Chain, string? ChainName, string Month, Period Period, Period PreviousYear,
    IReadOnlyList<KpiFigure> Kpis, IReadOnlyList<KpiItem> Signings, IReadOnlyList<KpiItem> NewLeads,
    IReadOnlyList<KpiItem> HealedGaps, IReadOnlyList<KpiItem> NewGaps, IReadOnlyList<OverdueProblem> Overdue)
{
    public static Bulletin For(ChainGraph graph, RegionCode region, int year, int month, ChainId? chain = null)
    {
        var period = new Period(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        var library = InvestmentKpis.Library.Of(graph, region, chain);
        var inLibrary = library.Projects.Select(p => p.Id).ToHashSet();
        // A lead is new in the month its first step (whatever its stage) is dated: when it entered the library.
        var leads = library.Projects.Where(p => period.Contains(p.History[0].Date))
            .OrderBy(p => p.History[0].Date).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => library.Item(p, p.History[0].Date, p.AgreedInvestment));
        return new Bulletin(region.Value, graph.FindRegion(region)!.Name, chain?.Value, chain is { } c ? graph.FindChain(c)!.Name : null,
            $"{year:D4}-{month:D2}", period, period.PreviousYear(),
            InvestmentKpis.For(graph, region, period, chain),
            InvestmentKpis.Behind(graph, region, period, Kpi.ProjectsSigned, chain),
            [.. leads],
            InvestmentKpis.Behind(graph, region, period, Kpi.GapsHealed, chain),
            InvestmentKpis.Behind(graph, region, period, Kpi.GapsNew, chain),
            [.. ProjectReports.Overdue(graph, region, null, period.To).Problems.Where(o => inLibrary.Contains(o.Project))]);
    }
}
