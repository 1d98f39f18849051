using ChainMatch.Domain.Graph;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>The managed scorer against ML.NET's own scoring, on the real feature rows of the seeds' training and test queries.</summary>
public class SeedsParityTests
{
    static RankingSet _rows = null!;
    string _dir = null!;

    [OneTimeSetUp]
    public void BuildRows()
    {
        var graph = ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds()));
        _rows = LinkPrediction.ToRankingSet([.. LinkPrediction.Build(graph, ShippedModel.AsOf).Queries, .. ProjectLabels.Build(graph, ShippedModel.AsOf).Queries]);
        _dir = Path.Combine(Path.GetTempPath(), "chainmatch-parity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_dir, recursive: true);

    static float[] Managed(TreeEnsemble model, RankingSet set) =>
        Enumerable.Range(0, set.Rows).Select(row => model.Score(set.Features.AsSpan(row * set.Columns, set.Columns))).ToArray();

    static double Worst(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    [Test]
    public void TheShippedModelScoresEveryRealRowAsMlNetDoes()
    {
        var native = LambdaMart.Predict(SeedFolder.ShippedModel(), _rows);
        var worst = Worst(native, Managed(TreeEnsemble.Load(SeedFolder.ShippedModel()), _rows));
        TestContext.Out.WriteLine($"shipped model parity: {_rows.Rows} rows, worst |managed - ML.NET| = {worst:E2}");
        Assert.That(_rows.Rows, Is.GreaterThanOrEqualTo(1000));
        Assert.That(_rows.Features.Count(float.IsNaN), Is.GreaterThan(0), "real rows carry missing values");
        Assert.That(worst, Is.LessThan(1e-5));
    }

    [TestCase(RankingTrainer.LightGbm)]
    [TestCase(RankingTrainer.FastTree)]
    public void EachTrainersModelOfTheRealRowsScoresThemAsMlNetDoes(RankingTrainer trainer)
    {
        var path = Path.Combine(_dir, $"{trainer}.zip");
        LambdaMart.Train(_rows, ShippedModel.Options.Candidates.Single(c => c.Trainer == trainer), path);
        var worst = Worst(LambdaMart.Predict(path, _rows), Managed(TreeEnsemble.Load(path), _rows));
        TestContext.Out.WriteLine($"{trainer} parity: {_rows.Rows} rows, worst = {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-5));
    }

    [Test]
    public void AValueExactlyAtASplitsThresholdGoesWhereMlNetSendsIt()
    {
        var model = TreeEnsemble.Load(SeedFolder.ShippedModel());
        var splits = model.Splits().Distinct().Take(1000).ToList();
        var features = new float[splits.Count * _rows.Columns];
        for (var i = 0; i < splits.Count; i++)
        {
            // A real row with one feature set exactly to a threshold the trees test it against.
            _rows.Features.AsSpan((i % _rows.Rows) * _rows.Columns, _rows.Columns).CopyTo(features.AsSpan(i * _rows.Columns));
            features[i * _rows.Columns + splits[i].Feature] = splits[i].Threshold;
        }
        var atThresholds = new RankingSet(features, _rows.Columns, new float[splits.Count], [(uint)splits.Count]);
        Assert.That(Worst(LambdaMart.Predict(SeedFolder.ShippedModel(), atThresholds), Managed(model, atThresholds)), Is.LessThan(1e-5));
    }

    [Test]
    public void TheFeatureThatRaisedAScoreMostIsTheOneMlNetsFeatureContributionNames()
    {
        var model = TreeEnsemble.Load(SeedFolder.ShippedModel());
        var native = LambdaMart.Contributions(SeedFolder.ShippedModel(), _rows);
        var disagreements = 0;
        for (var row = 0; row < _rows.Rows; row++)
        {
            var managed = model.Contributions(_rows.Features.AsSpan(row * _rows.Columns, _rows.Columns));
            if (Top(managed) != Top(native[row])) disagreements++;
        }
        Assert.That(disagreements, Is.Zero, $"{disagreements} of {_rows.Rows} rows name another top feature");
    }

    static int Top(float[] contributions) => Array.IndexOf(contributions, contributions.Max());
}
