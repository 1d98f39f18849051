using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>The shipped graph-seeds folder holds what the product promises its users.</summary>
public class RepositorySeedsTests
{
    static readonly Lazy<ChainGraph> Graph = new(() => ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds())));

    [TestCase("green-aluminium")]
    [TestCase("new-energy-battery")]
    [TestCase("phosphate-chemical")]
    public void EachCoreChainRunsFromRawMaterialToEndUseInAtLeastFifteenSegments(string chain)
    {
        var segments = Graph.Value.SegmentsOf(new ChainId(chain)).ToList();
        Assert.That(segments, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(segments.Select(s => s.Stage), Does.Contain(Stage.Upstream).And.Contain(Stage.Application));
    }

    [Test]
    public void AtLeastFiveChainsAreSeeded() => Assert.That(Graph.Value.Chains, Has.Length.GreaterThanOrEqualTo(5));

    [TestCase("battery-aluminium-foil", "battery-cell")]
    [TestCase("iron-phosphate", "lfp-cathode")]
    [TestCase("lithium-hexafluorophosphate", "electrolyte")]
    [TestCase("industrial-silicon", "polysilicon")]
    [TestCase("industrial-silicon", "silicon-anode")]
    public void CrossChainLinksAreThere(string from, string to) =>
        Assert.That(Graph.Value.FeedsFrom(new SegmentId(from)).Select(f => f.To.Value), Does.Contain(to));

    [Test]
    public void YunnanHasAllSixteenPrefectures() =>
        Assert.That(Graph.Value.ChildrenOf(new RegionCode("530000")).Count(r => r.Level == RegionLevel.Prefecture), Is.EqualTo(16));

    [Test]
    public void YunnanHasRealLocalPresences()
    {
        var yunnan = new RegionCode("530000");
        var local = Graph.Value.Data.Presences.Where(p => Graph.Value.IsWithin(p.Region, yunnan)).ToList();
        Assert.That(local.Count(p => p.Source.IsVerified), Is.GreaterThanOrEqualTo(30));
        Assert.That(local.Count(p => p.Since is >= 2015), Is.GreaterThanOrEqualTo(10), "dated entries since 2015 for gap changes");
    }

    [Test]
    public void AtLeast150FirmsAreSeeded() => Assert.That(Graph.Value.Firms, Has.Length.GreaterThanOrEqualTo(150));

    [Test]
    public void EverySegmentHasAtLeastOneFirmSomewhere()
    {
        var held = Graph.Value.Data.Presences.Select(p => p.Segment).ToHashSet();
        var empty = Graph.Value.Segments.Where(s => !held.Contains(s.Id)).Select(s => s.Id.Value).ToList();
        Assert.That(empty, Is.Empty, "segments without a single firm give no candidates");
    }

    [Test]
    public void EveryFirmHasAnAliasAndNoAliasNamesTwoFirms()
    {
        var firms = Graph.Value.Firms;
        Assert.That(firms.Where(f => f.Aliases.IsDefaultOrEmpty).Select(f => f.Id.Value), Is.Empty);
        var matcher = new ChainMatch.Domain.Firms.FirmMatcher(firms);
        var ambiguous = firms.SelectMany(f => f.Aliases).Where(a => matcher.Match(a).Kind != ChainMatch.Domain.Firms.MatchKind.Matched).ToList();
        Assert.That(ambiguous, Is.Empty, "an alias that names two firms makes list and project imports ambiguous");
    }

    [Test]
    public void TheProjectLibraryHoldsRealDatedProjectsWithSources() =>
        Assert.That(Graph.Value.Data.Projects.Where(p => !p.Source.IsVerified).Select(p => p.Id), Is.Empty);
}
