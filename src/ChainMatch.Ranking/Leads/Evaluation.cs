namespace ChainMatch.Ranking.Leads;

/// <summary>Mean ranking metrics of one ranker over a set of queries.</summary>
public sealed record RankingScores(string Ranker, int Queries, double Ndcg5, double Ndcg10, double Map, double Recall10, double Mrr);

public static class Evaluation
{
    public static RankingScores Run(Ranker ranker, IReadOnlyList<LeadQuery> queries) => RunByQuery(ranker, queries).Scores;

    /// <summary>The mean metrics, and NDCG@10 of each query in the order given (for paired comparisons of two rankers on the same queries).</summary>
    public static (RankingScores Scores, double[] Ndcg10ByQuery) RunByQuery(Ranker ranker, IReadOnlyList<LeadQuery> queries)
    {
        double ndcg5 = 0, ndcg10Sum = 0, map = 0, recall = 0, mrr = 0;
        var ndcg10 = new double[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            var relevance = ranker.Order(queries[q].Candidates).Select(i => queries[q].Labels[i]).ToList();
            ndcg5 += RankingMetrics.Ndcg(relevance, 5);
            ndcg10[q] = RankingMetrics.Ndcg(relevance, 10);
            ndcg10Sum += ndcg10[q];
            map += RankingMetrics.AveragePrecision(relevance);
            recall += RankingMetrics.Recall(relevance, 10);
            mrr += RankingMetrics.ReciprocalRank(relevance);
        }
        var n = Math.Max(queries.Count, 1);
        return (new RankingScores(ranker.Name, queries.Count, ndcg5 / n, ndcg10Sum / n, map / n, recall / n, mrr / n), ndcg10);
    }

    /// <summary>Mean of a − b over paired values, and the standard error of that mean (NaN below two pairs).</summary>
    public static (double Difference, double StandardError) PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("paired values must come in pairs", nameof(b));
        var d = a.Zip(b, (x, y) => x - y).ToList();
        if (d.Count == 0) return (0, double.NaN);
        var mean = d.Average();
        if (d.Count < 2) return (mean, double.NaN);
        var variance = d.Sum(x => (x - mean) * (x - mean)) / (d.Count - 1);
        return (mean, Math.Sqrt(variance / d.Count));
    }
}
