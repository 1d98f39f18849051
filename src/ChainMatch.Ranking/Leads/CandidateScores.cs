using System.Runtime.InteropServices;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

/// <summary>What scoring for the best few did: the scores, and how much of the gap it had to score in full.</summary>
/// <param name="Scores">Per candidate, its score if it can be among the best, else NaN.</param>
/// <param name="Rows">Distinct feature rows among the candidates considered.</param>
/// <param name="RowsScored">Rows scored through every tree; the rest were left out by the bound.</param>
/// <param name="CandidatesScored">Candidates whose row was scored through every tree.</param>
/// <param name="TreeShare">Trees evaluated, of what scoring every row through every tree takes.</param>
public sealed record BestScores(float[] Scores, int Rows, int RowsScored, int CandidatesScored, double TreeShare);

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
        var distinct = Distinct(candidates, _ => true);
        var distinctScores = new float[distinct.Rows];
        model.ScoreMany(distinct.Matrix.AsSpan(0, distinct.Rows * LeadFeatures.Count), distinctScores);
        return [.. distinct.SlotOf.Select(slot => distinctScores[slot])];
    }

    /// <summary>
    /// The scores of the candidates that can rank within the first <paramref name="top"/> among those
    /// <paramref name="considered"/> accepts: exactly what <see cref="Of"/> gives them, and NaN for every candidate
    /// that cannot (or is not considered). See <see cref="TreeEnsemble.ScoreBest"/> for the bound.
    /// </summary>
    public static BestScores Best(TreeEnsemble model, IReadOnlyList<LeadCandidate> candidates, Func<int, bool> considered, int top)
    {
        var distinct = Distinct(candidates, considered);
        var weights = new int[distinct.Rows];
        foreach (var slot in distinct.SlotOf)
            if (slot >= 0) weights[slot]++;
        var distinctScores = new float[distinct.Rows];
        var (rowsScored, trees) = model.ScoreBest(distinct.Matrix.AsSpan(0, distinct.Rows * LeadFeatures.Count), weights, top, distinctScores);
        var scores = distinct.SlotOf.Select(slot => slot < 0 ? float.NaN : distinctScores[slot]).ToArray();
        return new BestScores(scores, distinct.Rows, rowsScored, scores.Count(s => !float.IsNaN(s)),
            distinct.Rows == 0 ? 0 : (double)trees / ((long)distinct.Rows * model.TreeCount));
    }

    /// <summary>The distinct rows of the candidates considered, packed; each candidate's row (-1 when not considered).</summary>
    static (float[] Matrix, int Rows, int[] SlotOf) Distinct(IReadOnlyList<LeadCandidate> candidates, Func<int, bool> considered)
    {
        var width = LeadFeatures.Count;
        var distinct = new Dictionary<float[], int>(candidates.Count, SameBits.Instance);
        var slotOf = new int[candidates.Count];
        var rows = new float[candidates.Count * width];
        for (var i = 0; i < candidates.Count; i++)
        {
            slotOf[i] = -1;
            if (!considered(i)) continue;
            var features = candidates[i].Features;
            if (!distinct.TryGetValue(features, out var slot))
            {
                slot = distinct.Count;
                distinct.Add(features, slot);
                features.CopyTo(rows, slot * width);
            }
            slotOf[i] = slot;
        }
        return (rows, distinct.Count, slotOf);
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
