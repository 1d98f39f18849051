using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class PriorityRulesTests
{
    static readonly DateOnly Today = new(2025, 6, 30);

    static RegionAnalysis Analyse(ChainGraphBuilder builder, string region = "530100") =>
        RegionAnalysis.Run(builder.Build(), new RegionCode(region), Today);

    /// <summary>anode feeds a local smelter; recycling connects to nothing local.</summary>
    static ChainGraphBuilder SmelterWithTwoGaps() => new ChainGraphBuilder()
        .Chain("alu", "anode", "smelting", "recycling")
        .Feeds("anode", "smelting", 0.425)
        .Feeds("recycling", "casting")
        .Chain("other", "casting")
        .Firm("smelter", @in: "smelting", at: "530181", capacity: 1_000_000);

    [Test]
    public void MissingSegmentWithLocalBuyersRanksAboveIsolatedOne()
    {
        var a = Analyse(SmelterWithTwoGaps());
        Assert.That(a[new SegmentId("anode")].Priority, Is.GreaterThan(a[new SegmentId("recycling")].Priority!.Value));
    }

    [Test]
    public void IsolatedGapSaysNothingLocalConnectsToIt()
    {
        var recycling = Analyse(SmelterWithTwoGaps())[new SegmentId("recycling")];
        Assert.That(recycling.Reasons.Select(r => r.Text.En), Has.Some.Contains("nothing local feeds it"));
        Assert.That(GapRules.Band(recycling.Priority!.Value), Is.EqualTo(PriorityBand.Low));
    }

    [Test]
    public void GapWithLocalBuyersNamesThemAndWhatTheyWouldConsume()
    {
        var anode = Analyse(SmelterWithTwoGaps())[new SegmentId("anode")];
        Assert.That(anode.Reasons.Select(r => r.Text.En), Has.Some.EqualTo("feeds local downstream segments (1): smelting"));
        Assert.That(anode.Reasons.Select(r => r.Text.En), Has.Some.EqualTo("local smelting would consume about 425k t/yr"));
    }

    [Test]
    public void UnusedLocalResourceRaisesPriorityAndSaysSo()
    {
        var builder = new ChainGraphBuilder().Chain("p", "acid", "mining").Segment("acid", needs: ["phosphate-rock"]).Segment("mining")
            .Holds("530181", "phosphate-rock");
        var withRock = Analyse(builder)[new SegmentId("acid")];
        var withoutRock = Analyse(builder, region: "530300")[new SegmentId("acid")];
        Assert.That(withRock.Reasons.Select(r => r.Text.En), Has.Some.EqualTo("local phosphate-rock unused"));
        Assert.That(withRock.Priority, Is.GreaterThan(withoutRock.Priority!.Value));
    }

    [Test]
    public void ResourceHeldByTheProvinceServesItsPrefectures()
    {
        var builder = new ChainGraphBuilder().Chain("a", "smelting").Segment("smelting", needs: ["hydropower"]).Holds("530000", "hydropower");
        Assert.That(Analyse(builder, region: "530300")[new SegmentId("smelting")].Reasons.Select(r => r.Text.En), Has.Some.Contains("hydropower"));
    }

    [Test]
    public void LocalSuppliersCountTowardPriority()
    {
        var builder = new ChainGraphBuilder().Chain("a", "smelting", "foil", "wire").Feeds("smelting", "foil")
            .Firm("smelter", @in: "smelting", at: "530181");
        var a = Analyse(builder);
        Assert.That(a[new SegmentId("foil")].Priority, Is.GreaterThan(a[new SegmentId("wire")].Priority!.Value));
        Assert.That(a[new SegmentId("foil")].Reasons.Select(r => r.Text.En), Has.Some.EqualTo("fed by local upstream segments (1): smelting"));
    }
}
