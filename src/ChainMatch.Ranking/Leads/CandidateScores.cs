using System.Runtime.InteropServices;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Trees;

namespace ChainMatch.Ranking.Leads;

public static class CandidateScores
{
    /// <summary>The model's score of every candidate, in order (see <see cref="Of(TreeEnsemble, ReadOnlyMemory{float})"/>).</summary>
    public static float[] Of(TreeEnsemble model, IReadOnlyList<LeadCandidate> candidates)
    {
        if (candidates is CandidateSet set) return Of(model, set.Rows);
        var rows = new float[candidates.Count * LeadFeatures.Count];
        for (var i = 0; i < candidates.Count; i++) candidates[i].Features.CopyTo(rows, i * LeadFeatures.Count);
        return Of(model, rows);
    }

    /// <summary>
    /// The model's score of every row of a dense matrix (<see cref="LeadFeatures.Count"/> columns), in order, scored in
    /// blocks. Rows equal bit for bit get the same score, so each distinct row is scored once; many firms share a
    /// profile (about half of a gap's candidates on the benchmark's synthetic universe), and scoring is most of a
    /// gap's time.
    /// </summary>
    public static float[] Of(TreeEnsemble model, ReadOnlyMemory<float> rows)
    {
        var width = LeadFeatures.Count;
        var count = rows.Length / width;
        var distinct = new Dictionary<int, int>(count, new SameBits(rows, width));
        var slotOf = new int[count];
        var packed = new float[count * width];
        for (var i = 0; i < count; i++)
        {
            if (!distinct.TryGetValue(i, out var slot))
            {
                slot = distinct.Count;
                distinct.Add(i, slot);
                rows.Span.Slice(i * width, width).CopyTo(packed.AsSpan(slot * width, width));
            }
            slotOf[i] = slot;
        }
        var distinctScores = new float[distinct.Count];
        model.ScoreMany(packed.AsSpan(0, distinct.Count * width), distinctScores);
        var scores = new float[count];
        for (var i = 0; i < scores.Length; i++) scores[i] = distinctScores[slotOf[i]];
        return scores;
    }

    /// <summary>Rows of the matrix (by index) equal bit for bit (so a missing value, NaN, equals itself).</summary>
    sealed class SameBits(ReadOnlyMemory<float> matrix, int width) : IEqualityComparer<int>
    {
        ReadOnlySpan<byte> Bits(int row) => MemoryMarshal.AsBytes(matrix.Span.Slice(row * width, width));

        public bool Equals(int x, int y) => Bits(x).SequenceEqual(Bits(y));

        public int GetHashCode(int row)
        {
            var hash = new HashCode();
            hash.AddBytes(Bits(row));
            return hash.ToHashCode();
        }
    }
}
