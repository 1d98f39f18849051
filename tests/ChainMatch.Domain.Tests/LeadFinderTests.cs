using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class LeadFinderTests
{
    static readonly DateOnly AsOf = new(2024, 12, 31);
    static readonly Gap FoilInKunming = new(new SegmentId("foil"), new RegionCode("530100"));

    /// <summary>smelting → foil → cell; Kunming has a smelter; foil and cell are made in Ningde.</summary>
    static ChainGraphBuilder Battery() => new ChainGraphBuilder()
        .Chain("battery", "smelting", "foil", "cell")
        .Feeds("smelting", "foil").Feeds("foil", "cell")
        .Firm("kunming-smelter", @in: "smelting", at: "530181")
        .Firm("foil-maker", @in: "foil", at: "350900", capacity: 80_000)
        .Firm("foil-maker", @in: "foil", at: "530300", capacity: 20_000)
        .Firm("cell-maker", @in: "cell", at: "350900")
        .Firm("unrelated", @in: "smelting", at: "350900");

    /// <summary>Three foil makers with capacity figures, enough for a national share to mean something.</summary>
    static ChainGraphBuilder BatteryWithFoilCapacities() => Battery()
        .Firm("second-foil", @in: "foil", at: "350900", capacity: 60_000)
        .Firm("third-foil", @in: "foil", at: "350900", capacity: 40_000);

    static Dictionary<string, LeadCandidate> Candidates(ChainGraphBuilder builder, Gap gap, Func<ChainGraph, Presence>? hide = null)
    {
        var graph = builder.Build();
        return new LeadFinder(graph, AsOf).Candidates(gap, hide is null ? null : [hide(graph)]).ToDictionary(c => c.Firm.Id.Value);
    }

    /// <summary>The evidence per feature in its English rendering.</summary>
    static IReadOnlyDictionary<LeadFeature, string> Evidence(ChainGraphBuilder builder, Gap gap, string firm)
    {
        var set = new LeadFinder(builder.Build(), AsOf).Candidates(gap);
        return set.Evidence(set.Single(c => c.Firm.Id.Value == firm)).ToDictionary(e => e.Key, e => e.Value.Text.En);
    }

    static float F(LeadCandidate c, LeadFeature f) => c.Features[(int)f];

    [Test]
    public void MakersOfTheSegmentAndOfItsNeighboursAreCandidates() =>
        Assert.That(Candidates(Battery(), FoilInKunming).Keys, Is.EquivalentTo(new[] { "foil-maker", "cell-maker", "kunming-smelter", "unrelated" }));

    [Test]
    public void AFirmAlreadyMakingTheSegmentInTheRegionIsNotALead()
    {
        var builder = Battery().Firm("local-foil", @in: "foil", at: "530181-park");
        Assert.That(Candidates(builder, FoilInKunming).Keys, Does.Not.Contain("local-foil"));
    }

    [Test]
    public void AFirmWithNoTieToTheSegmentOrItsNeighboursIsNotACandidate()
    {
        var builder = Battery().Chain("other", "wafers").Firm("wafer-maker", @in: "wafers", at: "350900");
        Assert.That(Candidates(builder, FoilInKunming).Keys, Does.Not.Contain("wafer-maker"));
    }

    [Test]
    public void ACapacityShareNeedsFiguresFromSeveralFirms()
    {
        Assert.That(F(Candidates(Battery(), FoilInKunming)["foil-maker"], LeadFeature.SegmentCapacityShare), Is.NaN);
        Assert.That(F(Candidates(BatteryWithFoilCapacities(), FoilInKunming)["foil-maker"], LeadFeature.SegmentCapacityShare), Is.EqualTo(0.5f));
    }

    [Test]
    public void SitesElsewhereDescribeAMakerOfTheSegment()
    {
        var maker = Candidates(Battery(), FoilInKunming)["foil-maker"];
        Assert.That(F(maker, LeadFeature.SegmentSitesElsewhere), Is.EqualTo(2));
        Assert.That(F(maker, LeadFeature.SitesInProvince), Is.EqualTo(1), "the Qujing plant is in Yunnan");
        Assert.That(Evidence(Battery(), FoilInKunming, "foil-maker")[LeadFeature.SegmentSitesElsewhere], Is.EqualTo("makes foil in 福建省, 云南省"));
    }

    [Test]
    public void ABuyerOfTheSegmentIsMarkedDownstream()
    {
        var cellMaker = Candidates(Battery(), FoilInKunming)["cell-maker"];
        Assert.That((F(cellMaker, LeadFeature.DownstreamSegments), F(cellMaker, LeadFeature.UpstreamSegments)), Is.EqualTo((1f, 0f)));
        Assert.That(Evidence(Battery(), FoilInKunming, "cell-maker")[LeadFeature.DownstreamSegments], Does.StartWith("operates downstream in cell"));
    }

    [Test]
    public void SupplyingAFirmAlreadyInTheRegionCounts()
    {
        var builder = Battery().Supplies("foil-maker", "kunming-smelter");
        var maker = Candidates(builder, FoilInKunming)["foil-maker"];
        Assert.That(F(maker, LeadFeature.SuppliesLocalFirms), Is.EqualTo(1));
        Assert.That(Evidence(builder, FoilInKunming, "foil-maker")[LeadFeature.SuppliesLocalFirms], Is.EqualTo("supplies kunming-smelter, already in 昆明市"));
    }

    [Test]
    public void ListMembershipAndRankAreFeatures()
    {
        var builder = Battery().Listed("cell-maker", "fortune-global-500-2024", rank: 312);
        var cellMaker = Candidates(builder, FoilInKunming)["cell-maker"];
        Assert.That((F(cellMaker, LeadFeature.FortuneGlobal500), F(cellMaker, LeadFeature.BestListRank)), Is.EqualTo((1f, 312f)));
        Assert.That(Evidence(builder, FoilInKunming, "cell-maker")[LeadFeature.FortuneGlobal500], Is.EqualTo("on fortune-global-500-2024 (rank 312)"));
    }

    [Test]
    public void APlantThatOpensAfterTheDateAskedDoesNotCount()
    {
        var builder = Battery().Chain("other", "wafers").Firm("late", @in: "foil", at: "350900", since: 2026);
        Assert.That(Candidates(builder, FoilInKunming).Keys, Does.Not.Contain("late"));
    }

    [Test]
    public void AHiddenPresenceIsReadAsIfItDidNotExist()
    {
        var builder = Battery().Firm("local-foil", @in: "foil", at: "530181");
        var visible = Candidates(builder, FoilInKunming);
        var hidden = Candidates(builder, FoilInKunming, g => g.Data.Presences.Single(p => p.Firm.Value == "local-foil"));
        Assert.That(visible.Keys, Does.Not.Contain("local-foil"));
        Assert.That(hidden.Keys, Does.Not.Contain("local-foil"), "with its only presence hidden the firm has no tie left");
    }

    [Test]
    public void EveryCandidateHasOneValuePerFeature() =>
        Assert.That(Candidates(Battery(), FoilInKunming).Values.Select(c => c.Features.Length), Is.All.EqualTo(LeadFeatures.Count));

    // Kunming (25.04, 102.71) to Fuzhou (26.07, 119.30), haversine on a 6371.0088 km sphere: 1667.07 km.
    const float KunmingToFuzhouKm = 1667.07f;

    [Test]
    public void DistanceRunsFromTheSeatOfTheHeadquartersToTheSeatOfTheGap()
    {
        // foil-maker's headquarters, 宁德市, has no seat of its own and inherits 福建省's (Fuzhou).
        var builder = Battery().Headquarters("foil-maker", "350900");
        var foilMaker = Candidates(builder, FoilInKunming)["foil-maker"];
        Assert.That(F(foilMaker, LeadFeature.HeadquartersDistanceKm), Is.EqualTo(KunmingToFuzhouKm).Within(0.5f));
        Assert.That(Evidence(builder, FoilInKunming, "foil-maker")[LeadFeature.HeadquartersDistanceKm], Is.EqualTo("headquartered 1667 km away in 宁德市"));
    }

    [Test]
    public void AGapInACountyIsPlacedAtItsPrefecturesSeat()
    {
        var builder = Battery().Headquarters("foil-maker", "350900");
        var foilMaker = Candidates(builder, new Gap(new SegmentId("foil"), new RegionCode("530181")))["foil-maker"];
        Assert.That(F(foilMaker, LeadFeature.HeadquartersDistanceKm), Is.EqualTo(KunmingToFuzhouKm).Within(0.5f));
    }

    [Test]
    public void AHeadquartersWithoutCoordinatesLeavesTheDistanceMissing()
    {
        var builder = Battery().Headquarters("foil-maker", "350900").Seat("350000", null, null);
        var foilMaker = Candidates(builder, FoilInKunming)["foil-maker"];
        Assert.That(F(foilMaker, LeadFeature.HeadquartersDistanceKm), Is.NaN);
        Assert.That(Evidence(builder, FoilInKunming, "foil-maker"), Does.Not.ContainKey(LeadFeature.HeadquartersDistanceKm));
    }

    [Test]
    public void AFirmHeadquarteredInTheGapsRegionIsNoDistanceAway()
    {
        // The builder headquarters every firm in 昆明市.
        Assert.That(F(Candidates(Battery(), FoilInKunming)["cell-maker"], LeadFeature.HeadquartersDistanceKm), Is.Zero);
        Assert.That(Evidence(Battery(), FoilInKunming, "cell-maker")[LeadFeature.HeadquartersDistanceKm], Is.EqualTo("headquartered in 昆明市 itself"));
    }

    static ChainGraphBuilder CourtedInAnning() => Battery()
        .Project("cell-maker", "cell", "530181", (ProjectStage.Lead, "2021-01-10"), (ProjectStage.Contacted, "2021-03-01"),
            (ProjectStage.Signed, "2024-06-01"), (ProjectStage.Lost, "2024-09-01"));

    [Test]
    public void APastProjectInTheGapsPrefectureCountsForHowFarItGotEvenIfLost()
    {
        var cellMaker = Candidates(CourtedInAnning(), FoilInKunming)["cell-maker"];
        Assert.That(F(cellMaker, LeadFeature.PastProjectStage), Is.EqualTo(4f), "signed is stage 4; losing it later does not undo the signing");
        Assert.That(Evidence(CourtedInAnning(), FoilInKunming, "cell-maker")[LeadFeature.PastProjectStage],
            Is.EqualTo("an earlier project in 安宁市 (cell) reached signed on 2024-06-01"));
    }

    [Test]
    public void OnlyStepsUpToTheDateAskedCount()
    {
        var graph = CourtedInAnning().Build();
        float Stage(string date) => F(new LeadFinder(graph, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))
            .Candidates(FoilInKunming).Single(c => c.Firm.Id.Value == "cell-maker"), LeadFeature.PastProjectStage);
        Assert.That(new[] { Stage("2020-12-31"), Stage("2021-02-01"), Stage("2024-05-31"), Stage("2024-06-01") }, Is.EqualTo(new[] { 0f, 1f, 2f, 4f }));
    }

    [Test]
    public void AProjectInAnotherPrefectureDoesNotCount()
    {
        var builder = Battery().Project("cell-maker", "cell", "530381", (ProjectStage.Lead, "2021-01-10"), (ProjectStage.Signed, "2021-06-01"));
        Assert.That(F(Candidates(builder, FoilInKunming)["cell-maker"], LeadFeature.PastProjectStage), Is.Zero);
    }

    [Test]
    public void AHiddenProjectIsReadAsIfItDidNotExist()
    {
        var graph = CourtedInAnning().Build();
        var cellMaker = new LeadFinder(graph, AsOf).Candidates(FoilInKunming, hiddenProjects: [graph.Data.Projects.Single()])
            .Single(c => c.Firm.Id.Value == "cell-maker");
        Assert.That(F(cellMaker, LeadFeature.PastProjectStage), Is.Zero);
    }
}
