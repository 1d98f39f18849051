using System.Globalization;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

public sealed record CrossValidated(LambdaMartParameters Parameters, double Ndcg5, double Ndcg10, double Map);

/// <summary>
/// K-fold cross-validation by gap on the training queries alone (the held-out gaps are never seen), for choosing
/// settings honestly: every gap's queries fall in one fold, so no gap is trained on and scored at once.
/// </summary>
public static class CrossValidation
{
    public static CrossValidated Run(IReadOnlyList<LeadQuery> training, LambdaMartParameters parameters, int folds, int seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "at least 2 folds");
        var fold = training.Select(q => (int)(LinkPrediction.Bucket(q.Gap, seed + 1) * folds) % folds).ToArray();
        var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"chainmatch-cv-{Guid.NewGuid():N}.zip"));
        double ndcg5 = 0, ndcg10 = 0, map = 0;
        var scored = 0;
        try
        {
            for (var k = 0; k < folds; k++)
            {
                var train = training.Where((_, i) => fold[i] != k).ToList();
                var test = training.Where((_, i) => fold[i] == k).ToList();
                if (train.Count == 0 || test.Count == 0) continue;
                LambdaMart.Train(LinkPrediction.ToRankingSet(train), parameters, file);
                var scores = Evaluation.Run(Ranker.Model(TreeEnsemble.Load(file)), test);
                // Weighted by queries, so the mean is over every training query once.
                ndcg5 += scores.Ndcg5 * test.Count;
                ndcg10 += scores.Ndcg10 * test.Count;
                map += scores.Map * test.Count;
                scored += test.Count;
            }
        }
        finally
        {
            File.Delete(file);
        }
        var n = Math.Max(scored, 1);
        return new CrossValidated(parameters, ndcg5 / n, ndcg10 / n, map / n);
    }
}
