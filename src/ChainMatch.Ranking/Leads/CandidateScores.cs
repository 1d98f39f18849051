using System.Buffers;
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

/// <summary>What ranking a gap's prospects for the best few did: the rows it built and their scores.</summary>
/// <param name="Scores">Per candidate, its score if its row was built, else NaN.</param>
/// <param name="Rows">Per candidate, its feature row if built, else null.</param>
/// <param name="Considered">Candidates considered.</param>
/// <param name="RoughBounds">Bounds worked out from rough boxes: one per group of considered candidates sharing one.</param>
/// <param name="SitesCounted">Candidates bounded again after a pass over their sites.</param>
/// <param name="RowsBuilt">Candidates whose row was built (and scored through every tree).</param>
public sealed record BestProspects(float[] Scores, float[]?[] Rows, int Considered, int RoughBounds, int SitesCounted, int RowsBuilt);

public static class CandidateScores
{
    /// <summary>The model's score of every candidate, in order (see <see cref="Of(TreeEnsemble, ReadOnlyMemory{float})"/>).</summary>
    public static float[] Of(TreeEnsemble model, IReadOnlyList<LeadCandidate> candidates)
    {
        if (candidates is not CandidateSet set) return Of(model, Matrix(candidates));
        // The set holds its distinct rows already: each scored once.
        var distinctScores = new float[set.DistinctCount];
        model.ScoreMany(set.DistinctRows.Span, distinctScores);
        var slotOf = set.SlotOf.Span;
        var scores = new float[set.Count];
        for (var i = 0; i < scores.Length; i++) scores[i] = distinctScores[slotOf[i]];
        return scores;
    }

    /// <summary>
    /// The model's score of every row of a dense matrix (<see cref="LeadFeatures.Count"/> columns), in order. Rows
    /// equal bit for bit get the same score, so each distinct row is scored once; many firms share a profile (about
    /// half of a gap's candidates on the benchmark's synthetic universe).
    /// </summary>
    public static float[] Of(TreeEnsemble model, ReadOnlyMemory<float> rows)
    {
        var distinct = Distinct(rows, _ => true);
        var distinctScores = new float[distinct.Rows];
        model.ScoreMany(distinct.Matrix.AsSpan(0, distinct.Rows * LeadFeatures.Count), distinctScores);
        var scores = new float[distinct.SlotOf.Length];
        for (var i = 0; i < scores.Length; i++) scores[i] = distinctScores[distinct.SlotOf[i]];
        return scores;
    }

    /// <summary>
    /// The scores of the candidates that can rank within the first <paramref name="top"/> among those
    /// <paramref name="considered"/> accepts: exactly what <see cref="Of(TreeEnsemble, ReadOnlyMemory{float})"/> gives
    /// them, and NaN for every candidate that cannot (or is not considered). See <see cref="TreeEnsemble.ScoreBest"/>
    /// for the bound.
    /// </summary>
    public static BestScores Best(TreeEnsemble model, ReadOnlyMemory<float> rows, Func<int, bool> considered, int top)
    {
        var distinct = Distinct(rows, considered);
        var weights = new int[distinct.Rows];
        foreach (var slot in distinct.SlotOf)
            if (slot >= 0) weights[slot]++;
        var distinctScores = new float[distinct.Rows];
        var (rowsScored, trees) = model.ScoreBest(distinct.Matrix.AsSpan(0, distinct.Rows * LeadFeatures.Count), weights, top, distinctScores);
        var scores = distinct.SlotOf.Select(slot => slot < 0 ? float.NaN : distinctScores[slot]).ToArray();
        return new BestScores(scores, distinct.Rows, rowsScored, scores.Count(s => !float.IsNaN(s)),
            distinct.Rows == 0 ? 0 : (double)trees / ((long)distinct.Rows * model.TreeCount));
    }

    /// <summary>As <see cref="Best(TreeEnsemble, ReadOnlyMemory{float}, Func{int, bool}, int)"/>, for candidates given one by one.</summary>
    public static BestScores Best(TreeEnsemble model, IReadOnlyList<LeadCandidate> candidates, Func<int, bool> considered, int top) =>
        candidates is CandidateSet set ? Best(model, set, considered, top) : Best(model, Matrix(candidates), considered, top);

    /// <summary>
    /// As <see cref="Best(TreeEnsemble, ReadOnlyMemory{float}, Func{int, bool}, int)"/>, on the set's distinct rows as
    /// they are: a row stands for the candidates considered that share it (none: not scored). Scratch arrays are pooled.
    /// </summary>
    public static BestScores Best(TreeEnsemble model, CandidateSet set, Func<int, bool> considered, int top)
    {
        var (count, rows) = (set.Count, set.DistinctCount);
        var slotOf = set.SlotOf.Span;
        var weights = ArrayPool<int>.Shared.Rent(rows);
        var taken = ArrayPool<bool>.Shared.Rent(count);
        var distinctScores = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            Array.Clear(weights, 0, rows);
            for (var i = 0; i < count; i++)
                if (taken[i] = considered(i)) weights[slotOf[i]]++;
            var (rowsScored, trees) = model.ScoreBest(set.DistinctRows.Span, weights.AsSpan(0, rows), top, distinctScores.AsSpan(0, rows));
            var scores = new float[count];
            var scored = 0;
            for (var i = 0; i < count; i++)
                if (!float.IsNaN(scores[i] = taken[i] ? distinctScores[slotOf[i]] : float.NaN)) scored++;
            var considering = 0;
            for (var r = 0; r < rows; r++)
                if (weights[r] > 0) considering++;
            return new BestScores(scores, considering, rowsScored, scored,
                considering == 0 ? 0 : (double)trees / ((long)considering * model.TreeCount));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(weights);
            ArrayPool<bool>.Shared.Return(taken);
            ArrayPool<float>.Shared.Return(distinctScores);
        }
    }

    /// <summary>
    /// The candidates that can rank within the first <paramref name="top"/> among those <paramref name="considered"/>
    /// accepts, each with its full row and exactly the score <see cref="TreeEnsemble.Score"/> gives it; NaN and no
    /// row for the others. A candidate's score is bounded in two steps before its row is built: from the range its
    /// features lie in without a pass over its sites (<see cref="Prospects.RoughBox(int, Span{float}, Span{float})"/>,
    /// one bound for each group of candidates one rough box holds, <see cref="Prospects.Group"/>), then, when that
    /// bound is the highest left, from the narrower range its sites give (<see cref="Prospects.Box"/>); each bound is
    /// <see cref="TreeEnsemble.Bound"/> of the range. The highest bound left is taken first; once it falls below the
    /// top-th best score of the rows built, no candidate left can reach the top, so the first <paramref name="top"/>
    /// (ties included) are all among those built.
    /// </summary>
    public static BestProspects Best(TreeEnsemble model, Prospects prospects, Func<int, bool> considered, int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var count = prospects.Count;
        var width = LeadFeatures.Count;
        Span<float> lo = stackalloc float[width];
        Span<float> hi = stackalloc float[width];
        var taken = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            var consideredCount = 0;
            for (var i = 0; i < count; i++)
                if (taken[i] = considered(i)) consideredCount++;
            // Headquarters at distances no split of the model tells apart share a bound.
            var rough = prospects.Group(model.Thresholds((int)LeadFeature.HeadquartersDistanceKm));
            // Negated bounds, so the least first is the highest: a group of candidates by its rough box as g, a candidate
            // bounded from its sites as ~index.
            var groups = new List<(int Group, double Bound)>(rough.Count);
            for (var g = 0; g < rough.Count; g++)
            {
                if (!AnyTaken(rough.Members(g), taken)) continue;
                prospects.RoughBox(rough, g, lo, hi);
                groups.Add((g, -model.Bound(lo, hi)));
            }
            var queue = new PriorityQueue<int, double>(groups);
            // The top-th best score so far is the least of the best few held.
            var held = new PriorityQueue<float, float>(top + 1);
            var scores = new float[count];
            Array.Fill(scores, float.NaN);
            var rows = new float[]?[count];
            var (built, boxed) = (0, 0);
            while (queue.TryDequeue(out var entry, out var negated))
            {
                // Monotone rounding to float keeps a score below the bound's float below the floor, ties included.
                if (held.Count == top && (float)(-negated + TreeEnsemble.Slack) < held.Peek()) break;
                if (entry >= 0)
                {
                    foreach (var member in rough.Members(entry))
                    {
                        if (!taken[member]) continue;
                        prospects.Box(member, lo, hi);
                        queue.Enqueue(~member, -model.Bound(lo, hi));
                        boxed++;
                    }
                    continue;
                }
                var i = ~entry;
                var row = new float[width];
                prospects.Write(i, row);
                var score = model.Score(row);
                (scores[i], rows[i]) = (score, row);
                built++;
                if (held.Count < top) held.Enqueue(score, score);
                else if (score > held.Peek()) held.DequeueEnqueue(score, score);
            }
            return new BestProspects(scores, rows, consideredCount, groups.Count, boxed, built);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(taken);
        }
    }

    static bool AnyTaken(ReadOnlySpan<int> members, bool[] taken)
    {
        foreach (var member in members)
            if (taken[member]) return true;
        return false;
    }

    static ReadOnlyMemory<float> Matrix(IReadOnlyList<LeadCandidate> candidates)
    {
        if (candidates is CandidateSet set) return set.Rows;
        var rows = new float[candidates.Count * LeadFeatures.Count];
        for (var i = 0; i < candidates.Count; i++) candidates[i].Features.CopyTo(rows, i * LeadFeatures.Count);
        return rows;
    }

    /// <summary>The distinct rows of the matrix among those considered, packed; each row's slot (-1 when not considered).</summary>
    static (float[] Matrix, int Rows, int[] SlotOf) Distinct(ReadOnlyMemory<float> rows, Func<int, bool> considered)
    {
        var width = LeadFeatures.Count;
        var count = rows.Length / width;
        var distinct = new Dictionary<int, int>(count, new SameBits(rows, width));
        var slotOf = new int[count];
        var packed = new float[count * width];
        for (var i = 0; i < count; i++)
        {
            slotOf[i] = -1;
            if (!considered(i)) continue;
            if (!distinct.TryGetValue(i, out var slot))
            {
                slot = distinct.Count;
                distinct.Add(i, slot);
                rows.Span.Slice(i * width, width).CopyTo(packed.AsSpan(slot * width, width));
            }
            slotOf[i] = slot;
        }
        return (packed, distinct.Count, slotOf);
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
