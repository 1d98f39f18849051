using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// QuickScorer (Lucchese et al., SIGIR 2015): trees evaluated feature by feature instead of node by node. Each tree
/// keeps a bit per leaf, leaves numbered left to right; every split a row fails (it goes right) clears the leaves of its
/// left subtree, and the row's leaf is then the lowest bit still set. A feature's splits over all trees of a stage are
/// sorted by threshold, so a row walks them in order until its value no longer exceeds the threshold: a run of
/// predictable, branch-light steps through contiguous arrays, where walking a tree is a chain of dependent loads and
/// mispredicted branches. Trees are split into stages so a caller can stop scoring a row between stages.
/// </summary>
sealed class QuickScorer
{
    /// <summary>One stage: a run of consecutive trees with every split listed per feature.</summary>
    sealed class Stage
    {
        public required int Trees;
        /// <summary>Per feature f, its splits are [FeatureStart[f], FeatureStart[f + 1]), sorted by threshold.</summary>
        public required int[] FeatureStart;
        public required float[] Thresholds;
        public required int[] Tree;
        public required ulong[] Mask;
        /// <summary>Per feature, the splits that send a missing value right: [MissingStart[f], MissingStart[f + 1]).</summary>
        public required int[] MissingStart;
        public required int[] MissingTree;
        public required ulong[] MissingMask;
        /// <summary>Tree t's leaf i is LeafValues[t * 64 + i].</summary>
        public required double[] LeafValues;
        public required ulong[] AllLeaves;
    }

    readonly Stage[] _stages;
    readonly int _featureCount;

    /// <summary>Per stage s, the most and the least the trees after stage s can still add to any row's score.</summary>
    public double[] MostAfter { get; }
    public double[] LeastAfter { get; }
    public int StageCount => _stages.Length;

    /// <param name="trees">Each tree as its root, in the order the scores are summed.</param>
    /// <param name="stageEnds">Where each stage's trees end, ascending, the last equal to the tree count.</param>
    public QuickScorer(int featureCount, IReadOnlyList<QuickTree> trees, IReadOnlyList<int> stageEnds)
    {
        _featureCount = featureCount;
        var stages = new List<Stage>();
        var first = 0;
        foreach (var end in stageEnds)
        {
            stages.Add(BuildStage(featureCount, trees.Skip(first).Take(end - first).ToList()));
            first = end;
        }
        _stages = [.. stages];
        MostAfter = new double[_stages.Length];
        LeastAfter = new double[_stages.Length];
        for (var s = _stages.Length - 2; s >= 0; s--)
        {
            var next = trees.Skip(stageEnds[s]).Take(stageEnds[s + 1] - stageEnds[s]).ToList();
            MostAfter[s] = MostAfter[s + 1] + next.Sum(t => t.Leaves.Max());
            LeastAfter[s] = LeastAfter[s + 1] + next.Sum(t => t.Leaves.Min());
        }
    }

    /// <summary>A tree as QuickScorer needs it: each split with the leaves of its left subtree, and the leaf values left to right.</summary>
    public sealed record QuickTree(IReadOnlyList<(int Feature, float Threshold, bool MissingLeft, ulong LeftLeaves)> Splits, double[] Leaves);

    static Stage BuildStage(int featureCount, List<QuickTree> trees)
    {
        var splits = trees.SelectMany((tree, t) => tree.Splits.Select(s => (s.Feature, s.Threshold, s.MissingLeft, Tree: t,
            Mask: ~s.LeftLeaves & AllOf(tree.Leaves.Length)))).ToList();
        var sorted = splits.OrderBy(s => s.Feature).ThenBy(s => s.Threshold).ThenBy(s => s.Tree).ToList();
        var missing = splits.Where(s => !s.MissingLeft).OrderBy(s => s.Feature).ThenBy(s => s.Tree).ToList();
        var leafValues = new double[trees.Count * 64];
        for (var t = 0; t < trees.Count; t++) trees[t].Leaves.CopyTo(leafValues, t * 64);
        return new Stage
        {
            Trees = trees.Count,
            FeatureStart = Starts(featureCount, sorted.Select(s => s.Feature)),
            Thresholds = [.. sorted.Select(s => s.Threshold)],
            Tree = [.. sorted.Select(s => s.Tree)],
            Mask = [.. sorted.Select(s => s.Mask)],
            MissingStart = Starts(featureCount, missing.Select(s => s.Feature)),
            MissingTree = [.. missing.Select(s => s.Tree)],
            MissingMask = [.. missing.Select(s => s.Mask)],
            LeafValues = leafValues,
            AllLeaves = [.. trees.Select(t => AllOf(t.Leaves.Length))],
        };
    }

    static ulong AllOf(int leaves) => leaves == 64 ? ulong.MaxValue : (1UL << leaves) - 1;

    static int[] Starts(int featureCount, IEnumerable<int> featureOfEach)
    {
        var starts = new int[featureCount + 1];
        foreach (var f in featureOfEach) starts[f + 1]++;
        for (var f = 0; f < featureCount; f++) starts[f + 1] += starts[f];
        return starts;
    }

    /// <summary>Adds stage <paramref name="stage"/>'s trees to the sum of one row, tree by tree in order.</summary>
    public double Add(int stage, ReadOnlySpan<float> row, double sum)
    {
        var s = _stages[stage];
        Span<ulong> leaves = stackalloc ulong[s.Trees];
        s.AllLeaves.CopyTo(leaves);
        ref var bits = ref MemoryMarshal.GetReference(leaves);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(s.Thresholds);
        ref var tree = ref MemoryMarshal.GetArrayDataReference(s.Tree);
        ref var mask = ref MemoryMarshal.GetArrayDataReference(s.Mask);
        for (var f = 0; f < _featureCount; f++)
        {
            var x = row[f];
            if (float.IsNaN(x))
            {
                for (var i = s.MissingStart[f]; i < s.MissingStart[f + 1]; i++) leaves[s.MissingTree[i]] &= s.MissingMask[i];
                continue;
            }
            // The splits this row fails (x > threshold) are a prefix of the feature's sorted thresholds.
            int i0 = s.FeatureStart[f], end = s.FeatureStart[f + 1];
            for (var i = i0; i < end && Unsafe.Add(ref thresholds, i) < x; i++)
                Unsafe.Add(ref bits, Unsafe.Add(ref tree, i)) &= Unsafe.Add(ref mask, i);
        }
        ref var values = ref MemoryMarshal.GetArrayDataReference(s.LeafValues);
        for (var t = 0; t < s.Trees; t++)
            sum += Unsafe.Add(ref values, t * 64 + BitOperations.TrailingZeroCount(Unsafe.Add(ref bits, t)));
        return sum;
    }
}
