using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Synthetic;

namespace ChainMatch.Domain.Tests;

public class SyntheticUniverseTests
{
    static GraphData Real() => new ChainGraphBuilder().Chain("c", "a", "b", "c").Feeds("a", "b").Feeds("b", "c").Firm("real", @in: "a", at: "530181").Data();

    [Test]
    public void TheSameSeedGivesTheSameUniverseAndAnotherSeedAnother()
    {
        static string Json(int seed) => System.Text.Json.JsonSerializer.Serialize(SyntheticUniverse.AddFirms(Real(), 200, seed));
        var first = Json(7);
        Assert.That(Json(7), Is.EqualTo(first));
        Assert.That(Json(8), Is.Not.EqualTo(first));
    }

    [Test]
    public void EverySyntheticRecordSaysItIsSyntheticAndTheRealOnesAreKept()
    {
        var data = SyntheticUniverse.AddFirms(Real(), 200, seed: 7);
        var synthetic = data.Firms.Where(f => f.Id.Value.StartsWith(SyntheticUniverse.IdPrefix, StringComparison.Ordinal)).ToList();
        Assert.That(synthetic, Has.Count.EqualTo(200));
        Assert.That(synthetic.Where(f => !f.Name.StartsWith("合成企业", StringComparison.Ordinal)).Select(f => $"{f.Id.Value}: {f.Name}"), Is.Empty, "synthetic firms not named as such");
        Assert.That(synthetic.Where(f => f.Source.Publisher != "ChainMatch synthetic generator").Select(f => $"{f.Id.Value}: {f.Source.Publisher}"), Is.Empty, "synthetic firms credited to another publisher");
        Assert.That(data.Firms.Select(f => f.Id.Value), Does.Contain("real"));
    }

    [Test]
    public void TheUniverseProjectsIntoAValidGraph() =>
        Assert.That(ChainGraph.Build(SyntheticUniverse.AddFirms(Real(), 500, seed: 1)).Data.Presences, Has.Length.GreaterThan(500));
}
