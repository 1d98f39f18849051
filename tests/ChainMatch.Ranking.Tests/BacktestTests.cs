using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;

namespace ChainMatch.Ranking.Tests;

public class BacktestTests
{
    string _model = null!;
    // The graph is tiny: one row per leaf lets the trees split at all (and LightGBM, through ML.NET, fails on a tree that cannot).
    static readonly LambdaMartParameters Parameters = new(RankingTrainer.FastTree, Trees: 5, MinExamplesPerLeaf: 1);

    [SetUp]
    public void SetUp() => _model = Path.Combine(Path.GetTempPath(), $"chainmatch-backtest-test-{Guid.NewGuid():N}.zip");

    [TearDown]
    public void TearDown() => File.Delete(_model);

    /// <summary>
    /// Before 2020: foil makers in Ningde and Qujing, a smelter in Anning. In 2020 newcomer arrives in Kunming
    /// (in two phases), and the Qujing maker adds a second Qujing plant (an expansion, not a landing).
    /// </summary>
    static ChainGraph Graph() => new ChainGraphBuilder()
        .Chain("battery", "smelting", "foil", "cell").Feeds("smelting", "foil").Feeds("foil", "cell")
        .Firm("smelter", @in: "smelting", at: "530181", since: 2010)
        .Firm("newcomer", @in: "foil", at: "350900", since: 2012)
        .Firm("newcomer", @in: "foil", at: "530181", since: 2020)
        .Firm("newcomer", @in: "foil", at: "530181-park", since: 2022)
        .Firm("qujing-foil", @in: "foil", at: "530381", since: 2015)
        .Firm("qujing-foil", @in: "foil", at: "530381", since: 2020, until: null, capacity: 5)
        .Firm("qujing-foil", @in: "foil", at: "350900", since: 2011)
        .Firm("cells", @in: "cell", at: "350900", since: 2016)
        .Build();

    [Test]
    public void ALandingBuiltInPhasesCountsOnceAndAnExpansionIsLeftOut()
    {
        var result = Backtest.Run(Graph(), 2020, new RegionCode("530000"), Parameters, _model);
        Assert.That(result.Ranked.Select(l => (l.Firm, l.Segment, l.Prefecture, l.Year)), Is.EqualTo(new[] { ("newcomer", "foil", "530100", 2020) }));
        Assert.That(result.Expansions, Is.EqualTo(1));
    }

    [Test]
    public void EachRankerSaysWhereItPutTheFirmThatCame()
    {
        var result = Backtest.Run(Graph(), 2020, new RegionCode("530000"), Parameters, _model);
        var landing = result.Ranked.Single();
        Assert.That(landing.Ranks.Keys, Is.EquivalentTo(new[] { "model", "list rank", "makes it elsewhere" }));
        Assert.That(landing.Ranks.Values, Is.All.InRange(1, landing.Candidates));
        // "makes it elsewhere" orders by foil sites outside Kunming: qujing-foil has two (Qujing, Ningde), newcomer one.
        Assert.That(landing.Ranks["makes it elsewhere"], Is.EqualTo(2));
        Assert.That(result.Scores.Single(s => s.Ranker == "makes it elsewhere").HitAt5, Is.EqualTo(1.0));
    }

    [Test]
    public void NothingFromTheYearOnIsSeenInTraining()
    {
        // With only the landing years left, there is nothing to learn from before 2011.
        Assert.That(() => Backtest.Run(Graph(), 2010, new RegionCode("530000"), Parameters, _model),
            Throws.InvalidOperationException.With.Message.EqualTo("no training queries before 2010"));
    }

    [Test]
    public void LightGbmOnTooFewRowsToSplitSaysSoInsteadOfFailingInsideMlNet() =>
        Assert.That(() => Backtest.Run(Graph(), 2020, new RegionCode("530000"), Parameters with { Trainer = RankingTrainer.LightGbm }, _model),
            Throws.InvalidOperationException.With.Message.Contains("too few rows"));

    static Landing Ranked(int? model, int? baseline) =>
        new("f", "foil", "530100", 2020, 50, new Dictionary<string, int?> { ["model"] = model, ["list rank"] = baseline });

    [Test]
    public void TheMrrDifferenceIsPairedByLandingAndAFirmNotPlacedCountsZero()
    {
        // Reciprocal-rank differences 1 − 1/2, 1/4 − 1, 1/2 − 0: mean 1/12; sample deviation of (1/2, −3/4, 1/2) over √3.
        var d = Backtest.Difference("model", "list rank", [Ranked(1, 2), Ranked(4, 1), Ranked(2, null)]);
        double[] diffs = [0.5, -0.75, 0.5];
        var mean = diffs.Average();
        var sd = Math.Sqrt(diffs.Sum(x => (x - mean) * (x - mean)) / 2);
        Assert.That(d.Difference, Is.EqualTo(1.0 / 12).Within(1e-12));
        Assert.That(d.StandardError, Is.EqualTo(sd / Math.Sqrt(3)).Within(1e-12));
        Assert.That((d.Baseline, d.Landings), Is.EqualTo(("list rank", 3)));
    }

    [Test]
    public void OneLandingHasNoStandardErrorAndTheRunReportsADifferencePerBaseline()
    {
        Assert.That(Backtest.Difference("model", "list rank", [Ranked(1, 2)]).StandardError, Is.NaN);
        var result = Backtest.Run(Graph(), 2020, new RegionCode("530000"), Parameters, _model);
        Assert.That(result.Differences.Select(d => d.Baseline), Is.EqualTo(new[] { "list rank", "makes it elsewhere" }));
        var landing = result.Ranked.Single();
        Assert.That(result.Differences[1].Difference,
            Is.EqualTo(1.0 / landing.Ranks["model"]!.Value - 1.0 / landing.Ranks["makes it elsewhere"]!.Value).Within(1e-12));
    }
}
