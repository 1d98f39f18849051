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
}
