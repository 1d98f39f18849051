using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;

namespace ChainMatch.Domain.Tests;

/// <summary>Groups, two-hop local firms and listed firms by industry: who else becomes a candidate, and how it is described.</summary>
public class CandidateUniverseTests
{
    static readonly DateOnly AsOf = new(2024, 12, 31);
    static readonly Gap FoilInKunming = new(new SegmentId("foil"), new RegionCode("530100"));

    /// <summary>ore → smelting → foil → cell; foil is made in Ningde, smelting in Qujing.</summary>
    static ChainGraphBuilder Chain() => new ChainGraphBuilder()
        .Chain("battery", "ore", "smelting", "foil", "cell")
        .Feeds("ore", "smelting").Feeds("smelting", "foil").Feeds("foil", "cell")
        .Firm("foil-maker", @in: "foil", at: "350900");

    static CandidateSet Set(ChainGraphBuilder builder) => new LeadFinder(builder.Build(), AsOf).Candidates(FoilInKunming);

    static LeadCandidate Candidate(ChainGraphBuilder builder, string firm) => Set(builder).Single(c => c.Firm.Id.Value == firm);

    static float F(LeadCandidate c, LeadFeature f) => c.Features[(int)f];

    [Test]
    public void ASubsidiaryInheritsItsGroupsListStandingAndRevenueAsGroupFeatures()
    {
        var builder = Chain().Parent("foil-maker", "group").Listed("group", "fortune-global-500-2024", rank: 214, revenue: 10_000);
        var subsidiary = Candidate(builder, "foil-maker");
        Assert.That((F(subsidiary, LeadFeature.GroupOnList), F(subsidiary, LeadFeature.GroupBestListRank)), Is.EqualTo((1f, 214f)));
        Assert.That(F(subsidiary, LeadFeature.GroupRevenueYi), Is.EqualTo(10_000 * 0.01 * 7.0467).Within(0.01));
        Assert.That(F(subsidiary, LeadFeature.FortuneGlobal500), Is.Zero, "the subsidiary itself is not on the list");
    }

    [Test]
    public void AGroupsSitesIncludeItsSubsidiariesPlants()
    {
        var builder = Chain().Parent("foil-maker", "group").Industry("金属产品", "foil", 0.4).Listed("group", "fortune-global-500-2024", rank: 214, industry: "金属产品");
        var group = Candidate(builder, "group");
        Assert.That((F(group, LeadFeature.SegmentSitesElsewhere), F(group, LeadFeature.TotalSites)), Is.EqualTo((1f, 1f)));
        Assert.That(F(group, LeadFeature.AffinityOnly), Is.Zero, "its subsidiary's plant is known");
    }

    [Test]
    public void AGroupWhoseSubsidiaryAlreadyMakesTheSegmentHereIsNotALead()
    {
        var builder = Chain().Industry("金属产品", "foil", 0.4).Firm("local-foil", @in: "foil", at: "530181").Parent("local-foil", "group")
            .Listed("group", "fortune-global-500-2024", rank: 214, industry: "金属产品");
        Assert.That(Set(builder).Select(c => c.Firm.Id.Value), Does.Not.Contain("group"));
    }

    [Test]
    public void ASisterCompanyOfAFirmNextToTheSegmentIsACandidate()
    {
        var builder = Chain().Firm("smelter", @in: "smelting", at: "530381").Parent("smelter", "group")
            .Firm("sister", @in: "cell", at: "350900").Parent("sister", "group");
        // The sister makes cells: a neighbour anyway. A sister with no tie at all comes in through the group.
        builder.Chain("other", "wafers").Firm("far-sister", @in: "wafers", at: "350900").Parent("far-sister", "group");
        var set = Set(builder);
        Assert.That(set.Select(c => c.Firm.Id.Value), Does.Contain("far-sister").And.Not.Contain("group"));
        var sister = set.Single(c => c.Firm.Id.Value == "far-sister");
        Assert.That(F(sister, LeadFeature.AffinityOnly), Is.EqualTo(1));
        Assert.That(set.Evidence(sister)[LeadFeature.AffinityOnly].Text.En, Does.EndWith("; group's smelter makes smelting"));
    }

    [Test]
    public void ALocalFirmTwoLinksUpstreamIsACandidateAndAFarAwayOneIsNot()
    {
        var builder = Chain().Firm("local-miner", @in: "ore", at: "530381").Firm("far-miner", @in: "ore", at: "350900");
        var set = Set(builder);
        Assert.That(set.Select(c => c.Firm.Id.Value), Does.Contain("local-miner").And.Not.Contain("far-miner"));
        var miner = set.Single(c => c.Firm.Id.Value == "local-miner");
        Assert.That(F(miner, LeadFeature.LocalTwoHopSegments), Is.EqualTo(1));
        Assert.That(set.Evidence(miner)[LeadFeature.LocalTwoHopSegments].Text.En, Does.Contain("two links from foil"));
    }

    [Test]
    public void AListedFirmWithoutPlantsIsACandidateForTheSegmentsItsIndustryMapsTo()
    {
        var builder = Chain().Industry("金属产品", "foil", 0.4, "metal groups roll foil")
            .Listed("listed-metals", "fortune-global-500-2024", rank: 214, revenue: 50_000, industry: "金属产品");
        var set = Set(builder);
        var listed = set.Single(c => c.Firm.Id.Value == "listed-metals");
        Assert.That((F(listed, LeadFeature.IndustryAffinity), F(listed, LeadFeature.AffinityOnly)), Is.EqualTo((0.4f, 1f)));
        Assert.That(F(set.Single(c => c.Firm.Id.Value == "foil-maker"), LeadFeature.AffinityOnly), Is.Zero, "a maker is a candidate by evidence");
        var evidence = set.Evidence(listed);
        Assert.That(evidence[LeadFeature.IndustryAffinity].Text.En, Is.EqualTo("on fortune-global-500-2024 (rank 214), industry 金属产品: metal groups roll foil"));
        Assert.That(evidence[LeadFeature.IndustryAffinity].Text.Zh, Is.EqualTo("位列fortune-global-500-2024第214名，行业“金属产品”：metal groups roll foil"));
        Assert.That(evidence[LeadFeature.AffinityOnly].Text.En, Is.EqualTo("no known plant in foil or a segment next to it"));
    }

    [Test]
    public void AListedFirmWhoseIndustryMapsElsewhereIsNotACandidate()
    {
        var builder = Chain().Industry("化学品", "cell", 0.4).Listed("listed-chemicals", "fortune-global-500-2024", rank: 54, industry: "化学品");
        Assert.That(Set(builder).Select(c => c.Firm.Id.Value), Does.Not.Contain("listed-chemicals"));
    }
}
