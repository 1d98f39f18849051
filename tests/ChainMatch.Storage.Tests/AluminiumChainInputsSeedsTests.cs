using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// The green-aluminium chain names the inputs Yunnan's smelters and refineries depend on (caustic soda, anode coke and
/// pitch, scrap) and the by-product they can add (gallium), and Yunnan's hydropower and bauxite are given as amounts.
/// </summary>
public class AluminiumChainInputsSeedsTests
{
    static readonly Lazy<ChainGraph> Graph = new(() => ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds())));

    [TestCase("caustic-soda", "alumina")]
    [TestCase("alumina", "gallium")]
    [TestCase("aluminium-scrap", "recycled-aluminium")]
    [TestCase("petroleum-coke", "prebaked-carbon-anode")]
    [TestCase("coal-tar-pitch", "prebaked-carbon-anode")]
    public void EachInputOfTheRefineryAnodeAndRecycledRouteFeedsItsConsumerInsideTheChainWithAnAddress(string from, string to)
    {
        var chain = Graph.Value.SegmentsOf(new ChainId("green-aluminium")).Select(s => s.Id.Value).ToList();
        Assert.That(chain, Does.Contain(from).And.Contain(to));
        var link = Graph.Value.FeedsFrom(new SegmentId(from)).Single(f => f.To.Value == to);
        Assert.That(SeedCheck.HasAddress(link.Source), Is.True, $"{from} → {to} names a page a reader can open");
    }

    [Test]
    public void CausticSodaFeedsAluminaAtAboutATenthOfATonnePerTonneMarkedAsAnEstimate()
    {
        var link = Graph.Value.FeedsInto(new SegmentId("alumina")).Single(f => f.From.Value == "caustic-soda");
        Assert.That((link.Coefficient?.Amount, link.Coefficient?.Unit, link.Source.Estimate), Is.EqualTo(((double?)0.13, "t/t", true)),
            "the make-up depends on the ore's reactive silica, so the typical figure is an estimate");
    }

    [Test]
    public void YunnansHydropowerGenerationIsTheNationalStatisticsFigureFor2023()
    {
        var hydro = Graph.Value.Data.RegionResources.Single(r => r.Region.Value == "530000" && r.Resource.Value == "green-hydropower");
        Assert.That((hydro.Amount, hydro.Year), Is.EqualTo(((double?)289.8, (int?)2023)));
        Assert.That(SeedCheck.HasAddress(hydro.Source), Is.True);
    }

    [Test]
    public void WenshansProvenBauxiteIsGivenAndIsNoMoreThanYunnansWhole()
    {
        var bauxite = Graph.Value.Data.RegionResources.Where(r => r.Resource.Value == "bauxite").ToDictionary(r => r.Region.Value);
        var (yunnan, wenshan) = (bauxite["530000"], bauxite["532600"]);
        Assert.That(new[] { yunnan, wenshan }.Select(r => SeedCheck.HasAddress(r.Source)), Is.All.True);
        Assert.That(yunnan.Amount, Is.Not.Null);
        Assert.That(wenshan.Amount, Is.Not.Null.And.LessThanOrEqualTo(yunnan.Amount!.Value), "a prefecture cannot hold more than its province");
    }

    [Test]
    public void YongxinsSmelterCarriesNoCapacityThatAReaderCannotCheck()
    {
        var yongxin = Graph.Value.Data.Presences.Single(p => p.Firm.Value == "yunnan-aluminium" && p.Site is { } site && site.Contains("涌鑫"));
        Assert.That(yongxin.Capacity is null || SeedCheck.HasAddress(yongxin.Source), Is.True,
            "the 370 kt once given came from a wheel-plant story; a capacity must cite the smelter's own source");
        Assert.That(yongxin.Source.Reference, Does.Not.Contain("轮毂"));
    }
}
