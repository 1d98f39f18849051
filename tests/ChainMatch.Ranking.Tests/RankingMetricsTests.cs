namespace ChainMatch.Ranking.Tests;

public class RankingMetricsTests
{
    [Test]
    public void APerfectOrderHasNdcgOne() => Assert.That(RankingMetrics.Ndcg([3, 2, 0, 0], 10), Is.EqualTo(1.0));

    [Test]
    public void NdcgUsesExponentialGainAndLogDiscount()
    {
        // DCG of [0, 1] = (2^1 − 1) / log2(3); ideal [1, 0] = 1 / log2(2) = 1.
        Assert.That(RankingMetrics.Ndcg([0, 1], 10), Is.EqualTo(1 / Math.Log2(3)).Within(1e-12));
    }

    [Test]
    public void NdcgOnlyLooksAtTheFirstK() => Assert.That(RankingMetrics.Ndcg([0, 0, 1], 2), Is.Zero);

    [Test]
    public void AListWithNothingRelevantScoresZeroEverywhere()
    {
        int[] none = [0, 0, 0];
        Assert.That(new[] { RankingMetrics.Ndcg(none, 5), RankingMetrics.AveragePrecision(none), RankingMetrics.Recall(none, 5), RankingMetrics.ReciprocalRank(none) },
            Is.All.Zero);
    }

    [Test]
    public void AveragePrecisionAveragesPrecisionAtEachHit() =>
        // Hits at ranks 1 and 3: (1/1 + 2/3) / 2.
        Assert.That(RankingMetrics.AveragePrecision([1, 0, 2, 0]), Is.EqualTo((1 + 2.0 / 3) / 2).Within(1e-12));

    [Test]
    public void RecallCountsRelevantDocumentsInTheFirstK() => Assert.That(RankingMetrics.Recall([0, 1, 0, 1], 2), Is.EqualTo(0.5));

    [Test]
    public void ReciprocalRankIsOneOverTheFirstHit() => Assert.That(RankingMetrics.ReciprocalRank([0, 0, 4, 1]), Is.EqualTo(1.0 / 3));
}
