using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// The green-aluminium and silicon-PV plants seeded in Yunnan: corrected rows stay corrected, and a plant's capacity or
/// start can be checked by a reader.
/// </summary>
public class AluminiumAndPvSeedsTests
{
    static readonly Lazy<ChainGraph> Graph = new(() => ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds())));

    static IEnumerable<Presence> YunnanPlantsOf(string chain)
    {
        var segments = Graph.Value.SegmentsOf(new ChainId(chain)).Select(s => s.Id).ToHashSet();
        return Graph.Value.Data.Presences.Where(p => segments.Contains(p.Segment) && Graph.Value.IsWithin(p.Region, new RegionCode("530000")));
    }

    [TestCase("green-aluminium")]
    [TestCase("silicon-pv")]
    public void EveryYunnanPlantGivenACapacityOrAStartCitesAnAddressOrSaysItIsAnEstimate(string chain)
    {
        var uncheckable = YunnanPlantsOf(chain)
            .Where(p => (p.Capacity is not null || p.Since is not null) && !SeedCheck.HasAddress(p.Source) && !p.Source.Estimate)
            .Select(p => $"{p.Firm.Value} {p.Segment.Value} {p.Region.Value}");
        Assert.That(uncheckable, Is.Empty);
    }

    [Test]
    public void QibinsZhaotongGlassPlantCarriesItsPhaseOneCapacityAndProducesFrom2024()
    {
        var plant = Graph.Value.PresencesWithin(new SegmentId("pv-glass"), new RegionCode("530602")).Single(p => p.Firm.Value == "qibin-group");
        Assert.That((plant.Since, plant.Capacity?.Amount, plant.Capacity?.Unit), Is.EqualTo(((int?)2024, (double?)1500000, "t/yr")));
        Assert.That(plant.Source.Reference, Does.Contain("2024-06-16"), "the first glass came off the line on 2024-06-16");
    }

    [Test]
    public void WenshanAluminiumsSmelterIsSourcedToItsMay2020StartNotToASurveyTitle()
    {
        var smelter = Graph.Value.PresencesWithin(new SegmentId("electrolytic-aluminium"), new RegionCode("532600"))
            .Single(p => p.Firm.Value == "yunnan-aluminium" && p.Site!.Contains("文山铝业"));
        Assert.That(SeedCheck.HasAddress(smelter.Source), Is.True);
        Assert.That((smelter.Since, smelter.Source.Estimate), Is.EqualTo(((int?)2020, false)));
    }

    [Test]
    public void HongtaisYanshanSmelterSaysItsQuotaIsTheFullSizeAndOnlyItsFirstPhaseStartedIn2020()
    {
        var smelter = Graph.Value.PresencesWithin(new SegmentId("electrolytic-aluminium"), new RegionCode("532622")).Single(p => p.Firm.Value == "china-hongqiao");
        Assert.That((smelter.Since, smelter.Capacity?.Amount, smelter.Source.Estimate), Is.EqualTo(((int?)2020, (double?)2030000, true)),
            "2.03 Mt is the relocated quota; only 1 Mt started on 2020-09-17");
        Assert.That(smelter.Source.Reference, Does.Contain("2020-09-17").And.Contain("https://"));
    }

    [TestCase("530723", "longi", "silicon-ingot-wafer")]
    [TestCase("530581", "longi", "silicon-ingot-wafer")]
    [TestCase("530524", "tongwei", "polysilicon")]
    [TestCase("530113", "yunnan-yuze", "silicon-ingot-wafer")]
    [TestCase("532932", "yunnan-qiya", "electrolytic-aluminium")]
    [TestCase("532622", "yunnan-chuangge", "aluminium-alloy-ingot-billet")]
    [TestCase("530623", "hoshine", "industrial-silicon")]
    [TestCase("530302", "xinyi-solar", "polysilicon")]
    public void PlantsTheReportsNameSitInTheirCounty(string county, string firm, string segment) =>
        Assert.That(Graph.Value.PresencesWithin(new SegmentId(segment), new RegionCode(county)).Where(p => p.Firm.Value == firm), Is.Not.Empty);
}
