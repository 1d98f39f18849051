using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

/// <summary>A write applied to a graph makes a new version that answers as a graph built afresh from its rows, and leaves the old one alone.</summary>
public class ChainGraphApplyTests
{
    static ChainGraph Graph() => new ChainGraphBuilder()
        .Chain("battery", "foil", "cell").Segment("foil").Segment("cell").Feeds("foil", "cell")
        .Firm("foil-co", @in: "foil", at: "530181").Firm("cell-co", @in: "cell", at: "350900").Parent("foil-co", "cell-co")
        .Listed("cell-co", "test-500", rank: 12)
        .Project("cell-co", "foil", "530100", (ProjectStage.Lead, "2024-01-01"))
        .Build();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void AVersionMadeWriteByWriteAnswersAsTheSameRowsBuiltAfresh(int seed)
    {
        var graph = Graph();
        var writes = new RandomWrites(seed);
        // Built before the first write, so that every version carries it on rather than building its own.
        _ = graph.FirmsByName;
        for (var i = 0; i < 60; i++)
        {
            var (kind, rows) = writes.Next(graph);
            graph = graph.Apply(rows);
            var fresh = ChainGraph.Build(graph.Data);
            Assert.That(ProjectionAnswers.Of(graph), Is.EqualTo(ProjectionAnswers.Of(fresh)), $"after write {i + 1} ({kind})");
            var names = graph.Firms.SelectMany(f => new[] { f.Name, f.NameEn }.Concat(f.Aliases).OfType<string>()).Append("removed name").ToList();
            Assert.That(names.Select(n => $"{n}: {string.Join(",", graph.FirmsByName.Naming(n).Select(id => id.Value).Order())}"),
                Is.EqualTo(names.Select(n => $"{n}: {string.Join(",", fresh.FirmsByName.Naming(n).Select(id => id.Value).Order())}")), $"after write {i + 1} ({kind})");
        }
    }

    [Test]
    public void ANameAFirmNoLongerBearsAfterAWriteNamesNoFirm()
    {
        var graph = Graph();
        Assert.That(graph.FirmsByName.Naming("foil-co"), Is.EqualTo(new[] { new FirmId("foil-co") }));
        var renamed = graph.Apply(GraphData.Empty with { Firms = [graph.FindFirm(new FirmId("foil-co"))! with { Name = "新箔业", NameEn = null }] });
        Assert.That((renamed.FirmsByName.Naming("foil-co").Length, renamed.FirmsByName.Naming("新箔业").Single().Value), Is.EqualTo((0, "foil-co")));
        Assert.That(graph.FirmsByName.Naming("foil-co"), Has.Length.EqualTo(1), "the version written from keeps its names");
    }

    [Test]
    public void TheVersionWrittenFromIsLeftAsItWas()
    {
        var before = Graph();
        var answers = ProjectionAnswers.Of(before);
        var firm = before.FindFirm(new FirmId("foil-co"))!;
        var after = before.Apply(GraphData.Empty with
        {
            Firms = [firm with { Name = "renamed" }, new Firm(new FirmId("new-co"), "新公司", null, null, null, Provenance.None)],
            Presences = [new Presence(new FirmId("new-co"), new SegmentId("cell"), new RegionCode("530100"), null, 2024, null, null, Provenance.None)],
        });
        Assert.That((before.FindFirm(firm.Id)!.Name, before.FindFirm(new FirmId("new-co"))), Is.EqualTo(("foil-co", (Firm?)null)));
        Assert.That(ProjectionAnswers.Of(before), Is.EqualTo(answers));
        Assert.That(after.PresencesIn(new SegmentId("cell")).Select(p => p.Firm.Value), Is.EqualTo(new[] { "cell-co", "new-co" }));
    }

    [Test]
    public void TwoVersionsWrittenFromOneEachKeepTheirOwnNewPresences()
    {
        // One write first, so that the version written from has room at the end of its presence columns.
        var graph = Graph().Apply(GraphData.Empty with { Presences = [Site("foil-co", "cell", "530181")] });
        var one = graph.Apply(GraphData.Empty with { Presences = [Site("foil-co", "foil", "350900")] });
        var other = graph.Apply(GraphData.Empty with { Presences = [Site("cell-co", "cell", "530100")] });

        Assert.That(ProjectionAnswers.Of(one), Is.EqualTo(ProjectionAnswers.Of(ChainGraph.Build(one.Data))));
        Assert.That(ProjectionAnswers.Of(other), Is.EqualTo(ProjectionAnswers.Of(ChainGraph.Build(other.Data))));
        Assert.That(one.PresencesWithin(new SegmentId("foil"), new RegionCode("350900")).Select(p => p.Firm.Value), Is.EqualTo(new[] { "foil-co" }));
        Assert.That(other.PresencesWithin(new SegmentId("foil"), new RegionCode("350900")), Is.Empty);
    }

    [Test]
    public void AVersionWhoseWritesAddedPresencesToMoreFirmsThanAreKeptApartAnswersAsItsRowsBuiltAfresh()
    {
        var builder = new ChainGraphBuilder().Chain("battery", "foil", "cell").Segment("foil").Segment("cell").Feeds("foil", "cell");
        for (var i = 0; i < 1_200; i++) builder.Firm($"firm-{i}", @in: "foil", at: "530181");
        var graph = builder.Build();
        for (var i = 0; i < 1_200; i++) graph = graph.Apply(GraphData.Empty with { Presences = [Site($"firm-{i}", "cell", "530100")] });

        Assert.That(ProjectionAnswers.Of(graph), Is.EqualTo(ProjectionAnswers.Of(ChainGraph.Build(graph.Data))));
        Assert.That(graph.PresencesOf(new FirmId("firm-1199")).Select(p => p.Segment.Value), Is.EqualTo(new[] { "foil", "cell" }));
    }

    static Presence Site(string firm, string segment, string region) =>
        new(new FirmId(firm), new SegmentId(segment), new RegionCode(region), null, 2024, null, $"{segment} site in {region}", Provenance.None);

    [Test]
    public void ARowWhoseKeyIsHeldReplacesItWhereItStandsAndANewOneIsAppended()
    {
        var graph = Graph();
        var stored = graph.Data.Presences[0];
        var after = graph.Apply(GraphData.Empty with
        {
            Presences = [stored with { Capacity = new Quantity(9, "t/yr") }, stored with { Site = "second line" }],
        });
        Assert.That(after.Data.Presences.Select(p => (p.Site, p.Capacity?.Amount)),
            Is.EqualTo(new (string?, double?)[] { (null, 9), (null, null), ("second line", stored.Capacity?.Amount) }));
    }

    [Test]
    public void AWriteNamingAnUnknownSegmentIsRefusedAsABuildWouldRefuseIt()
    {
        var graph = Graph();
        var stray = new Presence(new FirmId("foil-co"), new SegmentId("no-such-segment"), new RegionCode("530100"), null, null, null, null, Provenance.None);
        Assert.That(() => graph.Apply(GraphData.Empty with { Presences = [stray] }),
            Throws.TypeOf<GraphIntegrityException>().With.Message.EqualTo("presence of foil-co refers to unknown 'no-such-segment'"));
    }

    [Test]
    public void AFirmWhoseParentIsUnknownIsRefused()
    {
        var graph = Graph();
        var firm = graph.FindFirm(new FirmId("foil-co"))!;
        Assert.That(() => graph.Apply(GraphData.Empty with { Firms = [firm with { Group = new GroupLink(new FirmId("ghost"), null, Provenance.None) }] }),
            Throws.TypeOf<GraphIntegrityException>().With.Message.EqualTo("parent of firm foil-co refers to unknown 'ghost'"));
    }

    [Test]
    public void AProjectWhoseRecordedStepIsRewrittenIsRefused()
    {
        var graph = Graph();
        var project = graph.Data.Projects[0];
        var rewritten = project with { History = [new StageChange(ProjectStage.Contacted, new DateOnly(2024, 1, 1))] };
        Assert.That(() => graph.Apply(GraphData.Empty with { Projects = [rewritten] }),
            Throws.InvalidOperationException.With.Message.Contains("step 1 is already recorded as lead on 2024-01-01"));
    }

    [Test]
    public void AProjectSentWithAShorterHistoryKeepsTheStepsRecorded()
    {
        var graph = Graph();
        var project = graph.Data.Projects[0];
        var moved = graph.Apply(GraphData.Empty with { Projects = [ProjectLifecycle.Advance(project, new StageChange(ProjectStage.Contacted, new DateOnly(2024, 2, 1)))] });
        var renamed = moved.Apply(GraphData.Empty with { Projects = [project with { OwnerTeam = "另一个团队" }] });
        Assert.That((renamed.Data.Projects[0].Stage, renamed.Data.Projects[0].OwnerTeam), Is.EqualTo((ProjectStage.Contacted, "另一个团队")));
    }

    [Test]
    public void ChainsSegmentsAndRegionsAreNotAppliedButImportedWhole()
    {
        var graph = Graph();
        Assert.That(() => graph.Apply(GraphData.Empty with { Segments = [graph.Segments[0] with { Name = "renamed" }] }),
            Throws.TypeOf<NotSupportedException>().With.Message.StartsWith("segments are imported whole"));
    }
}
