using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Tests;

/// <summary>Trains each ML.NET ranking trainer on planted data, then holds the managed scorer to ML.NET's own scores.</summary>
[TestFixture(RankingTrainer.LightGbm)]
[TestFixture(RankingTrainer.FastTree)]
public class LambdaMartTests(RankingTrainer trainer)
{
    static readonly RankingSet Train = SyntheticRanking.Generate(queries: 120, documentsPerQuery: 20, seed: 1);
    static readonly RankingSet Test = SyntheticRanking.Generate(queries: 60, documentsPerQuery: 20, seed: 2);
    string _dir = null!;
    string ModelPath => Path.Combine(_dir, "model.zip");
    LambdaMartParameters Parameters => new(trainer, Trees: 60, Leaves: 16, MinExamplesPerLeaf: 5);

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _dir = Path.Combine(Path.GetTempPath(), "chainmatch-ranking-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        LambdaMart.Train(Train, Parameters, ModelPath);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    float[] Managed(TreeEnsemble model, RankingSet set) =>
        Enumerable.Range(0, set.Rows).Select(row => model.Score(set.Features.AsSpan(row * set.Columns, set.Columns))).ToArray();

    [Test]
    public void ManagedScoresMatchMlNetsOwnScoresOnRowsWithMissingValues()
    {
        var native = LambdaMart.Predict(ModelPath, Test);
        var managed = Managed(TreeEnsemble.Load(ModelPath), Test);
        var worst = native.Zip(managed, (a, b) => Math.Abs(a - b)).Max();
        TestContext.Out.WriteLine($"parity: {Test.Rows} rows, worst |managed - ML.NET| = {worst:E2}");
        Assert.That(Test.Features.Count(float.IsNaN), Is.GreaterThan(100), "the rows carry missing values");
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
    public void TheSavedModelIsTheTrainersWithTheTreesAsked()
    {
        var model = TreeEnsemble.Load(ModelPath);
        Assert.That((model.Trainer, model.TreeCount, model.FeatureCount), Is.EqualTo((trainer, 60, SyntheticRanking.Columns)));
    }

    [Test]
    public void TrainingAgainGivesTheSameTreesAndScores()
    {
        var again = Path.Combine(_dir, "again.zip");
        LambdaMart.Train(Train, Parameters, again);
        var first = TreeEnsemble.Load(ModelPath);
        var second = TreeEnsemble.Load(again);
        Assert.That(second.HasSameTreesAs(first), Is.True);
        Assert.That(LambdaMart.Predict(again, Test), Is.EqualTo(LambdaMart.Predict(ModelPath, Test)));
    }

    [Test]
    public void ContributionsAreMlNetsOwnAndCreditThePlantedFeatures()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var native = LambdaMart.Contributions(ModelPath, Test);
        var totals = new double[SyntheticRanking.Columns];
        for (var row = 0; row < Test.Rows; row++)
        {
            var managed = model.Contributions(Test.Features.AsSpan(row * Test.Columns, Test.Columns));
            Assert.That(managed, Is.EqualTo(native[row]).Within(1e-4), $"row {row}");
            for (var c = 0; c < totals.Length; c++) totals[c] += Math.Abs(managed[c]);
        }
        // Feature 0 carries twice the planted weight of feature 1; the noise features carry none.
        var byWeight = Enumerable.Range(0, totals.Length).OrderByDescending(c => totals[c]).ToList();
        Assert.That(byWeight[0], Is.EqualTo(0));
        Assert.That(byWeight.Take(3), Does.Contain(1));
    }

    [Test]
    public void ScoringManyRowsAtOnceGivesExactlyTheRowByRowScores()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var many = new float[Test.Rows];
        model.ScoreMany(Test.Features, many);
        Assert.That(many, Is.EqualTo(Managed(model, Test)));
    }

    [Test]
    public void ScoringFromManyThreadsGivesTheSameScores()
    {
        var model = TreeEnsemble.Load(ModelPath);
        var parallel = new float[Test.Rows];
        Parallel.For(0, Test.Rows, new ParallelOptions { MaxDegreeOfParallelism = 4 }, r => parallel[r] = model.Score(Test.Features.AsSpan(r * Test.Columns, Test.Columns)));
        Assert.That(parallel, Is.EqualTo(Managed(model, Test)));
    }

    [Test]
    public void GroupsThatDoNotCoverTheRowsAreRefused() =>
        Assert.That(() => LambdaMart.Train(Train with { Groups = [5, 5] }, Parameters, Path.Combine(_dir, "bad.zip")),
            Throws.ArgumentException.With.Message.Contains("groups cover 10 rows"));
}
