using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class StatusRulesTests
{
    static readonly DateOnly Today = new(2025, 6, 30);

    static SegmentAssessment Assess(ChainGraphBuilder builder, string segment, string region = "530100", DateOnly? asOf = null) =>
        RegionAnalysis.Run(builder.Build(), new RegionCode(region), asOf ?? Today)[new SegmentId(segment)];

    [Test]
    public void SegmentWithASourcedLocalFirmIsPresent()
    {
        var a = Assess(new ChainGraphBuilder().Chain("c", "alumina").Firm("f", @in: "alumina", at: "530181"), "alumina");
        Assert.That(a.Status, Is.EqualTo(SegmentStatus.Present));
        Assert.That(a.GapKind, Is.Null);
    }

    [Test]
    public void SegmentWithNoLocalFirmIsMissing()
    {
        var a = Assess(new ChainGraphBuilder().Chain("c", "alumina").Firm("f", @in: "alumina", at: "530381"), "alumina");
        Assert.That(a.Status, Is.EqualTo(SegmentStatus.Missing));
        Assert.That(a.GapKind, Is.EqualTo(GapKind.Missing));
    }

    [Test]
    public void SegmentKnownOnlyFromUnsourcedRecordsIsUnverifiedNeitherPresentNorMissing()
    {
        var a = Assess(new ChainGraphBuilder().Chain("c", "alumina").Firm("f", @in: "alumina", at: "530181", sourced: false), "alumina");
        Assert.That(a.Status, Is.EqualTo(SegmentStatus.Unverified));
        Assert.That(a.IsGap, Is.False);
        Assert.That(a.Reasons.Select(r => r.Text.En), Has.Some.Contains("unsourced"));
    }

    [Test]
    public void PrefectureMapCountsFirmsInItsParks()
    {
        var a = Assess(new ChainGraphBuilder().Chain("c", "alumina").Firm("f", @in: "alumina", at: "530181-park"), "alumina", region: "530100");
        Assert.That(a.Status, Is.EqualTo(SegmentStatus.Present));
        Assert.That(a.LocalPresences.Select(p => p.Firm.Value), Is.EqualTo(new[] { "f" }));
    }

    [Test]
    public void CountyMapDoesNotCountAFirmElsewhereInItsPrefecture()
    {
        var builder = new ChainGraphBuilder().Chain("c", "alumina").Firm("f", @in: "alumina", at: "530100");
        Assert.That(Assess(builder, "alumina", region: "530181").Status, Is.EqualTo(SegmentStatus.Missing));
    }

    [TestCase(2017, SegmentStatus.Missing)]
    [TestCase(2018, SegmentStatus.Present)]
    [TestCase(2021, SegmentStatus.Present)]
    [TestCase(2022, SegmentStatus.Missing)]
    public void PresenceCountsFromItsStartYearUntilTheYearItEnded(int year, SegmentStatus expected)
    {
        var builder = new ChainGraphBuilder().Chain("c", "alumina").Firm("f", @in: "alumina", at: "530181", since: 2018, until: 2022);
        Assert.That(Assess(builder, "alumina", asOf: new DateOnly(year, 12, 31)).Status, Is.EqualTo(expected));
    }

    [Test]
    public void CapacityBelowTheMinimumEconomicScaleIsWeak()
    {
        var builder = new ChainGraphBuilder().Chain("c", "smelting")
            .Segment("smelting", weakBelow: new Quantity(400_000, "t/yr"))
            .Firm("f", @in: "smelting", at: "530181", capacity: 150_000);
        var a = Assess(builder, "smelting");
        Assert.That(a.Status, Is.EqualTo(SegmentStatus.Weak));
        Assert.That(a.GapKind, Is.EqualTo(GapKind.Weak));
        Assert.That(a.Reasons.Select(r => r.Text.En), Has.Some.Contains("minimum economic scale"));
    }

    [Test]
    public void AnUnknownCapacityIsNeverCalledWeakOnScale()
    {
        var builder = new ChainGraphBuilder().Chain("c", "smelting")
            .Segment("smelting", weakBelow: new Quantity(400_000, "t/yr"))
            .Firm("f", @in: "smelting", at: "530181", capacity: 150_000)
            .Firm("g", @in: "smelting", at: "530181");
        Assert.That(Assess(builder, "smelting").Status, Is.EqualTo(SegmentStatus.Present));
    }

    [Test]
    public void SupplyCoveringLessThanHalfOfWhatLocalBuyersNeedIsWeak()
    {
        // 1,000 kt of aluminium needs 1,930 kt of alumina; 600 kt covers 31 %.
        var builder = new ChainGraphBuilder().Chain("c", "alumina", "smelting").Feeds("alumina", "smelting", 1.93)
            .Firm("refinery", @in: "alumina", at: "530181", capacity: 600_000)
            .Firm("smelter", @in: "smelting", at: "530181", capacity: 1_000_000);
        var a = Assess(builder, "alumina");
        Assert.That(a.Status, Is.EqualTo(SegmentStatus.Weak));
        Assert.That(a.Coverage, Is.EqualTo(600_000 / 1_930_000.0).Within(1e-9));
        Assert.That(a.Reasons.Select(r => r.Text.En), Has.Some.Contains("covers 31%"));
    }

    [Test]
    public void SupplyCoveringMostOfLocalDemandIsPresent()
    {
        var builder = new ChainGraphBuilder().Chain("c", "alumina", "smelting").Feeds("alumina", "smelting", 1.93)
            .Firm("refinery", @in: "alumina", at: "530181", capacity: 1_500_000)
            .Firm("smelter", @in: "smelting", at: "530181", capacity: 1_000_000);
        Assert.That(Assess(builder, "alumina").Status, Is.EqualTo(SegmentStatus.Present));
    }

    [Test]
    public void MissingSegmentOfHighValueTierIsAHighValueGap()
    {
        var builder = new ChainGraphBuilder().Chain("c", "acid", "electronic-acid").Segment("electronic-acid", tier: 5)
            .Feeds("acid", "electronic-acid").Firm("f", @in: "acid", at: "530181");
        var a = Assess(builder, "electronic-acid");
        Assert.That(a.GapKind, Is.EqualTo(GapKind.HighValue));
        Assert.That(a.Reasons.Select(r => r.Text.En), Has.Some.Contains("high value added"));
    }
}
