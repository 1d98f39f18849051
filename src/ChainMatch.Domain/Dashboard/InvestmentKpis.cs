using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Dashboard;

public enum Kpi { ProjectsSigned, SignedAtLeastOneYi, AgreedInvestment, FundsInPlace, SignedWithListedFirm, StartedProduction, GapsHealed, GapsNew }

/// <summary>One figure for the period and for the same period a year earlier, with its unit and what it counts.</summary>
public sealed record KpiFigure(Kpi Kpi, double Value, double PreviousYear, string Unit, string Definition);

/// <summary>
/// The year's 招商 figures for a region (and everything under it), optionally for one chain's segments. The definitions
/// below are the only place these figures are defined; amounts are in 亿元 as the project library records them.
/// </summary>
public static class InvestmentKpis
{
    /// <summary>The editions that make the three 500 lists (三类500强), by list id prefix.</summary>

    public static readonly IReadOnlyDictionary<Kpi, (string Unit, string Definition)> Definitions = new Dictionary<Kpi, (string, string)>
    {
        [Kpi.ProjectsSigned] = ("projects", "projects whose first step at signed or beyond (signed, started, in production, capital added) is dated in the period; a project lost later still counts"),
        [Kpi.SignedAtLeastOneYi] = ("projects", "of the projects signed in the period, those whose agreed investment recorded by the period's end is at least 1 亿元"),
        [Kpi.AgreedInvestment] = ("亿元", "the agreed investment recorded by the period's end, summed over the projects signed in the period"),
        [Kpi.FundsInPlace] = ("亿元", "funds in place (到位资金) that arrived in the period: each project's latest recorded funds in place by the period's end less its latest recorded before the period, summed over all projects"),
        [Kpi.SignedWithListedFirm] = ("projects", "of the projects signed in the period, those whose firm is on a Fortune Global 500, China top 500 or China private top 500 edition published in or before the signing year"),
        [Kpi.StartedProduction] = ("projects", "projects whose first step at in production (or capital added) is dated in the period"),
        [Kpi.GapsHealed] = ("gaps", "gaps (missing, weak or high-value segments, as on the gap map) open the day before the period and closed by its end"),
        [Kpi.GapsNew] = ("gaps", "gaps open at the period's end that were not open the day before the period"),
    };

    public static IReadOnlyList<KpiFigure> For(ChainGraph graph, RegionCode region, Period period, ChainId? chain = null)
    {
        if (graph.FindRegion(region) is null) throw new NotFoundException("region", region.Value);
        var segments = chain is { } c
            ? (graph.FindChain(c) is null ? throw new NotFoundException("chain", c.Value) : graph.SegmentsOf(c).Select(s => s.Id).ToHashSet())
            : null;
        var projects = graph.Data.Projects
            .Where(p => graph.IsWithin(p.Region, region) && (segments is null || segments.Contains(p.Segment)))
            .ToList();
        // The gaps open on a date, each date analysed once: a year's period ends the day before the next one starts.
        var gapsOn = new Dictionary<DateOnly, HashSet<string>>();
        HashSet<string> GapsOn(DateOnly date) => gapsOn.TryGetValue(date, out var gaps) ? gaps
            : gapsOn[date] = GapReports.GapList(graph, region, date, chain).Gaps.Select(g => g.Segment).ToHashSet();
        var now = Figures(graph, projects, period, GapsOn);
        var before = Figures(graph, projects, period.PreviousYear(), GapsOn);
        return [.. Enum.GetValues<Kpi>().Select(k => new KpiFigure(k, now[k], before[k], Definitions[k].Unit, Definitions[k].Definition))];
    }

    /// <summary>The date a project was signed: its first step at signed or beyond (an imported project may start past signed).</summary>
    public static DateOnly? SignedOn(Project project) =>
        project.History.FirstOrDefault(h => h.Stage is >= ProjectStage.Signed and not ProjectStage.Lost)?.Date;

    public static DateOnly? InProductionOn(Project project) =>
        project.History.FirstOrDefault(h => h.Stage is ProjectStage.InProduction or ProjectStage.CapitalAdded)?.Date;

    /// <summary>The agreed investment recorded on or before <paramref name="date"/>, in 亿元.</summary>
    public static double? AgreedBy(Project project, DateOnly date) =>
        project.History.LastOrDefault(h => h.Date <= date && h.AgreedInvestment is not null)?.AgreedInvestment;

    static double FundsBy(Project project, DateOnly date) =>
        project.History.LastOrDefault(h => h.Date <= date && h.FundsInPlace is not null)?.FundsInPlace ?? 0;

    static Dictionary<Kpi, double> Figures(ChainGraph graph, List<Project> projects, Period period, Func<DateOnly, HashSet<string>> gapsOn)
    {
        var signed = projects.Where(p => SignedOn(p) is { } d && period.Contains(d)).ToList();
        HashSet<string> before = gapsOn(period.From.AddDays(-1)), after = gapsOn(period.To);
        return new Dictionary<Kpi, double>
        {
            [Kpi.ProjectsSigned] = signed.Count,
            [Kpi.SignedAtLeastOneYi] = signed.Count(p => AgreedBy(p, period.To) >= ProjectReports.MajorInvestment),
            [Kpi.AgreedInvestment] = signed.Sum(p => AgreedBy(p, period.To) ?? 0),
            [Kpi.FundsInPlace] = projects.Sum(p => FundsBy(p, period.To) - FundsBy(p, period.From.AddDays(-1))),
            [Kpi.SignedWithListedFirm] = signed.Count(p => OnThreeLists(graph, p.Firm, SignedOn(p)!.Value.Year)),
            [Kpi.StartedProduction] = projects.Count(p => InProductionOn(p) is { } d && period.Contains(d)),
            [Kpi.GapsHealed] = before.Count(g => !after.Contains(g)),
            [Kpi.GapsNew] = after.Count(g => !before.Contains(g)),
        };
    }

    static bool OnThreeLists(ChainGraph graph, FirmId firm, int year)
    {
        var editions = graph.Data.Lists.Where(l => l.Year <= year && ListFamily.Of(l.Id) is not null)
            .Select(l => l.Id).ToHashSet();
        return graph.MembershipsOf(firm).Any(m => editions.Contains(m.List));
    }
}
