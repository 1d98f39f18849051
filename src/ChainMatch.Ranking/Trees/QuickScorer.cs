using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// QuickScorer (Lucchese et al., SIGIR 2015): trees evaluated feature by feature instead of node by node. Each tree
/// keeps a bit per leaf, leaves numbered left to right; every split a row fails (it goes right) clears the leaves of its
/// left subtree, and the row's leaf is then the lowest bit still set. A feature's splits over all its trees are
/// sorted by threshold, so a row walks them in order until its value no longer exceeds the threshold: a run of
/// predictable, branch-light steps through contiguous arrays, where walking a tree is a chain of dependent loads and
/// mispredicted branches.
/// </summary>
sealed class QuickScorer
{
    readonly int _featureCount;
    readonly int _trees;
    public int Trees => _trees;
    /// <summary>Per feature f, its splits are [_featureStart[f], _featureStart[f + 1]), sorted by threshold.</summary>
    readonly int[] _featureStart;
    readonly float[] _thresholds;
    readonly int[] _tree;
    /// <summary>The leaves a split leaves possible when the row goes right: all but those of its left subtree.</summary>
    readonly ulong[] _mask;
    /// <summary>Per feature, the splits that send a missing value right: [_missingStart[f], _missingStart[f + 1]).</summary>
    readonly int[] _missingStart;
    readonly int[] _missingTree;
    readonly ulong[] _missingMask;
    /// <summary>Tree t's leaf i is _leafValues[t * 64 + i].</summary>
    readonly double[] _leafValues;
    readonly ulong[] _allLeaves;

    /// <param name="trees">The trees in the order their leaves are summed.</param>
    public QuickScorer(int featureCount, IReadOnlyList<QuickTree> trees)
    {
        _featureCount = featureCount;
        _trees = trees.Count;
        var splits = trees.SelectMany((tree, t) => tree.Splits.Select(s => (s.Feature, s.Threshold, s.MissingLeft, Tree: t,
            Mask: ~s.LeftLeaves & AllOf(tree.Leaves.Length)))).ToList();
        var sorted = splits.OrderBy(s => s.Feature).ThenBy(s => s.Threshold).ThenBy(s => s.Tree).ToList();
        var missing = splits.Where(s => !s.MissingLeft).OrderBy(s => s.Feature).ThenBy(s => s.Tree).ToList();
        _featureStart = Starts(featureCount, sorted.Select(s => s.Feature));
        _thresholds = [.. sorted.Select(s => s.Threshold)];
        _tree = [.. sorted.Select(s => s.Tree)];
        _mask = [.. sorted.Select(s => s.Mask)];
        _missingStart = Starts(featureCount, missing.Select(s => s.Feature));
        _missingTree = [.. missing.Select(s => s.Tree)];
        _missingMask = [.. missing.Select(s => s.Mask)];
        _leafValues = new double[trees.Count * 64];
        for (var t = 0; t < trees.Count; t++) trees[t].Leaves.CopyTo(_leafValues, t * 64);
        _allLeaves = [.. trees.Select(t => AllOf(t.Leaves.Length))];
    }

    /// <summary>A tree as QuickScorer needs it: each split with the leaves of its left subtree, and the leaf values left to right.</summary>
    public sealed record QuickTree(IReadOnlyList<(int Feature, float Threshold, bool MissingLeft, ulong LeftLeaves)> Splits, double[] Leaves);

    static ulong AllOf(int leaves) => leaves == 64 ? ulong.MaxValue : (1UL << leaves) - 1;

    static int[] Starts(int featureCount, IEnumerable<int> featureOfEach)
    {
        var starts = new int[featureCount + 1];
        foreach (var f in featureOfEach) starts[f + 1]++;
        for (var f = 0; f < featureCount; f++) starts[f + 1] += starts[f];
        return starts;
    }

    /// <summary>Adds one row's leaves to <paramref name="sum"/>, tree by tree in order, in double as ML.NET sums them.</summary>
    public double Add(ReadOnlySpan<float> row, double sum)
    {
        Span<ulong> leaves = stackalloc ulong[_trees];
        _allLeaves.CopyTo(leaves);
        ref var bits = ref MemoryMarshal.GetReference(leaves);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_tree);
        ref var mask = ref MemoryMarshal.GetArrayDataReference(_mask);
        for (var f = 0; f < _featureCount; f++)
        {
            int i0 = _featureStart[f], end = _featureStart[f + 1];
            if (i0 == end) continue; // No split on it here (the trees of a stage use few features), so no missing split either.
            var x = row[f];
            if (float.IsNaN(x))
            {
                for (var i = _missingStart[f]; i < _missingStart[f + 1]; i++) leaves[_missingTree[i]] &= _missingMask[i];
                continue;
            }
            // The splits this row fails (x > threshold) are a prefix of the feature's sorted thresholds.
            for (var i = i0; i < end && Unsafe.Add(ref thresholds, i) < x; i++)
                Unsafe.Add(ref bits, Unsafe.Add(ref tree, i)) &= Unsafe.Add(ref mask, i);
        }
        ref var values = ref MemoryMarshal.GetArrayDataReference(_leafValues);
        for (var t = 0; t < _trees; t++)
            sum += Unsafe.Add(ref values, t * 64 + BitOperations.TrailingZeroCount(Unsafe.Add(ref bits, t)));
        return sum;
    }

    /// <summary>How many rows <see cref="AddLanes"/> takes at once: one per 64-bit lane of a 256-bit vector.</summary>
    public const int Lanes = 4;

    /// <summary>
    /// <see cref="Add"/> for <see cref="Lanes"/> rows at once (vectorised QuickScorer, Lucchese et al., SIGIR 2016):
    /// the rows' bits for a tree sit side by side in one vector, and each split clears them in the lanes whose value
    /// exceeds its threshold, with one comparison for all. A feature's splits are walked up to the largest of the
    /// rows' values. Each row's sum is exactly what <see cref="Add"/> gives it.
    /// </summary>
    /// <param name="rows"><see cref="Lanes"/> rows, one after the other.</param>
    public void AddLanes(ReadOnlySpan<float> rows, Span<double> sums)
    {
        Span<Vector256<ulong>> leaves = stackalloc Vector256<ulong>[_trees];
        for (var t = 0; t < _trees; t++) leaves[t] = Vector256.Create(_allLeaves[t]);
        ref var bits = ref MemoryMarshal.GetReference(leaves);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_tree);
        ref var mask = ref MemoryMarshal.GetArrayDataReference(_mask);
        for (var f = 0; f < _featureCount; f++)
        {
            int i0 = _featureStart[f], end = _featureStart[f + 1];
            if (i0 == end) continue; // No split on it here (the trees of a stage use few features), so no missing split either.
            var x = Vector256.Create(rows[f], rows[_featureCount + f], rows[2 * _featureCount + f], rows[3 * _featureCount + f]);
            var missing = Vector256.IsNaN(x).AsUInt64();
            if (missing != Vector256<ulong>.Zero)
                for (var i = _missingStart[f]; i < _missingStart[f + 1]; i++)
                    leaves[_missingTree[i]] &= Vector256.Create(_missingMask[i]) | ~missing;
            // NaN compares false: a missing lane is never cleared here.
            var largest = Max(Max(x[0], x[1]), Max(x[2], x[3]));
            for (var i = i0; i < end && Unsafe.Add(ref thresholds, i) < largest; i++)
            {
                var fails = Vector256.LessThan(Vector256.Create((double)Unsafe.Add(ref thresholds, i)), x).AsUInt64();
                Unsafe.Add(ref bits, Unsafe.Add(ref tree, i)) &= Vector256.Create(Unsafe.Add(ref mask, i)) | ~fails;
            }
        }
        ref var values = ref MemoryMarshal.GetArrayDataReference(_leafValues);
        for (var t = 0; t < _trees; t++)
        {
            var leaf = Unsafe.Add(ref bits, t);
            for (var lane = 0; lane < Lanes; lane++)
                sums[lane] += Unsafe.Add(ref values, t * 64 + BitOperations.TrailingZeroCount(leaf[lane]));
        }
    }

    /// <summary>The larger, a missing value counting as -∞.</summary>
    static double Max(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);
}
