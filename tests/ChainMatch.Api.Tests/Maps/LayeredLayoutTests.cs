using ChainMatch.Api.Maps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Tests.Maps;

public sealed class LayeredLayoutTests
{
    static LayoutNode N(string id, Stage stage) => new(id, stage);

    static LayoutEdge E(string from, string to) => new(from, to);

    [Test]
    public void StagesStandLeftToRightFromUpstreamToApplication()
    {
        var layout = LayeredLayout.Arrange(
            [N("app", Stage.Application), N("down", Stage.Downstream), N("mid", Stage.Midstream), N("up", Stage.Upstream)], []);

        Assert.That(new[] { "up", "mid", "down", "app" }.Select(id => layout[id].Column), Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void ASegmentFedByAnotherOfItsStageStandsOneColumnFurtherRight()
    {
        var layout = LayeredLayout.Arrange(
            [N("ore", Stage.Upstream), N("carbonate", Stage.Midstream), N("cathode", Stage.Midstream), N("cell", Stage.Downstream)],
            [E("ore", "carbonate"), E("carbonate", "cathode"), E("cathode", "cell")]);

        Assert.That(new[] { "ore", "carbonate", "cathode", "cell" }.Select(id => layout[id].Column), Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void BarycentreOrderingUncrossesTwoCrossedLinks()
    {
        // In input order a→d and b→c cross; putting d above c removes the crossing.
        var layout = LayeredLayout.Arrange(
            [N("a", Stage.Upstream), N("b", Stage.Upstream), N("c", Stage.Midstream), N("d", Stage.Midstream)],
            [E("a", "d"), E("b", "c")]);

        Assert.That(layout.Crossings, Is.Zero);
        Assert.That(layout["d"].Row, Is.LessThan(layout["c"].Row));
    }

    [Test]
    public void ACycleInsideAStageStillGetsEverySegmentPlaced()
    {
        var layout = LayeredLayout.Arrange(
            [N("x", Stage.Midstream), N("y", Stage.Midstream), N("z", Stage.Midstream)],
            [E("x", "y"), E("y", "z"), E("z", "x")]);

        Assert.That(layout.Nodes.Select(n => n.Id), Is.EquivalentTo(new[] { "x", "y", "z" }));
    }

    [Test]
    public void WithoutLinksTheInputOrderIsKept()
    {
        var layout = LayeredLayout.Arrange([N("first", Stage.Upstream), N("second", Stage.Upstream), N("third", Stage.Upstream)], []);

        Assert.That(layout.Nodes.OrderBy(n => n.Row).Select(n => n.Id), Is.EqualTo(new[] { "first", "second", "third" }));
    }
}
