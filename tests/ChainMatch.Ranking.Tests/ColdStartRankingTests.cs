using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Tests;

/// <summary>A listed firm known only by its industry, against one with a plant, under the shipped model.</summary>
public class ColdStartRankingTests
{
    static readonly DateOnly AsOf = new(2024, 12, 31);
    static readonly Gap FoilInKunming = new(new SegmentId("foil"), new RegionCode("530100"));

    /// <summary>Two firms alike in everything the lists say (rank, revenue, industry); only one has a foil plant, and the other even ranks one place better.</summary>
    static ChainGraph Graph() => new ChainGraphBuilder()
        .Chain("battery", "smelting", "foil", "cell")
        .Feeds("smelting", "foil").Feeds("foil", "cell")
        .Industry("金属产品", "foil", 0.4, "metal groups roll foil")
        .Firm("with-plant", @in: "foil", at: "350900")
        .Listed("with-plant", "fortune-global-500-2024", rank: 301, revenue: 40_000, industry: "金属产品")
        .Listed("no-plant", "fortune-global-500-2024", rank: 300, revenue: 40_000, industry: "金属产品")
        .Build();

    static LeadList Leads() => new LeadRanker(TreeEnsemble.Load(SeedFolder.ShippedModel())).Rank(Graph(), FoilInKunming, AsOf, top: 10);

    [Test]
    public void AListedFirmWithoutPlantsIsALeadForASegmentItsIndustryMapsTo() =>
        Assert.That(Leads().Leads.Select(l => l.FirmId), Does.Contain("no-plant"));

    [Test]
    public void ItsReasonsSayWhatIsKnownAndWhatIsNot()
    {
        var reasons = Leads().Leads.Single(l => l.FirmId == "no-plant").Reasons;
        Assert.That(reasons.Select(r => r.Text.En), Has.Some.StartsWith("on fortune-global-500-2024 (rank 300), industry 金属产品"));
        Assert.That(reasons.Select(r => r.Text.En), Has.Some.EqualTo("no known plant in foil or a segment next to it"));
    }

    [Test]
    public void ItRanksBelowAFirmWithAPlantInTheSegmentWhenNothingElseDiffers()
    {
        var leads = Leads().Leads;
        Assert.That(leads.Single(l => l.FirmId == "with-plant").Score, Is.GreaterThan(leads.Single(l => l.FirmId == "no-plant").Score));
    }
}
