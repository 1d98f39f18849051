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
    /// <summary>The most leaves a tree of a model may have: the scorer keeps a tree's leaves as the bits of one 32-bit word.</summary>
    public const int MaxLeaves = QuickScorer.MaxLeaves;
    public int TreeCount => _roots.Length;
    /// <summary>Which ML.NET trainer made the trees.</summary>
    public RankingTrainer Trainer { get; }

    TreeEnsemble(int featureCount, RankingTrainer trainer, int[] roots, Node[] nodes, double[] leaves)
    {
        _leaves = leaves;
        FeatureCount = featureCount;
        Trainer = trainer;
        _roots = roots;
        _nodes = nodes;
        // For ScoreBest, the trees in stages, those whose leaves lie furthest apart first: the leeway of the trees
        // still to come, and with it the bound, shrinks fastest. Score sums in the same order, so the two agree to the
        // bit; the order differs from ML.NET's, which moves a score in its last bits only.
        var order = roots.Select(root => (Root: root, Tree: QuickTreeAt(root)))
            .OrderByDescending(t => t.Tree.Leaves.Max() - t.Tree.Leaves.Min()).ToList();
        _all = new QuickScorer(featureCount, [.. order.Select(t => t.Tree)]);
        var stages = order.Count > 0 ? order.Chunk(StageTrees).ToList() : [[]];
        _stages = [.. stages.Select(stage => new QuickScorer(featureCount, [.. stage.Select(t => t.Tree)]))];
        _bound = new Lazy<ScoreBound>(() => new ScoreBound(this, [.. stages.Select(stage => stage.Select(t => t.Root).ToArray())], BoundCells));
        _boxBound = new Lazy<BoxBound>(() => new BoxBound(this));
    }

    readonly QuickScorer _all;
    readonly QuickScorer[] _stages;
    const int StageTrees = 20;
    readonly Lazy<ScoreBound> _bound;
    readonly Lazy<BoxBound> _boxBound;
    // At most this many cells in the bound's table, each worked out once per model (a walk of every tree) on first use.
    const int BoundCells = 4096;

    /// <summary>The score of one row: the sum of its leaves over every tree (in double, as ML.NET sums).</summary>
    public float Score(ReadOnlySpan<float> features)
    {
        CheckWidth(features.Length);
        return (float)_all.Add(features, 0);
    }

    void CheckWidth(int width)
    {
        if (width != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {width}", "features");
    }

    /// <summary>
    /// Scores many rows (row-major, <see cref="FeatureCount"/> values each) into <paramref name="scores"/>, several
    /// at once in vector lanes; each gets exactly what <see cref="Score"/> gives it.
    /// </summary>
    public void ScoreMany(ReadOnlySpan<float> rows, Span<float> scores)
    {
        var count = CheckRows(rows, scores.Length);
        Span<double> sums = stackalloc double[QuickScorer.Lanes];
        var row = 0;
        for (; row + QuickScorer.Lanes <= count; row += QuickScorer.Lanes)
        {
            sums.Clear();
            _all.AddLanes(rows.Slice(row * FeatureCount, QuickScorer.Lanes * FeatureCount), sums);
            for (var lane = 0; lane < QuickScorer.Lanes; lane++) scores[row + lane] = (float)sums[lane];
        }
        for (; row < count; row++) scores[row] = (float)_all.Add(Row(rows, row), 0);
    }

    ReadOnlySpan<float> Row(ReadOnlySpan<float> rows, int row) => rows.Slice(row * FeatureCount, FeatureCount);

    int CheckRows(ReadOnlySpan<float> rows, int count)
    {
        if (rows.Length != count * FeatureCount)
            throw new ArgumentException($"{rows.Length} values are not {count} rows of {FeatureCount} features", nameof(rows));
        return count;
    }

    // A bound is summed in another order than a score; this covers the rounding between the two.
    internal const double Slack = 1e-9;

    /// <summary>
    /// Scores only the rows that can still be among the best: exactly the score <see cref="Score"/> gives, for every
    /// row that might rank within the first <paramref name="top"/> (ties included), and NaN for the others. A row
    /// stands for <paramref name="weights"/>[row] candidates (0: none, not scored).
    /// The rows leading after the first stage of trees are scored in full first; the <paramref name="top"/>-th best
    /// of them is a score the top reaches. Then stage by stage, a row whose sum so far plus the most the remaining
    /// trees can add to it (<see cref="ScoreBound"/>) falls below that score cannot reach the top and is left out.
    /// </summary>
    /// <returns>How many rows were scored through every tree, and how many trees were evaluated in all (of rows × trees).</returns>
    public (int Rows, long Trees) ScoreBest(ReadOnlySpan<float> rows, ReadOnlySpan<int> weights, int top, Span<float> scores)
    {
        var count = CheckRows(rows, scores.Length);
        if (weights.Length != count) throw new ArgumentException($"{weights.Length} weights for {count} rows", nameof(weights));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        scores.Fill(float.NaN);
        var sums = new double[count];
        var alive = new List<int>(count);
        for (var row = 0; row < count; row++)
            if (weights[row] > 0) alive.Add(row);
        Add(_stages[0], rows, alive, sums);
        long trees = (long)alive.Count * _stages[0].Trees;
        // The leaders after the first stage, scored in full: the top-th best of them is a floor the top reaches.
        var leaders = new List<int>();
        var held = 0;
        foreach (var row in alive.OrderByDescending(r => sums[r]))
        {
            if (held >= top) break;
            leaders.Add(row);
            held += weights[row];
        }
        trees += (long)leaders.Count * (TreeCount - _stages[0].Trees);
        var isLeader = new bool[count];
        foreach (var stage in _stages.Skip(1)) Add(stage, rows, leaders, sums);
        foreach (var row in leaders)
        {
            isLeader[row] = true;
            scores[row] = (float)sums[row];
        }
        var floor = float.NegativeInfinity;
        held = 0;
        foreach (var row in leaders.OrderByDescending(r => sums[r]))
            if ((held += weights[row]) >= top)
            {
                floor = (float)sums[row];
                break;
            }
        alive.RemoveAll(row => isLeader[row]);
        var bound = _bound.Value;
        var cells = new int[count];
        foreach (var row in alive) cells[row] = bound.Cell(Row(rows, row));
        for (var stage = 1; stage < _stages.Length; stage++)
        {
            // Monotone rounding to float keeps a row whose sum is below the floor's float below it, ties included.
            alive.RemoveAll(row => (float)(sums[row] + bound.After(cells[row], stage - 1) + Slack) < floor);
            Add(_stages[stage], rows, alive, sums);
            trees += (long)alive.Count * _stages[stage].Trees;
        }
        foreach (var row in alive) scores[row] = (float)sums[row];
        return (leaders.Count + alive.Count, trees);
    }

    /// <summary>Adds the trees of <paramref name="stage"/> to the sums of the rows <paramref name="which"/>, several at once in vector lanes.</summary>
    void Add(QuickScorer stage, ReadOnlySpan<float> rows, List<int> which, double[] sums)
    {
        const int Lanes = QuickScorer.Lanes;
        Span<float> block = stackalloc float[Lanes * FeatureCount];
        Span<double> laneSums = stackalloc double[Lanes];
        var i = 0;
        for (; i + Lanes <= which.Count; i += Lanes)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                Row(rows, which[i + lane]).CopyTo(block[(lane * FeatureCount)..]);
                laneSums[lane] = sums[which[i + lane]];
            }
            stage.AddLanes(block, laneSums);
            for (var lane = 0; lane < Lanes; lane++) sums[which[i + lane]] = laneSums[lane];
        }
        for (; i < which.Count; i++) sums[which[i]] = stage.Add(Row(rows, which[i]), sums[which[i]]);
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

    /// <summary>
    /// The highest leaf of the tree at <paramref name="at"/> a row can reach when only the features
    /// <paramref name="known"/> are known (their values in <paramref name="row"/>): a split on another feature leaves both ways open.
    /// </summary>
    internal double MostReachable(int at, ReadOnlySpan<float> row, bool[] known) =>
        IsLeaf(at) ? _leaves[at]
        : known[_nodes[at].Feature] ? MostReachable(Step(_nodes, at, row), row, known)
        : Math.Max(MostReachable(_nodes[at].Left, row, known), MostReachable(_nodes[at].Right, row, known));

    /// <summary>
    /// The feature's split thresholds, ascending and distinct: values above one and up to the next (or missing) take the
    /// same way at every split, so a box's bound does not tell them apart.
    /// </summary>
    public ReadOnlySpan<float> Thresholds(int feature) => _boxBound.Value.Thresholds(feature);

    /// <summary>
    /// No row within the box scores more than this (before the rounding <see cref="Slack"/> covers). Per feature f, a
    /// value that is not missing lies in [<paramref name="lo"/>[f], <paramref name="hi"/>[f]]; lo NaN means the value
    /// may also be missing (and is at most hi), hi NaN that it is missing.
    /// </summary>
    public double Bound(ReadOnlySpan<float> lo, ReadOnlySpan<float> hi)
    {
        CheckWidth(lo.Length);
        CheckWidth(hi.Length);
        return _boxBound.Value.Most(lo, hi);
    }

    /// <summary>The sum over the trees of the highest leaf a row within the box can reach (see <see cref="Bound"/>).</summary>
    internal double MostInBox(ReadOnlySpan<float> lo, ReadOnlySpan<float> hi)
    {
        var most = 0d;
        foreach (var root in _roots) most += MostInBox(root, lo, hi);
        return most;
    }

    double MostInBox(int at, ReadOnlySpan<float> lo, ReadOnlySpan<float> hi)
    {
        if (IsLeaf(at)) return _leaves[at];
        ref readonly var node = ref _nodes[at];
        var (low, high) = (lo[node.Feature], hi[node.Feature]);
        if (float.IsNaN(high)) return MostInBox(node.MissingLeft ? node.Left : node.Right, lo, hi);
        // A row goes left when x <= threshold, or when x is missing and the node sends a missing value left. Low NaN:
        // x may be missing, or any value up to high, so some row goes left.
        var mayBeMissing = float.IsNaN(low);
        var left = mayBeMissing || low <= node.Threshold;
        var right = high > node.Threshold || (mayBeMissing && !node.MissingLeft);
        return left && right ? Math.Max(MostInBox(node.Left, lo, hi), MostInBox(node.Right, lo, hi))
            : MostInBox(left ? node.Left : node.Right, lo, hi);
    }

    /// <summary>The tree at <paramref name="root"/> for <see cref="QuickScorer"/>: leaves numbered left to right, each split with its left subtree's leaves.</summary>
    QuickScorer.QuickTree QuickTreeAt(int root)
    {
        var splits = new List<(int, float, bool, uint)>();
        var leaves = new List<double>();
        uint Walk(int at)
        {
            if (IsLeaf(at))
            {
                leaves.Add(_leaves[at]);
                return 1U << (leaves.Count - 1);
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
            if (tree.NumberOfLeaves > QuickScorer.MaxLeaves)
                throw new ModelFormatException(path, $"tree {t} has {tree.NumberOfLeaves} leaves, more than the {QuickScorer.MaxLeaves} supported");
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
