namespace ChainMatch.Ranking.Leads;

/// <summary>Mean ranking metrics of one ranker over a set of queries.</summary>
public sealed record RankingScores(string Ranker, int Queries, double Ndcg5, double Ndcg10, double Map, double Recall10, double Mrr);

public static class Evaluation
{
    public static RankingScores Run(Ranker ranker, IReadOnlyList<LeadQuery> queries)
    {
        double ndcg5 = 0, ndcg10 = 0, map = 0, recall = 0, mrr = 0;
        foreach (var q in queries)
        {
            var relevance = ranker.Order(q.Candidates).Select(i => q.Labels[i]).ToList();
            ndcg5 += RankingMetrics.Ndcg(relevance, 5);
            ndcg10 += RankingMetrics.Ndcg(relevance, 10);
            map += RankingMetrics.AveragePrecision(relevance);
            recall += RankingMetrics.Recall(relevance, 10);
            mrr += RankingMetrics.ReciprocalRank(relevance);
        }
        var n = Math.Max(queries.Count, 1);
        return new RankingScores(ranker.Name, queries.Count, ndcg5 / n, ndcg10 / n, map / n, recall / n, mrr / n);
    }

    /// <summary>NDCG@10 of each query in turn, in the order given (for paired comparisons of two rankers on the same queries).</summary>
    public static double[] Ndcg10ByQuery(Ranker ranker, IReadOnlyList<LeadQuery> queries) =>
        [.. queries.Select(q => RankingMetrics.Ndcg([.. ranker.Order(q.Candidates).Select(i => q.Labels[i])], 10))];

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
