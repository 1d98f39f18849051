using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Simulation;

namespace ChainMatch.Domain.Tests;

public class PrefectureFiguresTests
{
    static readonly DateOnly AsOf = new(2025, 6, 30);

    static ChainGraph Graph() => new ChainGraphBuilder().Chain("battery", "ore", "cell").Feeds("ore", "cell")
        .Firm("f", @in: "ore", at: "530181").Firm("g", @in: "cell", at: "530381").Firm("g", @in: "ore", at: "530381")
        .Project("g", "cell", "530381", (ProjectStage.Signed, "2025-02-01")).Build();

    [Test]
    public void A_province_gets_one_row_per_prefecture_under_it()
    {
        var rows = PrefectureFigures.For(Graph(), new RegionCode("530000"), new ChainId("battery"), AsOf);
        Assert.That(rows.Select(r => r.Region), Is.EqualTo(new[] { "530100", "530300" }));
    }

    [Test]
    public void A_prefecture_gets_its_own_row_only()
    {
        var rows = PrefectureFigures.For(Graph(), new RegionCode("530100"), new ChainId("battery"), AsOf);
        Assert.That(rows.Select(r => r.Region), Is.EqualTo(new[] { "530100" }));
    }

    [Test]
    public void Completeness_is_the_measure_the_simulation_reports()
    {
        var graph = Graph();
        var qujing = PrefectureFigures.For(graph, new RegionCode("530000"), new ChainId("battery"), AsOf).Single(r => r.Region == "530300");
        var expected = Completeness.Of(graph, RegionAnalysis.Run(graph, new RegionCode("530300"), AsOf), new ChainId("battery"));
        Assert.That(qujing.Completeness, Is.EqualTo(expected).Within(1e-4));
        Assert.That(qujing.Completeness, Is.EqualTo(1.0).Within(1e-4));
        Assert.That(qujing.ProjectsSigned, Is.EqualTo(1));
    }

    [Test]
    public void A_prefecture_missing_a_segment_shows_it_as_a_gap()
    {
        var kunming = PrefectureFigures.For(Graph(), new RegionCode("530100"), new ChainId("battery"), AsOf).Single();
        Assert.That(kunming.Gaps, Is.EqualTo(1));
        Assert.That(kunming.Completeness, Is.LessThan(1));
    }
}
