using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Dashboard;

public enum Kpi { ProjectsSigned, SignedAtLeastOneYi, AgreedInvestment, FundsInPlace, SignedWithListedFirm, StartedProduction, GapsHealed, GapsNew }

/// <summary>One figure for the period and for the same period a year earlier, with its unit and what it counts.</summary>
public sealed record KpiFigure(Kpi Kpi, double Value, double PreviousYear, string Unit, string Definition);

/// <summary>
/// One entry of the list behind a figure: a project (<see cref="Kind"/> "project", with its dated step and amount) or a
/// gap ("gap", the segment in the region). A count is the number of entries; an amount is the sum of theirs.
/// </summary>
public sealed record KpiItem(string Kind, string Id, string Name, string Segment, string SegmentName, string Region, string RegionName, DateOnly? Date, double? Amount);

/// <summary>
/// The year's 招商 figures for a region (and everything under it), optionally for one chain's segments. The definitions
/// below are the only place these figures are defined; amounts are in 亿元 as the project library records them.
/// </summary>
public static class InvestmentKpis
{
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

    /// <summary>Figures summed over their entries' amounts; every other figure counts its entries.</summary>
    public static bool IsAmount(Kpi kpi) => kpi is Kpi.AgreedInvestment or Kpi.FundsInPlace;

    public static IReadOnlyList<KpiFigure> For(ChainGraph graph, RegionCode region, Period period, ChainId? chain = null)
    {
        var library = Library.Of(graph, region, chain);
        var previous = period.PreviousYear();
        // The four gap maps (the day before each period, each period's end) are analysed at once, each date once.
        GapSets.Prefetch(graph, region, chain, [period.From.AddDays(-1), period.To, previous.From.AddDays(-1), previous.To]);
        return [.. Enum.GetValues<Kpi>().Select(k => new KpiFigure(k, Value(k, Items(library, period, k)), Value(k, Items(library, previous, k)),
            Definitions[k].Unit, Definitions[k].Definition))];
    }

    /// <summary>The list behind one figure: the projects or gaps it counts (or sums), in date order then by id.</summary>
    public static IReadOnlyList<KpiItem> Behind(ChainGraph graph, RegionCode region, Period period, Kpi kpi, ChainId? chain = null) =>
        [.. Items(Library.Of(graph, region, chain), period, kpi).OrderBy(i => i.Date).ThenBy(i => i.Id, StringComparer.Ordinal)];

    static double Value(Kpi kpi, IEnumerable<KpiItem> items) => IsAmount(kpi) ? items.Sum(i => i.Amount ?? 0) : items.Count();

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

    /// <summary>The projects a region's figures count (the region and everything under it, the chain's segments only), and where its gaps are read.</summary>
    internal sealed record Library(ChainGraph Graph, RegionCode Region, ChainId? Chain, IReadOnlyList<Project> Projects)
    {
        public static Library Of(ChainGraph graph, RegionCode region, ChainId? chain)
        {
            if (graph.FindRegion(region) is null) throw new NotFoundException("region", region.Value);
            var segments = chain is { } c
                ? (graph.FindChain(c) is null ? throw new NotFoundException("chain", c.Value) : graph.SegmentsOf(c).Select(s => s.Id).ToHashSet())
                : null;
            return new Library(graph, region, chain,
                [.. graph.Data.Projects.Where(p => graph.IsWithin(p.Region, region) && (segments is null || segments.Contains(p.Segment)))]);
        }

        public KpiItem Item(Project p, DateOnly? date, double? amount) =>
            new("project", p.Id, Graph.FindFirm(p.Firm)?.Name ?? p.Firm.Value, p.Segment.Value, Graph.FindSegment(p.Segment)?.Name ?? p.Segment.Value,
                p.Region.Value, Graph.FindRegion(p.Region)?.Name ?? p.Region.Value, date, amount);

        public KpiItem Gap(Gaps.GapReport g) =>
            new("gap", g.Segment, g.Name, g.Segment, g.Name, Region.Value, Graph.FindRegion(Region)!.Name, null, null);
    }

    static IEnumerable<KpiItem> Items(Library library, Period period, Kpi kpi)
    {
        var graph = library.Graph;
        var signed = library.Projects.Where(p => SignedOn(p) is { } d && period.Contains(d));
        IReadOnlyList<Gaps.GapReport> Gaps(DateOnly date) => GapSets.Open(graph, library.Region, date, library.Chain);
        return kpi switch
        {
            Kpi.ProjectsSigned => signed.Select(p => library.Item(p, SignedOn(p), AgreedBy(p, period.To))),
            Kpi.SignedAtLeastOneYi => signed.Where(p => AgreedBy(p, period.To) >= ProjectReports.MajorInvestment)
                .Select(p => library.Item(p, SignedOn(p), AgreedBy(p, period.To))),
            Kpi.AgreedInvestment => signed.Where(p => AgreedBy(p, period.To) is not null).Select(p => library.Item(p, SignedOn(p), AgreedBy(p, period.To))),
            Kpi.FundsInPlace => library.Projects
                .Select(p => (p, arrived: FundsBy(p, period.To) - FundsBy(p, period.From.AddDays(-1))))
                .Where(x => x.arrived != 0)
                .Select(x => library.Item(x.p, x.p.History.LastOrDefault(h => h.Date <= period.To && h.FundsInPlace is not null)?.Date, x.arrived)),
            Kpi.SignedWithListedFirm => signed.Where(p => OnThreeLists(graph, p.Firm, SignedOn(p)!.Value.Year))
                .Select(p => library.Item(p, SignedOn(p), AgreedBy(p, period.To))),
            Kpi.StartedProduction => library.Projects.Where(p => InProductionOn(p) is { } d && period.Contains(d))
                .Select(p => library.Item(p, InProductionOn(p), AgreedBy(p, period.To))),
            Kpi.GapsHealed => Except(Gaps(period.From.AddDays(-1)), Gaps(period.To)).Select(library.Gap),
            Kpi.GapsNew => Except(Gaps(period.To), Gaps(period.From.AddDays(-1))).Select(library.Gap),
            _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
        };
    }

    static IEnumerable<Gaps.GapReport> Except(IReadOnlyList<Gaps.GapReport> gaps, IReadOnlyList<Gaps.GapReport> others)
    {
        var open = others.Select(g => g.Segment).ToHashSet();
        return gaps.Where(g => !open.Contains(g.Segment));
    }

    static bool OnThreeLists(ChainGraph graph, FirmId firm, int year)
    {
        var editions = graph.Data.Lists.Where(l => l.Year <= year && ListFamily.Of(l.Id) is not null)
            .Select(l => l.Id).ToHashSet();
        return graph.MembershipsOf(firm).Any(m => editions.Contains(m.List));
    }
}
