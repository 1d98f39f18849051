using System.Collections.Immutable;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

/// <summary>The lists behind the KPIs, the completeness trend, the monthly bulletin and who opens on the dashboard, on hand-built graphs.</summary>
public class DashboardFiguresTests
{
    static readonly RegionCode Kunming = new("530100"), Yunnan = new("530000");
    static readonly Period Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    static Project P(string id, string region, params StageChange[] steps) =>
        new(id, new FirmId("f"), new SegmentId("cell"), new RegionCode(region), "bureau", [.. steps], new Provenance("test", "made up"));

    static StageChange S(ProjectStage stage, string date, double? agreed = null, double? funds = null) => new(stage, DateOnly.Parse(date), agreed, funds);

    static ChainGraph Library(params Project[] projects) =>
        ChainGraph.Build(new ChainGraphBuilder().Chain("battery", "cell", "foil").Firm("f", @in: "cell", at: "530181", since: 2025)
            .Firm("g", @in: "foil", at: "530181", until: 2025).Listed("f", "fortune-global-500-2024", year: 2024).Data() with { Projects = [.. projects] });

    static readonly ChainGraph Mixed = Library(
        P("a", "530181", S(ProjectStage.Lead, "2024-11-01"), S(ProjectStage.Signed, "2025-03-01", agreed: 3, funds: 1), S(ProjectStage.Started, "2025-08-01", funds: 2.5)),
        P("b", "530100", S(ProjectStage.Signed, "2025-05-01", agreed: 0.4), S(ProjectStage.Started, "2025-06-01"), S(ProjectStage.InProduction, "2025-11-01")),
        P("c", "530300", S(ProjectStage.Signed, "2025-02-01", agreed: 7)),
        P("d", "530100", S(ProjectStage.Negotiating, "2025-03-15")));

    [Test]
    public void Every_figure_is_the_count_or_the_sum_of_the_list_behind_it()
    {
        foreach (var region in new[] { Kunming, Yunnan })
            foreach (var figure in InvestmentKpis.For(Mixed, region, Year2025))
            {
                var items = InvestmentKpis.Behind(Mixed, region, Year2025, figure.Kpi);
                var total = InvestmentKpis.IsAmount(figure.Kpi) ? items.Sum(i => i.Amount ?? 0) : items.Count;
                Assert.That(total, Is.EqualTo(figure.Value).Within(1e-9), $"{figure.Kpi} in {region.Value}");
            }
    }

    [Test]
    public void The_signed_list_names_each_project_with_its_signing_date_and_agreed_investment()
    {
        var signed = InvestmentKpis.Behind(Mixed, Kunming, Year2025, Kpi.ProjectsSigned);
        Assert.That(signed.Select(i => (i.Id, i.Date, i.Amount)),
            Is.EqualTo(new[] { ("a", (DateOnly?)new DateOnly(2025, 3, 1), (double?)3.0), ("b", new DateOnly(2025, 5, 1), 0.4) }));
        Assert.That(signed[0].RegionName, Is.EqualTo("安宁市"));
    }

    [Test]
    public void The_gap_lists_name_the_segment_healed_and_the_segment_lost()
    {
        Assert.That(InvestmentKpis.Behind(Mixed, Kunming, Year2025, Kpi.GapsHealed).Select(i => (i.Kind, i.Id)), Is.EqualTo(new[] { ("gap", "cell") }));
        Assert.That(InvestmentKpis.Behind(Mixed, Kunming, Year2025, Kpi.GapsNew).Select(i => i.Id), Is.EqualTo(new[] { "foil" }));
    }

    [Test]
    public void A_graphs_gap_map_for_a_region_and_date_is_analysed_once()
    {
        var first = GapSets.Open(Mixed, Kunming, new DateOnly(2025, 12, 31), null);
        Assert.That(GapSets.Open(Mixed, Kunming, new DateOnly(2025, 12, 31), null), Is.SameAs(first));
        Assert.That(GapSets.Open(Library(), Kunming, new DateOnly(2025, 12, 31), null), Is.Not.SameAs(first), "another graph, another map");
    }

    [Test]
    public void The_trend_follows_the_chain_year_by_year_and_ends_on_the_date_asked()
    {
        var trend = CompletenessTrend.For(Mixed, Kunming, [new ChainId("battery")], 2023, new DateOnly(2025, 6, 30)).Single();
        Assert.That(trend.Points.Select(p => p.AsOf), Is.EqualTo(new[] { new DateOnly(2023, 12, 31), new DateOnly(2024, 12, 31), new DateOnly(2025, 6, 30) }));
        var arriving = ChainGraph.Build(new ChainGraphBuilder().Chain("battery", "cell", "foil").Firm("f", @in: "cell", at: "530181", since: 2024).Build().Data);
        var points = CompletenessTrend.For(arriving, Kunming, [new ChainId("battery")], 2023, new DateOnly(2024, 12, 31)).Single().Points;
        Assert.That(points[0].Completeness, Is.EqualTo(0), "nothing held in 2023");
        Assert.That(points[1].Completeness, Is.GreaterThan(0), "cells held from 2024");
    }

    [Test]
    public void A_trend_of_more_than_thirty_years_is_refused()
    {
        Assert.That(() => CompletenessTrend.For(Mixed, Kunming, [new ChainId("battery")], 1990, new DateOnly(2025, 1, 1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_bulletin_of_March_holds_its_signing_its_new_lead_and_the_problems_overdue_at_its_end()
    {
        var problem = new ProjectProblem("1", "land", "no land quota", new DateOnly(2025, 2, 1), "自然资源局", [], new DateOnly(2025, 3, 20));
        var graph = ChainGraph.Build(Mixed.Data with { Projects = Mixed.Data.Projects.Select(p => p.Id == "a" ? p with { Problems = [problem] } : p).ToImmutableArray() });
        var march = Bulletin.For(graph, Kunming, 2025, 3);
        Assert.That(march.Period, Is.EqualTo(new Period(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31))));
        Assert.That(march.Signings.Select(i => i.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(march.Kpis.Single(k => k.Kpi == Kpi.ProjectsSigned).Value, Is.EqualTo(1));
        Assert.That(march.NewLeads.Select(i => i.Id), Is.EqualTo(new[] { "d" }), "d entered the library in March; a in November");
        Assert.That(march.Overdue.Select(o => (o.Project, o.DaysOverdue)), Is.EqualTo(new[] { ("a", 11) }));
        Assert.That(Bulletin.For(graph, new RegionCode("530300"), 2025, 3).Overdue, Is.Empty, "Qujing's bulletin holds Qujing's problems");
    }

    [TestCase("530000", true)]
    [TestCase("530100", true)]
    [TestCase("530181", false)]
    [TestCase("530181-park", false)]
    [TestCase(Scope.AllRegions, true)]
    public void Province_and_prefecture_callers_open_on_the_dashboard(string region, bool dashboard)
    {
        Assert.That(DashboardAudience.OpensOnDashboard(Mixed, new Scope(region)), Is.EqualTo(dashboard));
    }
}
