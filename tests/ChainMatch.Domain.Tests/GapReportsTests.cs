using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class GapReportsTests
{
    static readonly DateOnly Today = new(2025, 6, 30);

    [Test]
    public void StatusMapCoversEverySegmentOfTheChainInStageOrder()
    {
        var graph = new ChainGraphBuilder().Chain("c", "cell", "ore")
            .Segment("ore", stage: Stage.Upstream).Segment("cell", stage: Stage.Downstream)
            .Firm("f", @in: "ore", at: "530181").Build();
        var map = GapReports.StatusMap(graph, new ChainId("c"), new RegionCode("530100"), Today);
        Assert.That(map.Segments.Select(s => s.Id), Is.EqualTo(new[] { "ore", "cell" }));
        Assert.That(map.Summary, Is.EqualTo(new StatusSummary(2, 1, 0, 1, 0, 1)));
    }

    [Test]
    public void GapListShowsASegmentSharedByTwoChainsOnceWithBothChains()
    {
        var graph = new ChainGraphBuilder().Chain("aluminium", "foil").Chain("battery", "foil").Build();
        var gaps = GapReports.GapList(graph, new RegionCode("530100"), Today);
        Assert.That(gaps.Gaps, Has.Count.EqualTo(1));
        Assert.That(gaps.Gaps[0].Chains, Is.EqualTo(new[] { "aluminium", "battery" }));
    }

    [Test]
    public void GapListIsOrderedByPriorityHighestFirst()
    {
        var graph = new ChainGraphBuilder().Chain("alu", "anode", "smelting", "recycling", "wire")
            .Feeds("anode", "smelting").Feeds("smelting", "wire").Firm("s", @in: "smelting", at: "530181").Build();
        var priorities = GapReports.GapList(graph, new RegionCode("530100"), Today).Gaps.Select(g => g.Priority).ToList();
        Assert.That(priorities, Is.Ordered.Descending);
        Assert.That(priorities, Has.Count.EqualTo(3));
    }

    [Test]
    public void GapChangesSeparateHealedPersistentAndNew()
    {
        var graph = new ChainGraphBuilder().Chain("c", "healed", "persistent", "opened")
            .Firm("newcomer", @in: "healed", at: "530181", since: 2020)
            .Firm("leaver", @in: "opened", at: "530181", since: 2010, until: 2019)
            .Build();
        var changes = GapReports.GapChanges(graph, new RegionCode("530100"), new DateOnly(2015, 12, 31), new DateOnly(2024, 12, 31));
        Assert.That(changes.Changes.ToDictionary(c => c.Segment, c => c.Change), Is.EqualTo(new Dictionary<string, GapChangeKind>
        {
            ["healed"] = GapChangeKind.Healed,
            ["persistent"] = GapChangeKind.Persistent,
            ["opened"] = GapChangeKind.New,
        }));
    }

    [Test]
    public void UnknownRegionIsNotFound()
    {
        var graph = new ChainGraphBuilder().Chain("c", "ore").Build();
        var e = Assert.Throws<NotFoundException>(() => GapReports.StatusMap(graph, new ChainId("c"), new RegionCode("999999"), Today));
        Assert.That(e!.Kind, Is.EqualTo("region"));
    }

    [Test]
    public void UnknownChainIsNotFound()
    {
        var graph = new ChainGraphBuilder().Chain("c", "ore").Build();
        var e = Assert.Throws<NotFoundException>(() => GapReports.StatusMap(graph, new ChainId("nope"), new RegionCode("530100"), Today));
        Assert.That(e!.Kind, Is.EqualTo("chain"));
    }
}
