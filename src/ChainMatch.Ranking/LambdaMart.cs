using System.Globalization;
using ChainMatch.Ranking.XGBoost;

namespace ChainMatch.Ranking;

/// <summary>LambdaMART settings for XGBoost 1.7's rank:ndcg.</summary>
public sealed record LambdaMartParameters(int Rounds = 100, int MaxDepth = 6, double Eta = 0.1, double MinChildWeight = 1, double Subsample = 1, int Seed = 42)
{
    public IEnumerable<(string Name, string Value)> ToXGBoost()
    {
        yield return ("objective", "rank:ndcg");
        yield return ("eval_metric", "ndcg@10");
        yield return ("max_depth", MaxDepth.ToString(CultureInfo.InvariantCulture));
        yield return ("eta", Eta.ToString(CultureInfo.InvariantCulture));
        yield return ("min_child_weight", MinChildWeight.ToString(CultureInfo.InvariantCulture));
        yield return ("subsample", Subsample.ToString(CultureInfo.InvariantCulture));
        yield return ("seed", Seed.ToString(CultureInfo.InvariantCulture));
        // Single-threaded training is reproducible bit for bit.
        yield return ("nthread", "1");
        yield return ("tree_method", "exact");
        // 1.7 silently ignores parameters it does not know unless asked to validate them.
        yield return ("validate_parameters", "1");
    }
}

/// <summary>A ranking data set: rows sorted by query, with the size of each query's group.</summary>
public sealed record RankingSet(float[] Features, int Columns, float[] Labels, uint[] Groups)
{
    public int Rows => Labels.Length;

    public DMatrix ToDMatrix()
    {
        var matrix = DMatrix.FromDense(Features, Rows, Columns);
        matrix.SetLabels(Labels);
        matrix.SetGroups(Groups);
        return matrix;
    }
}

public static class LambdaMart
{
    /// <summary>Trains on <paramref name="train"/> and saves the model as XGBoost JSON at <paramref name="modelPath"/>.</summary>
    public static void Train(RankingSet train, LambdaMartParameters parameters, string modelPath)
    {
        using var matrix = train.ToDMatrix();
        using var booster = Booster.Create(matrix);
        foreach (var (name, value) in parameters.ToXGBoost()) booster.SetParameter(name, value);
        for (var i = 0; i < parameters.Rounds; i++) booster.UpdateOneIteration(i, matrix);
        booster.Save(modelPath);
    }
}
