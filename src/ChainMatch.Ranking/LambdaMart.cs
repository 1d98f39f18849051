using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;

namespace ChainMatch.Ranking;

/// <summary>ML.NET's two ranking trainers: LightGBM's LambdaRank and FastTree's LambdaMART.</summary>
public enum RankingTrainer
{
    LightGbm,
    FastTree,
}

/// <summary>Gradient-boosted ranking settings shared by both trainers; single-threaded and seeded so a model retrains the same.</summary>
public sealed record LambdaMartParameters(
    RankingTrainer Trainer = RankingTrainer.LightGbm, int Trees = 100, int Leaves = 20, int MinExamplesPerLeaf = 10, double LearningRate = 0.1, int Seed = 42)
{
    /// <summary>The settings as the model card shows them.</summary>
    public string Describe() => Trainer switch
    {
        RankingTrainer.LightGbm => string.Create(CultureInfo.InvariantCulture,
            $"LightGBM LambdaRank (`ml.Ranking.Trainers.LightGbm`): `NumberOfIterations={Trees}`, `NumberOfLeaves={Leaves}`, `MinimumExampleCountPerLeaf={MinExamplesPerLeaf}`, `LearningRate={LearningRate}`, `Seed={Seed}`, `NumberOfThreads=1`, `Deterministic=true`"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"FastTree LambdaMART (`ml.Ranking.Trainers.FastTree`): `NumberOfTrees={Trees}`, `NumberOfLeaves={Leaves}`, `MinimumExampleCountPerLeaf={MinExamplesPerLeaf}`, `LearningRate={LearningRate}`, `Seed={Seed}`, `NumberOfThreads=1`"),
    };
}

/// <summary>A ranking data set: rows sorted by query, with the size of each query's group.</summary>
public sealed record RankingSet(float[] Features, int Columns, float[] Labels, uint[] Groups)
{
    public int Rows => Labels.Length;

    /// <summary>The rows as ML.NET data: Label, GroupId (a key, one per query) and a Features vector of <see cref="Columns"/>.</summary>
    public IDataView ToDataView(MLContext ml)
    {
        if (Groups.Sum(g => (long)g) != Rows)
            throw new ArgumentException($"groups cover {Groups.Sum(g => (long)g)} rows, the set has {Rows}");
        var rows = new List<LambdaMart.Row>(Rows);
        var start = 0;
        for (var q = 0; q < Groups.Length; q++)
            for (var i = 0; i < Groups[q]; i++, start++)
                rows.Add(new LambdaMart.Row { Label = Labels[start], GroupId = (uint)q + 1, Features = Features.AsSpan(start * Columns, Columns).ToArray() });
        return ml.Data.LoadFromEnumerable(rows, LambdaMart.Schema(Columns, Groups.Length));
    }
}

public static class LambdaMart
{
    public sealed class Row
    {
        public float Label { get; set; }
        public uint GroupId { get; set; }
        public float[] Features { get; set; } = [];
    }

    /// <summary>Gain of each grade (none 0 … in production 5): 2^grade − 1, the gain the offline NDCG uses.</summary>
    static readonly double[] Gains = [0, 1, 3, 7, 15, 31];

    internal static SchemaDefinition Schema(int columns, int groups)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        schema[nameof(Row.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(groups, 1));
        return schema;
    }

    /// <summary>Trains on <paramref name="train"/> and saves ML.NET's own model file (a zip) at <paramref name="modelPath"/>.</summary>
    public static void Train(RankingSet train, LambdaMartParameters parameters, string modelPath)
    {
        var ml = new MLContext(parameters.Seed);
        var data = train.ToDataView(ml);
        ITransformer model;
        try
        {
            model = Fit(ml, data, parameters);
        }
        catch (ArgumentNullException e) when (parameters.Trainer == RankingTrainer.LightGbm)
        {
            // ML.NET 6 cannot hold a LightGBM tree that never split (its thresholds stay null); it happens on tiny data.
            throw new InvalidOperationException($"LightGBM grew a tree without a split, which ML.NET cannot hold: too few rows ({train.Rows}) to train on", e);
        }
        ml.Model.Save(model, data.Schema, modelPath);
    }

    static ITransformer Fit(MLContext ml, IDataView data, LambdaMartParameters parameters) =>
        parameters.Trainer switch
        {
            RankingTrainer.LightGbm => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                NumberOfIterations = parameters.Trees,
                NumberOfLeaves = parameters.Leaves,
                MinimumExampleCountPerLeaf = parameters.MinExamplesPerLeaf,
                LearningRate = parameters.LearningRate,
                Seed = parameters.Seed,
                NumberOfThreads = 1,
                Deterministic = true,
                Silent = true,
                CustomGains = [.. Gains.Select(g => (int)g)],
            }).Fit(data),
            // FastTree skips every row with a missing value, so its pipeline first puts the training mean in their place.
            _ => ml.Transforms.ReplaceMissingValues(nameof(Row.Features), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean)
                .Append(ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                NumberOfTrees = parameters.Trees,
                NumberOfLeaves = parameters.Leaves,
                MinimumExampleCountPerLeaf = parameters.MinExamplesPerLeaf,
                LearningRate = parameters.LearningRate,
                Seed = parameters.Seed,
                NumberOfThreads = 1,
                CustomGains = Gains,
            })).Fit(data),
        };

    /// <summary>ML.NET's own scores of <paramref name="set"/>'s rows by the saved model (its Transform), for parity and speed checks.</summary>
    public static float[] Predict(string modelPath, RankingSet set)
    {
        using var scorer = new MlNetScorer(modelPath, set.Columns);
        return scorer.ScoreAll(set);
    }

    /// <summary>ML.NET's own per-feature contributions (FeatureContributionCalculation, not normalised) of each row.</summary>
    public static float[][] Contributions(string modelPath, RankingSet set)
    {
        var ml = new MLContext(0);
        var model = ml.Model.Load(modelPath, out _);
        var predictor = (ISingleFeaturePredictionTransformer<ICalculateFeatureContribution>)Load(ml, modelPath).Predictor;
        var calculator = ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: set.Columns, numberOfNegativeContributions: set.Columns, normalize: false);
        // The contributions of the features the trees see: after the pipeline's own missing-value replacement.
        var scored = model.Transform(set.ToDataView(ml));
        var contributed = calculator.Fit(scored).Transform(scored);
        return contributed.GetColumn<float[]>("FeatureContributions").ToArray();
    }

    /// <summary>
    /// The ranking transformer of a saved model (a lone transformer, or the last of a chain) and what the transformers
    /// before it put in place of a missing value of each feature (NaN where they leave it missing).
    /// </summary>
    internal static (ISingleFeaturePredictionTransformer<object> Predictor, float[]? MissingAs) Load(MLContext ml, string modelPath)
    {
        var loaded = ml.Model.Load(modelPath, out _);
        var before = new List<ITransformer>();
        if (loaded is TransformerChain<ITransformer> chain)
        {
            before.AddRange(chain.Take(chain.Count() - 1));
            loaded = chain.LastTransformer;
        }
        var predictor = loaded as ISingleFeaturePredictionTransformer<object>
            ?? throw new InvalidDataException($"holds {loaded.GetType().Name}, not a ranking model");
        if (before.Count == 0) return (predictor, null);
        if (predictor.FeatureColumnType is not VectorDataViewType { Size: > 0 } vector)
            throw new InvalidDataException("the model's feature column is not a vector of known size");
        // Pass a row with every feature missing through the steps before the trees: what comes out is the replacement.
        var width = vector.Size;
        var nothing = new RankingSet(Enumerable.Repeat(float.NaN, width).ToArray(), width, [0f], [1u]).ToDataView(ml);
        foreach (var step in before) nothing = step.Transform(nothing);
        return (predictor, nothing.GetColumn<float[]>(nameof(Row.Features)).Single());
    }
}
