using System.Runtime.InteropServices;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

public static class CandidateScores
{
    /// <summary>
    /// The model's score of every candidate, in order: their features packed as rows and scored in blocks. Candidates
    /// with the same features bit for bit get the same score, so each distinct row is scored once; many firms share a
    /// profile (about half of a gap's candidates on the benchmark's synthetic universe), and scoring is most of a
    /// gap's time.
    /// </summary>
    public static float[] Of(TreeEnsemble model, IReadOnlyList<LeadCandidate> candidates)
    {
        var width = LeadFeatures.Count;
        var distinct = new Dictionary<float[], int>(candidates.Count, SameBits.Instance);
        var slotOf = new int[candidates.Count];
        var rows = new float[candidates.Count * width];
        for (var i = 0; i < candidates.Count; i++)
        {
            var features = candidates[i].Features;
            if (!distinct.TryGetValue(features, out var slot))
            {
                slot = distinct.Count;
                distinct.Add(features, slot);
                features.CopyTo(rows, slot * width);
            }
            slotOf[i] = slot;
        }
        var distinctScores = new float[distinct.Count];
        model.ScoreMany(rows.AsSpan(0, distinct.Count * width), distinctScores);
        var scores = new float[candidates.Count];
        for (var i = 0; i < scores.Length; i++) scores[i] = distinctScores[slotOf[i]];
        return scores;
    }

    /// <summary>Rows equal bit for bit (so a missing value, NaN, equals itself).</summary>
    sealed class SameBits : IEqualityComparer<float[]>
    {
        public static readonly SameBits Instance = new();

        public bool Equals(float[]? x, float[]? y) =>
            x is not null && y is not null && MemoryMarshal.AsBytes(x.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(y.AsSpan()));

        public int GetHashCode(float[] row)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(row.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
