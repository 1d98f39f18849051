using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// QuickScorer (Lucchese et al., SIGIR 2015): trees evaluated feature by feature instead of node by node. Each tree
/// keeps a bit per leaf (at most 32, so a tree's bits are one 32-bit word), leaves numbered left to right; every split
/// a row fails (it goes right) clears the leaves of its left subtree, and the row's leaf is then the lowest bit still set. A feature's splits over all its trees are
/// sorted by threshold, so a row walks them in order until its value no longer exceeds the threshold: a run of
/// predictable, branch-light steps through contiguous arrays, where walking a tree is a chain of dependent loads and
/// mispredicted branches.
/// </summary>
sealed class QuickScorer
{
    /// <summary>The most leaves a tree may have: its leaves are the bits of one 32-bit word.</summary>
    public const int MaxLeaves = 32;

    readonly int _featureCount;
    readonly int _trees;
    public int Trees => _trees;
    /// <summary>Per feature f, its splits are [_featureStart[f], _featureStart[f + 1]), sorted by threshold.</summary>
    readonly int[] _featureStart;
    readonly float[] _thresholds;
    readonly int[] _tree;
    /// <summary>The leaves of a split's left subtree: those a row that goes right can no longer reach.</summary>
    readonly uint[] _left;
    /// <summary>Per feature, the splits that send a missing value right: [_missingStart[f], _missingStart[f + 1]).</summary>
    readonly int[] _missingStart;
    readonly int[] _missingTree;
    readonly uint[] _missingLeft;
    /// <summary>Tree t's leaf i is _leafValues[t * MaxLeaves + i].</summary>
    readonly double[] _leafValues;
    readonly uint[] _allLeaves;

    /// <param name="trees">The trees in the order their leaves are summed.</param>
    public QuickScorer(int featureCount, IReadOnlyList<QuickTree> trees)
    {
        if (trees.FirstOrDefault(t => t.Leaves.Length > MaxLeaves) is { } wide)
            throw new ArgumentException($"a tree has {wide.Leaves.Length} leaves, more than the {MaxLeaves} supported", nameof(trees));
        _featureCount = featureCount;
        _trees = trees.Count;
        var splits = trees.SelectMany((tree, t) => tree.Splits.Select(s => (s.Feature, s.Threshold, s.MissingLeft, Tree: t, s.LeftLeaves))).ToList();
        var sorted = splits.OrderBy(s => s.Feature).ThenBy(s => s.Threshold).ThenBy(s => s.Tree).ToList();
        var missing = splits.Where(s => !s.MissingLeft).OrderBy(s => s.Feature).ThenBy(s => s.Tree).ToList();
        _featureStart = Starts(featureCount, sorted.Select(s => s.Feature));
        _thresholds = [.. sorted.Select(s => s.Threshold)];
        _tree = [.. sorted.Select(s => s.Tree)];
        _left = [.. sorted.Select(s => s.LeftLeaves)];
        _missingStart = Starts(featureCount, missing.Select(s => s.Feature));
        _missingTree = [.. missing.Select(s => s.Tree)];
        _missingLeft = [.. missing.Select(s => s.LeftLeaves)];
        _leafValues = new double[trees.Count * MaxLeaves];
        for (var t = 0; t < trees.Count; t++) trees[t].Leaves.CopyTo(_leafValues, t * MaxLeaves);
        _allLeaves = [.. trees.Select(t => AllOf(t.Leaves.Length))];
    }

    /// <summary>A tree as QuickScorer needs it: each split with the leaves of its left subtree, and the leaf values left to right.</summary>
    public sealed record QuickTree(IReadOnlyList<(int Feature, float Threshold, bool MissingLeft, uint LeftLeaves)> Splits, double[] Leaves);

    static uint AllOf(int leaves) => leaves == 32 ? uint.MaxValue : (1U << leaves) - 1;

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
        Span<uint> leaves = stackalloc uint[_trees];
        _allLeaves.CopyTo(leaves);
        ref var bits = ref MemoryMarshal.GetReference(leaves);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_tree);
        ref var left = ref MemoryMarshal.GetArrayDataReference(_left);
        for (var f = 0; f < _featureCount; f++)
        {
            int i0 = _featureStart[f], end = _featureStart[f + 1];
            if (i0 == end) continue; // No split on it here (the trees of a stage use few features), so no missing split either.
            var x = row[f];
            if (float.IsNaN(x))
            {
                for (var i = _missingStart[f]; i < _missingStart[f + 1]; i++) leaves[_missingTree[i]] &= ~_missingLeft[i];
                continue;
            }
            // The splits this row fails (x > threshold) are a prefix of the feature's sorted thresholds.
            for (var i = i0; i < end && Unsafe.Add(ref thresholds, i) < x; i++)
                Unsafe.Add(ref bits, Unsafe.Add(ref tree, i)) &= ~Unsafe.Add(ref left, i);
        }
        ref var values = ref MemoryMarshal.GetArrayDataReference(_leafValues);
        for (var t = 0; t < _trees; t++)
            sum += Unsafe.Add(ref values, t * MaxLeaves + BitOperations.TrailingZeroCount(Unsafe.Add(ref bits, t)));
        return sum;
    }

    /// <summary>How many rows <see cref="AddLanes"/> takes at once: one per 32-bit lane of a 256-bit vector.</summary>
    public const int Lanes = 8;

    /// <summary>
    /// <see cref="Add"/> for <see cref="Lanes"/> rows at once (vectorised QuickScorer, Lucchese et al., SIGIR 2016):
    /// the rows' bits for a tree sit side by side in one vector, and each split clears them in the lanes whose value
    /// exceeds its threshold, with one comparison for all. A feature's splits are walked up to the largest of the
    /// rows' values. Each row's sum is exactly what <see cref="Add"/> gives it.
    /// </summary>
    /// <param name="rows"><see cref="Lanes"/> rows, one after the other.</param>
    public void AddLanes(ReadOnlySpan<float> rows, Span<double> sums)
    {
        Span<Vector256<uint>> leaves = stackalloc Vector256<uint>[_trees];
        for (var t = 0; t < _trees; t++) leaves[t] = Vector256.Create(_allLeaves[t]);
        ref var bits = ref MemoryMarshal.GetReference(leaves);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_tree);
        ref var left = ref MemoryMarshal.GetArrayDataReference(_left);
        Span<float> lane = stackalloc float[Lanes];
        var n = _featureCount;
        for (var f = 0; f < n; f++)
        {
            int i0 = _featureStart[f], end = _featureStart[f + 1];
            if (i0 == end) continue; // No split on it here (the trees of a stage use few features), so no missing split either.
            for (var r = 0; r < Lanes; r++) lane[r] = rows[r * n + f];
            var x = Vector256.Create<float>(lane);
            var missing = Vector256.IsNaN(x).AsUInt32();
            if (missing != Vector256<uint>.Zero)
                for (var i = _missingStart[f]; i < _missingStart[f + 1]; i++)
                    leaves[_missingTree[i]] = Vector256.AndNot(leaves[_missingTree[i]], missing & Vector256.Create(_missingLeft[i]));
            // NaN compares false: a missing lane is never cleared here, and never raises the largest value.
            var largest = Largest(lane);
            for (var i = i0; i < end && Unsafe.Add(ref thresholds, i) < largest; i++)
            {
                var fails = Vector256.LessThan(Vector256.Create(Unsafe.Add(ref thresholds, i)), x).AsUInt32();
                ref var treeBits = ref Unsafe.Add(ref bits, Unsafe.Add(ref tree, i));
                treeBits = Vector256.AndNot(treeBits, fails & Vector256.Create(Unsafe.Add(ref left, i)));
            }
        }
        ref var values = ref MemoryMarshal.GetArrayDataReference(_leafValues);
        for (var t = 0; t < _trees; t++)
        {
            var leaf = Unsafe.Add(ref bits, t);
            ref var treeValues = ref Unsafe.Add(ref values, t * MaxLeaves);
            for (var r = 0; r < Lanes; r++)
                sums[r] += Unsafe.Add(ref treeValues, BitOperations.TrailingZeroCount(leaf.GetElement(r)));
        }
    }

    /// <summary>The largest value, a missing one counting as -∞.</summary>
    static float Largest(ReadOnlySpan<float> values)
    {
        var largest = float.NegativeInfinity;
        foreach (var v in values)
            if (v > largest) largest = v;
        return largest;
    }
}
