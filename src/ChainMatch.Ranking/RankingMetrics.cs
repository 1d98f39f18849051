namespace ChainMatch.Ranking;

/// <summary>
/// Metrics of one ranked list, given the graded relevance of each document in ranked order.
/// NDCG uses the exponential gain (2^rel − 1) and log2 discount, the gain the ranking trainers are given.
/// </summary>
public static class RankingMetrics
{
    public static double Ndcg(IReadOnlyList<int> relevanceInRankOrder, int k)
    {
        var ideal = Dcg(relevanceInRankOrder.OrderByDescending(r => r).ToList(), k);
        return ideal == 0 ? 0 : Dcg(relevanceInRankOrder, k) / ideal;
    }

    /// <summary>Average precision over the whole list, counting any relevance above 0 as relevant.</summary>
    public static double AveragePrecision(IReadOnlyList<int> relevanceInRankOrder)
    {
        double hits = 0, sum = 0;
        for (var i = 0; i < relevanceInRankOrder.Count; i++)
        {
            if (relevanceInRankOrder[i] <= 0) continue;
            hits++;
            sum += hits / (i + 1);
        }
        return hits == 0 ? 0 : sum / hits;
    }

    /// <summary>Share of all relevant documents that appear in the first <paramref name="k"/>.</summary>
    public static double Recall(IReadOnlyList<int> relevanceInRankOrder, int k)
    {
        var relevant = relevanceInRankOrder.Count(r => r > 0);
        return relevant == 0 ? 0 : (double)relevanceInRankOrder.Take(k).Count(r => r > 0) / relevant;
    }

    /// <summary>1 / rank of the first relevant document; 0 when none is relevant.</summary>
    public static double ReciprocalRank(IReadOnlyList<int> relevanceInRankOrder)
    {
        for (var i = 0; i < relevanceInRankOrder.Count; i++)
            if (relevanceInRankOrder[i] > 0) return 1.0 / (i + 1);
        return 0;
    }

    static double Dcg(IReadOnlyList<int> relevance, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, relevance.Count); i++)
            dcg += (Math.Pow(2, relevance[i]) - 1) / Math.Log2(i + 2);
        return dcg;
    }
}
