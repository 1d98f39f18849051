using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Simulation;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Tests;

public class AnchorRankingTests
{
    static readonly DateOnly AsOf = new(2025, 12, 31);
    static TreeEnsemble Model => TreeEnsemble.Load(SeedFolder.ShippedModel());

    /// <summary>Qujing (530300) holds nothing of anode → smelting → foil; "integrated" runs anode and smelting in Ningde.</summary>
    static ChainGraph Graph() => new ChainGraphBuilder()
        .Chain("aluminium", "anode", "smelting", "foil").Feeds("anode", "smelting").Feeds("smelting", "foil")
        .Firm("integrated", @in: "anode", at: "350900", since: 2010).Firm("integrated", @in: "smelting", at: "350900", since: 2010)
        .Firm("smelter", @in: "smelting", at: "350900", since: 2010)
        .Firm("anode-maker", @in: "anode", at: "350900", since: 2012)
        .Firm("foil-maker", @in: "foil", at: "350900", since: 2015)
        .Supplies("anode-maker", "smelter")
        .Build();

    static AnchorRankingReport Rank() => new AnchorRanking(new LeadRanker(Model)).Rank(Graph(), new ChainId("aluminium"), new RegionCode("530300"), AsOf);

    [Test]
    public void AnAnchorBringingTwoSegmentsAndTheLinkBetweenThemRanksFirst()
    {
        var first = Rank().Anchors[0];
        Assert.That((first.FirmId, first.CompletenessGain), Is.EqualTo(("integrated", Math.Round(0.7 * 2 / 3 + 0.3 / 2, 4))));
        Assert.That(first.Segments, Is.EquivalentTo(new[] { "anode", "smelting" }));
    }

    [Test]
    public void AmongEqualGainsTheAnchorsWithSupplyTiesPullFollowersAndRankHigher()
    {
        var anchors = Rank().Anchors;
        var order = anchors.Select(a => a.FirmId).ToList();
        Assert.That(order.IndexOf("smelter"), Is.LessThan(order.IndexOf("foil-maker")));
        Assert.That(order.IndexOf("anode-maker"), Is.LessThan(order.IndexOf("foil-maker")));
        Assert.That(anchors.Single(a => a.FirmId == "smelter").Followers, Is.EqualTo(new[] { "anode-maker" }));
    }

    [Test]
    public void EveryFirmThatCouldFillAGapIsACandidateAndRanksAreConsecutive()
    {
        var report = Rank();
        Assert.That(report.Candidates, Is.EqualTo(4));
        Assert.That(report.Anchors.Select(a => a.Rank), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(report.CompletenessBefore, Is.Zero);
    }
}
