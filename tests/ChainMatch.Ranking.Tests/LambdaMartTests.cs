using ChainMatch.Ranking.Trees;
using ChainMatch.Ranking.XGBoost;

namespace ChainMatch.Ranking.Tests;

/// <summary>Trains with Debian's libxgboost0 through the binding, then holds the managed scorer to XGBoost's predictions.</summary>
public class LambdaMartTests
{
    static readonly RankingSet Train = SyntheticRanking.Generate(queries: 120, documentsPerQuery: 20, seed: 1);
    static readonly RankingSet Test = SyntheticRanking.Generate(queries: 40, documentsPerQuery: 20, seed: 2);
    string _dir = null!;
    string ModelPath => Path.Combine(_dir, "model.json");

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _dir = Path.Combine(Path.GetTempPath(), "chainmatch-ranking-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        LambdaMart.Train(Train, new LambdaMartParameters(Rounds: 60, MaxDepth: 4), ModelPath);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void TheLibraryIsXGBoost17() => Assert.That(Booster.Version(), Is.EqualTo((1, 7, 4)).Or.Property("Item1").GreaterThanOrEqualTo(1));

    [Test]
    public void ManagedScoresMatchXGBoostsOwnPredictions()
    {
        using var booster = Booster.Load(ModelPath);
        using var matrix = Test.ToDMatrix();
        var native = booster.Predict(matrix);
        var managed = TreeEnsemble.Load(ModelPath);
        var worst = Enumerable.Range(0, Test.Rows)
            .Max(row => Math.Abs(managed.Score(Test.Features.AsSpan(row * Test.Columns, Test.Columns)) - native[row]));
        TestContext.Out.WriteLine($"parity: {Test.Rows} rows, worst |managed - native| = {worst:E2}");
        Assert.That(native, Has.Length.EqualTo(Test.Rows));
        Assert.That(worst, Is.LessThan(1e-5));
    }

    [Test]
    public void TheLearnerRecoversThePlantedSignalWellAboveTheNoisyProxy()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var learned = SyntheticRanking.MeanNdcg(Test, x => model.Score(x.Span), 10);
        var proxy = SyntheticRanking.MeanNdcg(Test, x => x.Span[2], 10);
        TestContext.Out.WriteLine($"held-out NDCG@10: model {learned:F3}, noisy proxy {proxy:F3}");
        Assert.That(learned, Is.GreaterThan(proxy + 0.05), $"model {learned:F3} vs proxy {proxy:F3}");
        Assert.That(learned, Is.GreaterThan(0.9));
    }

    [Test]
    public void TheSavedModelIsLambdaMartWithTheTreesAsked()
    {
        var model = TreeEnsemble.Load(ModelPath);
        Assert.That((model.Objective, model.TreeCount, model.FeatureCount), Is.EqualTo(("rank:ndcg", 60, SyntheticRanking.Columns)));
    }

    [Test]
    public void ContributionsAddUpToTheScoreAndCreditThePlantedFeatures()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var totals = new double[SyntheticRanking.Columns];
        for (var row = 0; row < Test.Rows; row++)
        {
            var x = Test.Features.AsSpan(row * Test.Columns, Test.Columns);
            var contributions = model.Contributions(x);
            Assert.That(contributions.Sum(), Is.EqualTo(model.Score(x)).Within(1e-4));
            for (var c = 0; c < totals.Length; c++) totals[c] += Math.Abs(contributions[c]);
        }
        // Feature 0 carries twice the planted weight of feature 1; the noise features carry none.
        var byWeight = Enumerable.Range(0, totals.Length).OrderByDescending(c => totals[c]).ToList();
        Assert.That(byWeight[0], Is.EqualTo(0));
        Assert.That(byWeight.Take(3), Does.Contain(1));
    }

    [Test]
    public void TrainingIsReproducible()
    {
        var again = Path.Combine(_dir, "again.json");
        LambdaMart.Train(Train, new LambdaMartParameters(Rounds: 60, MaxDepth: 4), again);
        Assert.That(File.ReadAllText(again), Is.EqualTo(File.ReadAllText(ModelPath)));
    }

    [Test]
    public void ScoringManyRowsAtOnceGivesExactlyTheRowByRowScores()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var one = Enumerable.Range(0, Test.Rows).Select(r => model.Score(Test.Features.AsSpan(r * Test.Columns, Test.Columns))).ToArray();
        var many = new float[Test.Rows];
        model.ScoreMany(Test.Features, many);
        Assert.That(many, Is.EqualTo(one));
    }

    [Test]
    public void ScoringFromManyThreadsGivesTheSameScores()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var sequential = Enumerable.Range(0, Test.Rows).Select(r => model.Score(Test.Features.AsSpan(r * Test.Columns, Test.Columns))).ToArray();
        var parallel = new float[Test.Rows];
        Parallel.For(0, Test.Rows, new ParallelOptions { MaxDegreeOfParallelism = 4 }, r => parallel[r] = model.Score(Test.Features.AsSpan(r * Test.Columns, Test.Columns)));
        Assert.That(parallel, Is.EqualTo(sequential));
    }

    [Test]
    public void XGBoostsOwnErrorTextReachesTheCaller()
    {
        using var matrix = Train.ToDMatrix();
        using var booster = Booster.Create(matrix);
        booster.SetParameter("objective", "rank:nonsense");
        var e = Assert.Throws<XGBoostException>(() => booster.UpdateOneIteration(0, matrix));
        Assert.That(e!.Message, Does.StartWith("XGBoost XGBoosterUpdateOneIter failed:").And.Contain("rank:nonsense"));
    }

    [Test]
    public void GroupsThatDoNotCoverTheRowsAreRefused()
    {
        using var matrix = DMatrix.FromDense(Train.Features, Train.Rows, Train.Columns);
        Assert.That(() => matrix.SetGroups([5, 5]), Throws.ArgumentException.With.Message.Contains("groups cover 10 rows"));
    }
}
