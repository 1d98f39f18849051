using ChainMatch.Ranking.Leads;

namespace ChainMatch.Ranking.Tests;

/// <summary>Which trainer a training run keeps, from each trainer's NDCG@10 on the same held-out queries.</summary>
public class TrainerChoiceTests
{
    static CandidateModel Trained(RankingTrainer trainer, double[] ndcg10) =>
        new(new LambdaMartParameters(trainer), new RankingScores("model", ndcg10.Length, 0, ndcg10.Average(), 0, 0, 0), TimeSpan.Zero);

    static int Keep(double[] first, double[] second) =>
        LeadModelTraining.Keep([Trained(RankingTrainer.FastTree, first), Trained(RankingTrainer.LightGbm, second)], [first, second]);

    [Test]
    public void TheFirstListedIsKeptWhenTheOtherLeadsByLessThanOneStandardErrorOfThePairedDifference()
    {
        // Differences 0.2, −0.1, 0.1, −0.1: mean 0.025, standard error 0.075.
        double[] first = [0.5, 0.6, 0.5, 0.7];
        double[] second = [0.7, 0.5, 0.6, 0.6];
        var (difference, error) = Evaluation.PairedDifference(second, first);
        Assert.That((difference, error), Is.EqualTo((0.025, 0.075)).Using<(double, double)>((a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-12 && Math.Abs(a.Item2 - b.Item2) < 1e-12));
        Assert.That(Keep(first, second), Is.EqualTo(0));
    }

    [Test]
    public void TheOtherIsKeptWhenItLeadsByMoreThanOneStandardError()
    {
        double[] first = [0.5, 0.6, 0.5, 0.7];
        double[] second = [0.7, 0.7, 0.6, 0.8];
        Assert.That(Keep(first, second), Is.EqualTo(1));
    }

    [Test]
    public void TheFirstListedIsKeptWhenItLeads() =>
        Assert.That(Keep([0.9, 0.8, 0.9], [0.1, 0.2, 0.1]), Is.EqualTo(0));

    [Test]
    public void UnpairedScoresAreRefused() =>
        Assert.That(() => Evaluation.PairedDifference([0.1, 0.2], [0.1]), Throws.ArgumentException);
}
