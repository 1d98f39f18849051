using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

public static class CandidateScores
{
    /// <summary>The model's score of every candidate, in order: their features packed as rows and scored in blocks.</summary>
    public static float[] Of(TreeEnsemble model, IReadOnlyList<LeadCandidate> candidates)
    {
        var rows = new float[candidates.Count * LeadFeatures.Count];
        for (var i = 0; i < candidates.Count; i++) candidates[i].Features.CopyTo(rows, i * LeadFeatures.Count);
        var scores = new float[candidates.Count];
        model.ScoreMany(rows, scores);
        return scores;
    }
}
