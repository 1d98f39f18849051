using System.Collections.Immutable;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class InvestmentKpisTests
{
    static readonly RegionCode Kunming = new("530100"), Yunnan = new("530000");
    static readonly Period Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    static Project P(string id, string region, params StageChange[] steps) =>
        new(id, new FirmId("f"), new SegmentId("cell"), new RegionCode(region), "bureau", [.. steps], new Provenance("test", "made up"));

    static StageChange S(ProjectStage stage, string date, double? agreed = null, double? funds = null) => new(stage, DateOnly.Parse(date), agreed, funds);

    static ChainGraph Library(params Project[] projects) =>
        ChainGraph.Build(new ChainGraphBuilder().Chain("battery", "cell").Firm("f", @in: "cell", at: "350900").Data() with { Projects = [.. projects] });

    static double Figure(ChainGraph graph, Kpi kpi, RegionCode? region = null) =>
        InvestmentKpis.For(graph, region ?? Kunming, Year2025).Single(f => f.Kpi == kpi).Value;

    static double PreviousYear(ChainGraph graph, Kpi kpi) =>
        InvestmentKpis.For(graph, Kunming, Year2025).Single(f => f.Kpi == kpi).PreviousYear;

    [Test]
    public void A_project_signed_in_the_period_counts_and_one_signed_a_year_earlier_counts_beside_it()
    {
        var graph = Library(P("a", "530181", S(ProjectStage.Lead, "2024-11-01"), S(ProjectStage.Signed, "2025-03-01")),
            P("b", "530100", S(ProjectStage.Signed, "2024-05-01")), P("c", "530100", S(ProjectStage.Negotiating, "2025-05-01")));
        Assert.That(Figure(graph, Kpi.ProjectsSigned), Is.EqualTo(1));
        Assert.That(PreviousYear(graph, Kpi.ProjectsSigned), Is.EqualTo(1));
    }

    [Test]
    public void A_project_imported_past_signed_counts_as_signed_on_its_first_step()
    {
        var graph = Library(P("a", "530100", S(ProjectStage.Started, "2025-02-01"), S(ProjectStage.InProduction, "2025-09-01")));
        Assert.That(Figure(graph, Kpi.ProjectsSigned), Is.EqualTo(1));
        Assert.That(Figure(graph, Kpi.StartedProduction), Is.EqualTo(1));
    }

    [Test]
    public void A_project_signed_and_then_lost_still_counts_as_signed()
    {
        var graph = Library(P("a", "530100", S(ProjectStage.Signed, "2025-02-01"), S(ProjectStage.Lost, "2025-06-01")));
        Assert.That(Figure(graph, Kpi.ProjectsSigned), Is.EqualTo(1));
    }

    [Test]
    public void Signed_of_at_least_1_yi_and_agreed_investment_use_the_amount_recorded_by_the_periods_end()
    {
        var graph = Library(P("a", "530100", S(ProjectStage.Signed, "2025-02-01", agreed: 0.8), S(ProjectStage.Started, "2025-10-01", agreed: 1.5)),
            P("b", "530100", S(ProjectStage.Signed, "2025-04-01", agreed: 0.5), S(ProjectStage.Started, "2026-02-01", agreed: 3)));
        Assert.That(Figure(graph, Kpi.SignedAtLeastOneYi), Is.EqualTo(1));
        Assert.That(Figure(graph, Kpi.AgreedInvestment), Is.EqualTo(2.0));
    }

    [Test]
    public void Funds_in_place_count_only_what_arrived_in_the_period()
    {
        var graph = Library(P("a", "530100", S(ProjectStage.Signed, "2024-02-01", agreed: 10, funds: 2), S(ProjectStage.Started, "2025-05-01", funds: 6)));
        Assert.That(Figure(graph, Kpi.FundsInPlace), Is.EqualTo(4.0));
        Assert.That(PreviousYear(graph, Kpi.FundsInPlace), Is.EqualTo(2.0));
    }

    [Test]
    public void A_firm_counts_as_listed_only_on_an_edition_published_by_the_signing_year()
    {
        Project Signed(string id) => P(id, "530100", S(ProjectStage.Signed, "2025-03-01"));
        var data = new ChainGraphBuilder().Chain("battery", "cell").Firm("f", @in: "cell", at: "350900")
            .Listed("f", "china-private-top-500-2026", year: 2026).Data() with { Projects = [Signed("a")] };
        Assert.That(Figure(ChainGraph.Build(data), Kpi.SignedWithListedFirm), Is.EqualTo(0));
        var listed = new ChainGraphBuilder().Chain("battery", "cell").Firm("f", @in: "cell", at: "350900")
            .Listed("f", "fortune-global-500-2024", year: 2024).Data() with { Projects = [Signed("a")] };
        Assert.That(Figure(ChainGraph.Build(listed), Kpi.SignedWithListedFirm), Is.EqualTo(1));
    }

    [Test]
    public void Another_prefectures_projects_count_for_the_province_but_not_for_Kunming()
    {
        var graph = Library(P("a", "530381", S(ProjectStage.Signed, "2025-03-01", agreed: 5)));
        Assert.That(Figure(graph, Kpi.AgreedInvestment), Is.EqualTo(0));
        Assert.That(Figure(graph, Kpi.AgreedInvestment, Yunnan), Is.EqualTo(5.0));
    }

    [Test]
    public void A_segment_gained_in_the_period_is_a_healed_gap_and_one_lost_is_a_new_gap()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "cell", "foil")
            .Firm("f", @in: "cell", at: "530181", since: 2025).Firm("g", @in: "foil", at: "530181", until: 2025).Build();
        Assert.That(Figure(graph, Kpi.GapsHealed), Is.EqualTo(1));
        Assert.That(Figure(graph, Kpi.GapsNew), Is.EqualTo(1));
    }

    [Test]
    public void Every_figure_carries_its_definition()
    {
        var figures = InvestmentKpis.For(Library(), Kunming, Year2025);
        Assert.That(figures.Select(f => f.Kpi), Is.EquivalentTo(Enum.GetValues<Kpi>()));
        Assert.That(figures.Select(f => f.Definition), Has.None.Empty);
    }
}
