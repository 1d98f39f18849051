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

    TreeEnsemble(int featureCount, RankingTrainer trainer, int[] roots, Node[] nodes, double[] leaves)
    {
        _leaves = leaves;
        FeatureCount = featureCount;
        Trainer = trainer;
        _roots = roots;
        _nodes = nodes;
    }

    public float Score(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {features.Length}", nameof(features));
        var sum = 0d;
        foreach (var root in _roots) sum += _leaves[Leaf(root, features)];
        return (float)sum;
    }

    /// <summary>
    /// Scores many rows (row-major, <see cref="FeatureCount"/> values each) into <paramref name="scores"/>. Walks
    /// tree by tree over blocks of rows, so a tree's nodes and a block's features stay in cache; blocks run in parallel.
    /// Gives exactly what <see cref="Score"/> gives row by row (the same sums in the same order).
    /// </summary>
    public void ScoreMany(ReadOnlySpan<float> rows, Span<float> scores)
    {
        const int Block = 256;
        var count = scores.Length;
        if (rows.Length != count * FeatureCount)
            throw new ArgumentException($"{rows.Length} values are not {count} rows of {FeatureCount} features", nameof(rows));
        var input = rows.ToArray();
        var output = new float[count];
        var blocks = (count + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            int first = b * Block, end = Math.Min(count, first + Block);
            var sums = new double[end - first];
            foreach (var root in _roots)
                for (var row = first; row < end; row++)
                    sums[row - first] += _leaves[Leaf(root, input.AsSpan(row * FeatureCount, FeatureCount))];
            for (var row = first; row < end; row++) output[row] = (float)sums[row - first];
        });
        output.CopyTo(scores);
    }

    /// <summary>
    /// How much each feature moved this row's score, along its path through every tree: at each split, the split's
    /// feature is credited with this tree's output minus the output had the row gone the other way there (ML.NET's
    /// FeatureContributionCalculation for tree ensembles, unnormalised).
    /// </summary>
    public float[] Contributions(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {features.Length}", nameof(features));
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
