using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class ChainGraphTests
{
    [Test]
    public void ParkLiesWithinItsCountyPrefectureAndProvince()
    {
        var graph = new ChainGraphBuilder().Chain("c", "ore").Build();
        var park = new RegionCode("530181-park");
        Assert.That(new[] { "530181", "530100", "530000" }.Select(r => graph.IsWithin(park, new RegionCode(r))), Is.All.True);
        Assert.That(graph.IsWithin(park, new RegionCode("530300")), Is.False);
    }

    [Test]
    public void FeedsAreIndexedBothWays()
    {
        var graph = new ChainGraphBuilder().Chain("c", "a", "b", "c").Feeds("a", "b").Feeds("a", "c").Feeds("b", "c").Build();
        Assert.That(graph.FeedsFrom(new SegmentId("a")).Select(f => f.To.Value), Is.EquivalentTo(new[] { "b", "c" }));
        Assert.That(graph.FeedsInto(new SegmentId("c")).Select(f => f.From.Value), Is.EquivalentTo(new[] { "a", "b" }));
    }

    [Test]
    public void ALinkToAnUndefinedSegmentIsRefused()
    {
        var data = new ChainGraphBuilder().Chain("c", "a").Feeds("a", "ghost").Data();
        Assert.That(() => ChainGraph.Build(data), Throws.TypeOf<GraphIntegrityException>().With.Message.Contains("ghost"));
    }

    [Test]
    public void ASegmentDefinedTwiceIsRefused()
    {
        var data = new ChainGraphBuilder().Chain("c", "a").Data();
        data = data with { Segments = data.Segments.AddRange(data.Segments) };
        Assert.That(() => ChainGraph.Build(data), Throws.TypeOf<GraphIntegrityException>().With.Message.Contains("defined twice"));
    }

    [Test]
    public void ARegionParentCycleIsRefused()
    {
        var data = new ChainGraphBuilder().Chain("c", "a").Data();
        var regions = data.Regions.Select(r => r.Code.Value == "530000" ? r with { Parent = new RegionCode("530181") } : r);
        Assert.That(() => ChainGraph.Build(data with { Regions = [.. regions] }), Throws.TypeOf<GraphIntegrityException>().With.Message.Contains("cycle"));
    }
}
