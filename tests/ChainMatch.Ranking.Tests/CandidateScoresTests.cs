using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Tests;

public class CandidateScoresTests
{
    [Test]
    public void ScoringEachDistinctRowOnceGivesEveryCandidateTheScoreOfItsOwnRow()
    {
        var model = TreeEnsemble.Load(SeedFolder.ShippedModel());
        var random = new Random(7);
        // 40 profiles, some with missing values, shared by 1,000 candidates in shuffled order.
        var profiles = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, LeadFeatures.Count)
            .Select(_ => random.Next(5) == 0 ? float.NaN : random.Next(4) * 0.5f).ToArray()).ToList();
        var candidates = Enumerable.Range(0, 1000).Select(i => new LeadCandidate(
            new Firm(new FirmId($"firm-{i}"), $"企业{i}", null, null, null, new Provenance(null, null)),
            (float[])profiles[random.Next(profiles.Count)].Clone())).ToList();

        var scores = CandidateScores.Of(model, candidates);

        Assert.That(scores, Is.EqualTo(candidates.Select(c => model.Score(c.Features)).ToArray()));
        Assert.That(scores.Distinct().Count(), Is.GreaterThan(1), "the profiles score differently");
    }
}
