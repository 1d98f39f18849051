using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Domain.Tests;

public class NegativeListTests
{
    static readonly FirmId Maker = new("maker"), Other = new("other");

    static ChainGraph Graph(params NegativeRule[] rules)
    {
        var data = new ChainGraphBuilder().Chain("c", "foil", "cell")
            .Firm("maker", @in: "foil", at: "350900").Firm("other", @in: "foil", at: "350900").Data();
        return ChainGraph.Build(data with { NegativeRules = [.. rules] });
    }

    static NegativeRule Rule(string id, string? firm = null, string? segment = null, string? region = null) =>
        new(id, firm is null ? null : new FirmId(firm), segment is null ? null : new SegmentId(segment), region is null ? null : new RegionCode(region), "test", Provenance.None);

    static IEnumerable<string> Catching(ChainGraph graph, FirmId firm, string segment, string region) =>
        new NegativeList(graph, new Gap(new SegmentId(segment), new RegionCode(region))).Catching(firm).Select(r => r.Id);

    [Test]
    public void AFirmRuleCatchesTheFirmForEveryGapAndNoOneElse()
    {
        var graph = Graph(Rule("no-maker", firm: "maker"));
        Assert.That(Catching(graph, Maker, "foil", "530100"), Is.EqualTo(new[] { "no-maker" }));
        Assert.That(Catching(graph, Maker, "cell", "530300"), Is.EqualTo(new[] { "no-maker" }));
        Assert.That(Catching(graph, Other, "foil", "530100"), Is.Empty);
    }

    [Test]
    public void ASegmentRuleInARegionCatchesEveryFirmForThatSegmentInsideTheRegionOnly()
    {
        var graph = Graph(Rule("no-foil-in-kunming", segment: "foil", region: "530100"));
        Assert.That(Catching(graph, Other, "foil", "530181"), Is.EqualTo(new[] { "no-foil-in-kunming" }), "a county of Kunming");
        Assert.That(Catching(graph, Other, "foil", "530300"), Is.Empty, "Qujing");
        Assert.That(Catching(graph, Other, "cell", "530100"), Is.Empty, "another segment");
    }

    [Test]
    public void ARuleNamingAnUnknownFirmIsRefusedWhenTheGraphIsBuilt() =>
        Assert.That(() => Graph(Rule("ghost", firm: "nobody")), Throws.TypeOf<GraphIntegrityException>().With.Message.Contains("nobody"));

    [Test]
    public void RulesNamingTheFirmAreShownWithIt() =>
        Assert.That(NegativeList.Naming(Graph(Rule("no-maker", firm: "maker"), Rule("no-foil", segment: "foil")), Maker).Select(r => r.Id), Is.EqualTo(new[] { "no-maker" }));
}
