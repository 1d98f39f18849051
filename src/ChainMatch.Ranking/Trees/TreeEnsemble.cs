using System.Runtime.CompilerServices;
using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// The trees of an ML.NET ranking model (LightGBM or FastTree), evaluated in managed flat arrays for the hot path.
/// All trees live in one flat array of nodes; a node goes left when x[feature] &lt;= threshold (ML.NET's rule), and
/// a missing value (NaN) goes the way ML.NET sends it at that node.
/// Immutable, so thread-safe. Parity with ML.NET's own scores is held by a test.
/// </summary>
public sealed class TreeEnsemble
{
    /// <summary>One node in 20 bytes, so a path through a tree touches few cache lines. Left is -1 at a leaf.</summary>
    readonly record struct Node(int Left, int Right, int Feature, float Threshold, bool MissingLeft);

    readonly int[] _roots;
    readonly Node[] _nodes;
    // Leaf values by node index, in double as ML.NET keeps and sums them (so scores agree to its last float bit or two).
    readonly double[] _leaves;

    public int FeatureCount { get; }
    public int TreeCount => _roots.Length;
    /// <summary>Which ML.NET trainer made the trees.</summary>
    public RankingTrainer Trainer { get; }

    readonly QuickScorer _quick;

    TreeEnsemble(int featureCount, RankingTrainer trainer, int[] roots, Node[] nodes, double[] leaves)
    {
        _leaves = leaves;
        FeatureCount = featureCount;
        Trainer = trainer;
        _roots = roots;
        _nodes = nodes;
        // Trees whose leaves lie furthest apart first, so the leeway of the trees still to come (and with it the
        // bound ScoreBest prunes by) shrinks fastest. The order of the sum differs from ML.NET's in the last bits only.
        _quick = new QuickScorer(featureCount, [.. roots.Select(QuickTreeAt).OrderByDescending(t => t.Leaves.Max() - t.Leaves.Min())],
            StageEnds(roots.Length));
    }

    /// <summary>
    /// Where the scoring stages end, for <see cref="ScoreBest"/>: a first stage short enough that most rows are left
    /// out early, then longer ones as the remaining trees' leeway shrinks.
    /// </summary>
    static int[] StageEnds(int trees)
    {
        List<int> ends = [];
        for (var end = Math.Min(trees, 10); end < trees; end = Math.Min(trees, end * 2)) ends.Add(end);
        ends.Add(trees);
        return [.. ends];
    }

    /// <summary>The score of one row: the sum of its leaves over every tree in order (in double, as ML.NET sums).</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        CheckWidth(features.Length);
        var sum = 0d;
        for (var stage = 0; stage < _quick.StageCount; stage++) sum = _quick.Add(stage, features, sum);
        return (float)sum;
    }

    void CheckWidth(int width)
    {
        if (width != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {width}", "features");
    }

    /// <summary>
    /// Scores many rows (row-major, <see cref="FeatureCount"/> values each) into <paramref name="scores"/>, stage by
    /// stage so a stage's split lists stay in cache. Gives exactly what <see cref="Score"/> gives row by row.
    /// </summary>
    public void ScoreMany(ReadOnlySpan<float> rows, Span<float> scores)
    {
        var count = CheckRows(rows, scores.Length);
        var sums = new double[count];
        for (var stage = 0; stage < _quick.StageCount; stage++)
            for (var row = 0; row < count; row++)
                sums[row] = _quick.Add(stage, rows.Slice(row * FeatureCount, FeatureCount), sums[row]);
        for (var row = 0; row < count; row++) scores[row] = (float)sums[row];
    }

    int CheckRows(ReadOnlySpan<float> rows, int count)
    {
        if (rows.Length != count * FeatureCount)
            throw new ArgumentException($"{rows.Length} values are not {count} rows of {FeatureCount} features", nameof(rows));
        return count;
    }

    // Sums are in double and scores compare as floats; this covers the rounding of a bound's sum against a row's own.
    const double Slack = 1e-9;

    /// <summary>
    /// Scores only the rows that can still be among the best: exactly the scores <see cref="Score"/> gives, for every
    /// row that might rank within the first <paramref name="top"/>, and NaN for the others. A row stands for
    /// <paramref name="weights"/>[row] candidates (0: none, not scored). After each stage of trees, a row whose score
    /// so far plus the most the remaining trees can add falls below the <paramref name="top"/>-th best score so far
    /// plus the least they can add cannot reach the first <paramref name="top"/>, ties included, and is left out.
    /// </summary>
    /// <returns>How many rows were scored through every tree.</returns>
    public int ScoreBest(ReadOnlySpan<float> rows, ReadOnlySpan<int> weights, int top, Span<float> scores)
    {
        var count = CheckRows(rows, scores.Length);
        if (weights.Length != count) throw new ArgumentException($"{weights.Length} weights for {count} rows", nameof(weights));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var sums = new double[count];
        var alive = new List<int>(count);
        for (var row = 0; row < count; row++)
            if (weights[row] > 0) alive.Add(row);
        for (var stage = 0; stage < _quick.StageCount; stage++)
        {
            foreach (var row in alive) sums[row] = _quick.Add(stage, rows.Slice(row * FeatureCount, FeatureCount), sums[row]);
            if (stage == _quick.StageCount - 1 || Best(alive, sums, weights, top) is not { } best) continue;
            // Every row's final sum lies within [sum + least, sum + most] of the trees still to come; monotone
            // rounding to float keeps the order of values that far apart.
            var floor = (float)(best + _quick.LeastAfter[stage] - Slack);
            var most = _quick.MostAfter[stage] + Slack;
            alive.RemoveAll(row => (float)(sums[row] + most) < floor);
        }
        scores.Fill(float.NaN);
        foreach (var row in alive) scores[row] = (float)sums[row];
        return alive.Count;
    }

    /// <summary>The <paramref name="top"/>-th best sum, counting each row as many times as its weight; null when fewer rows.</summary>
    static double? Best(List<int> alive, double[] sums, ReadOnlySpan<int> weights, int top)
    {
        var lowest = new PriorityQueue<int, double>(top + 1);
        var held = 0;
        foreach (var row in alive)
        {
            if (held >= top && sums[row] <= sums[lowest.Peek()]) continue;
            lowest.Enqueue(row, sums[row]);
            held += weights[row];
            // Drop the lowest while the rest still make up the top.
            while (held - weights[lowest.Peek()] >= top) held -= weights[lowest.Dequeue()];
        }
        return held >= top ? sums[lowest.Peek()] : null;
    }

    /// <summary>
    /// How much each feature moved this row's score, along its path through every tree: at each split, the split's
    /// feature is credited with this tree's output minus the output had the row gone the other way there (ML.NET's
    /// FeatureContributionCalculation for tree ensembles, unnormalised).
    /// </summary>
    public float[] Contributions(ReadOnlySpan<float> features)
    {
        CheckWidth(features.Length);
        var contributions = new float[FeatureCount];
        foreach (var root in _roots)
        {
            var output = _leaves[Leaf(root, features)];
            var at = root;
            while (!IsLeaf(at))
            {
                var next = Step(_nodes, at, features);
                var other = next == _nodes[at].Left ? _nodes[at].Right : _nodes[at].Left;
                contributions[_nodes[at].Feature] += (float)(output - _leaves[Leaf(other, features)]);
                at = next;
            }
        }
        return contributions;
    }

    bool IsLeaf(int at) => _nodes[at].Left < 0;

    /// <summary>The tree at <paramref name="root"/> for <see cref="QuickScorer"/>: leaves numbered left to right, each split with its left subtree's leaves.</summary>
    QuickScorer.QuickTree QuickTreeAt(int root)
    {
        var splits = new List<(int, float, bool, ulong)>();
        var leaves = new List<double>();
        ulong Walk(int at)
        {
            if (IsLeaf(at))
            {
                leaves.Add(_leaves[at]);
                return 1UL << (leaves.Count - 1);
            }
            var node = _nodes[at];
            var left = Walk(node.Left);
            splits.Add((node.Feature, node.Threshold, node.MissingLeft, left));
            return left | Walk(node.Right);
        }
        Walk(root);
        return new QuickScorer.QuickTree(splits, [.. leaves]);
    }

    /// <summary>The index of the leaf a row reaches from node <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int Leaf(int at, ReadOnlySpan<float> features)
    {
        var nodes = _nodes;
        while (nodes[at].Left >= 0) at = Step(nodes, at, features);
        return at;
    }

    /// <summary>Every split: the feature it tests and its threshold (for counting how often a feature is used).</summary>
    public IEnumerable<(int Feature, float Threshold)> Splits() =>
        _nodes.Where((_, i) => !IsLeaf(i)).Select(n => (n.Feature, n.Threshold));

    /// <summary>The same trees, node for node: what a retrained model must give to be the same model.</summary>
    public bool HasSameTreesAs(TreeEnsemble other) =>
        FeatureCount == other.FeatureCount && Trainer == other.Trainer && _roots.SequenceEqual(other._roots)
        && _nodes.SequenceEqual(other._nodes)
        && _leaves.SequenceEqual(other._leaves);

    /// <summary>One step down from node <paramref name="at"/>. ML.NET's rule: left when x &lt;= threshold; a missing value goes where the node sends it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Step(Node[] nodes, int at, ReadOnlySpan<float> features)
    {
        ref readonly var node = ref nodes[at];
        var x = features[node.Feature];
        // NaN <= threshold is false, so a missing value goes right unless the node sends it left. No short circuit:
        // both tests are cheap, and a branch here would be mispredicted half the time.
        return (x <= node.Threshold) | (node.MissingLeft & float.IsNaN(x)) ? node.Left : node.Right;
    }

    /// <summary>Reads an ML.NET ranking model file (as saved by <see cref="LambdaMart.Train"/>); any problem names the file.</summary>
    public static TreeEnsemble Load(string path)
    {
        if (!File.Exists(path)) throw new ModelFormatException(path, "file not found");
        ISingleFeaturePredictionTransformer<object> model;
        float[]? missingAs;
        try
        {
            (model, missingAs) = LambdaMart.Load(new MLContext(0), path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelFormatException(path, $"not an ML.NET ranking model ({e.Message})");
        }
        if (model.Model is not TreeEnsembleModelParametersBasedOnRegressionTree trees)
            throw new ModelFormatException(path, $"model '{model.Model.GetType().Name}' is not a tree ensemble");
        var trainer = trees.GetType().Name.StartsWith("LightGbm", StringComparison.Ordinal) ? RankingTrainer.LightGbm : RankingTrainer.FastTree;
        var width = model.FeatureColumnType is Microsoft.ML.Data.VectorDataViewType { Size: > 0 } vector ? vector.Size
            : throw new ModelFormatException(path, "the model's feature column is not a vector of known size");
        if (missingAs is not null && missingAs.Length != width)
            throw new ModelFormatException(path, $"the missing-value replacement has {missingAs.Length} values for {width} features");
        return FromTrees(path, trees.TrainedTreeEnsemble, width, trainer, missingAs);
    }

    /// <summary>Flattens ML.NET's trees: internal nodes 0..n-1, leaves as ~index; a tree without a split scores 0 in ML.NET.</summary>
    static TreeEnsemble FromTrees(string path, RegressionTreeEnsemble ensemble, int featureCount, RankingTrainer trainer, float[]? missingAs)
    {
        var roots = new List<int>();
        List<Node> nodes = [];
        List<double> leaves = [];
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.NumberOfLeaves <= 1 || tree.LeftChild[0] == 0) continue;
            // QuickScorer keeps a tree's leaves as the bits of one 64-bit word.
            if (tree.NumberOfLeaves > 64)
                throw new ModelFormatException(path, $"tree {t} has {tree.NumberOfLeaves} leaves, more than the 64 supported");
            if (tree.CategoricalSplitFlags.Any(c => c))
                throw new ModelFormatException(path, $"tree {t} has categorical splits, which are not supported");
            var missing = MissingValues(tree);
            var offset = nodes.Count;
            var internals = tree.NumberOfNodes;
            int Index(int child) => child < 0 ? offset + internals + ~child : offset + child;
            for (var i = 0; i < internals; i++)
            {
                var feature = tree.NumericalSplitFeatureIndexes[i];
                if (feature < 0 || feature >= featureCount)
                    throw new ModelFormatException(path, $"tree {t} node {i} splits on feature {feature} of {featureCount}");
                var threshold = tree.NumericalSplitThresholds[i];
                // A missing value is first replaced by the pipeline's value for the feature, if it has one; still
                // missing, ML.NET puts the node's default value for missing in its place, when the tree has any, and
                // compares that. So which way NaN goes is fixed per node.
                var value = missingAs is not null && !float.IsNaN(missingAs[feature]) ? missingAs[feature] : missing?[i] ?? float.NaN;
                var missingLeft = value <= threshold;
                nodes.Add(new Node(Index(tree.LeftChild[i]), Index(tree.RightChild[i]), feature, threshold, missingLeft));
                leaves.Add(0);
            }
            foreach (var value in tree.LeafValues)
            {
                nodes.Add(new Node(-1, -1, 0, 0, false));
                leaves.Add(value);
            }
            roots.Add(offset);
        }
        return new TreeEnsemble(featureCount, trainer, [.. roots], [.. nodes], [.. leaves]);
    }

    // ML.NET keeps each node's value for a missing feature (LightGBM's default direction) on its internal tree and
    // does not expose it; read it there. Null means NaN is compared as it is, so it goes right.
    static readonly FieldInfo InternalTree = typeof(RegressionTreeBase).GetField("_tree", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingFieldException(nameof(RegressionTreeBase), "_tree");

    static float[]? MissingValues(RegressionTreeBase tree)
    {
        var inner = InternalTree.GetValue(tree)!;
        var field = inner.GetType().GetField("DefaultValueForMissing", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new MissingFieldException(inner.GetType().Name, "DefaultValueForMissing");
        return (float[]?)field.GetValue(inner);
    }
}
