using System.Globalization;
using System.Text.Json;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// XGBoost's saved trees (JSON format), evaluated in managed code so serving needs no native library.
/// All trees live in one flat array of nodes; a node goes left when x[feature] &lt; threshold, or when x[feature] is
/// missing (NaN) and its default is left. A leaf's value sits in the threshold slot. Immutable, so
/// thread-safe. Parity with XGBoost's own predictions is held by a test.
/// </summary>
public sealed class TreeEnsemble
{
    /// <summary>One node in 20 bytes, so a path through a tree touches few cache lines. Left is -1 at a leaf.</summary>
    readonly record struct Node(int Left, int Right, int Feature, float Threshold, bool DefaultLeft);

    readonly int[] _roots;
    readonly Node[] _nodes;
    // Hessian-weighted mean of the leaves under each node, for per-feature contributions.
    readonly float[] _mean;

    public float BaseScore { get; }
    public int FeatureCount { get; }
    public int TreeCount => _roots.Length;
    public string Objective { get; }

    TreeEnsemble(float baseScore, int featureCount, string objective, int[] roots, Node[] nodes, float[] mean)
    {
        _mean = mean;
        BaseScore = baseScore;
        FeatureCount = featureCount;
        Objective = objective;
        _roots = roots;
        _nodes = nodes;
    }

    public float Score(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {features.Length}", nameof(features));
        var nodes = _nodes;
        var sum = 0f;
        foreach (var root in _roots)
        {
            var node = nodes[root];
            while (node.Left >= 0) node = nodes[Next(node, features)];
            sum += node.Threshold;
        }
        return BaseScore + sum;
    }

    /// <summary>
    /// Scores many rows (row-major, <see cref="FeatureCount"/> values each) into <paramref name="scores"/>. Walks
    /// tree by tree over blocks of rows, so a tree's nodes and a block's features stay in cache; blocks run in parallel.
    /// Gives exactly what <see cref="Score"/> gives row by row.
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
            var nodes = _nodes;
            var sums = new float[end - first];
            foreach (var root in _roots)
                for (var row = first; row < end; row++)
                {
                    var x = input.AsSpan(row * FeatureCount, FeatureCount);
                    var node = nodes[root];
                    while (node.Left >= 0) node = nodes[Next(node, x)];
                    sums[row - first] += node.Threshold;
                }
            for (var row = first; row < end; row++) output[row] = BaseScore + sums[row - first];
        });
        output.CopyTo(scores);
    }

    /// <summary>
    /// How much each feature moved this row's score, by following its path through every tree and crediting
    /// each split's feature with the change in the mean leaf value (Saabas; XGBoost's approx_contribs).
    /// The last slot is the bias; all slots sum to <see cref="Score"/>.
    /// </summary>
    public float[] Contributions(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {features.Length}", nameof(features));
        var contributions = new float[FeatureCount + 1];
        contributions[FeatureCount] = BaseScore;
        foreach (var root in _roots)
        {
            var at = root;
            contributions[FeatureCount] += _mean[at];
            while (_nodes[at].Left >= 0)
            {
                var next = Next(_nodes[at], features);
                contributions[_nodes[at].Feature] += _mean[next] - _mean[at];
                at = next;
            }
        }
        return contributions;
    }

    /// <summary>XGBoost's rule: left when x &lt; threshold, or when x is missing and the node's default is left.</summary>
    static int Next(in Node node, ReadOnlySpan<float> features)
    {
        var x = features[node.Feature];
        return float.IsNaN(x) ? (node.DefaultLeft ? node.Left : node.Right) : (x < node.Threshold ? node.Left : node.Right);
    }

    /// <summary>Reads an XGBoost JSON model; any problem names the file and the part that is wrong.</summary>
    public static TreeEnsemble Load(string path)
    {
        if (!File.Exists(path)) throw new ModelFormatException(path, "file not found");
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream);
            return Parse(path, doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException(path, $"not valid JSON ({e.Message})");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ModelFormatException(path, $"not an XGBoost JSON model ({e.Message})");
        }
    }

    static TreeEnsemble Parse(string path, JsonElement root)
    {
        var learner = root.GetProperty("learner");
        var booster = learner.GetProperty("gradient_booster");
        var kind = booster.GetProperty("name").GetString();
        if (kind != "gbtree") throw new ModelFormatException(path, $"booster '{kind}' is not supported; only gbtree");
        var modelParam = learner.GetProperty("learner_model_param");
        var baseScore = float.Parse(modelParam.GetProperty("base_score").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        var featureCount = int.Parse(modelParam.GetProperty("num_feature").GetString()!, CultureInfo.InvariantCulture);
        var objective = learner.GetProperty("objective").GetProperty("name").GetString() ?? "";

        var roots = new List<int>();
        List<Node> nodes = [];
        List<float> mean = [];
        var trees = booster.GetProperty("model").GetProperty("trees");
        foreach (var tree in trees.EnumerateArray())
        {
            var offset = nodes.Count;
            var l = Ints(tree, "left_children");
            var r = Ints(tree, "right_children");
            var f = Ints(tree, "split_indices");
            var t = tree.GetProperty("split_conditions").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var d = Ints(tree, "default_left");
            var h = tree.TryGetProperty("sum_hessian", out var hessians) ? hessians.EnumerateArray().Select(e => e.GetSingle()).ToArray() : null;
            if (tree.TryGetProperty("split_type", out var splitTypes) && splitTypes.EnumerateArray().Any(e => e.GetInt32() != 0))
                throw new ModelFormatException(path, $"tree {roots.Count} has categorical splits, which are not supported");
            var n = l.Length;
            if (new[] { r.Length, f.Length, t.Length, d.Length }.Any(len => len != n))
                throw new ModelFormatException(path, $"tree {roots.Count} has node arrays of different lengths");
            for (var i = 0; i < n; i++)
            {
                var leaf = l[i] == -1;
                if (!leaf && (l[i] <= i || l[i] >= n || r[i] <= i || r[i] >= n))
                    throw new ModelFormatException(path, $"tree {roots.Count} node {i} points to a child outside the tree");
                if (!leaf && (f[i] < 0 || f[i] >= featureCount))
                    throw new ModelFormatException(path, $"tree {roots.Count} node {i} splits on feature {f[i]} of {featureCount}");
                nodes.Add(new Node(leaf ? -1 : l[i] + offset, leaf ? -1 : r[i] + offset, leaf ? 0 : f[i], t[i], d[i] != 0));
            }
            mean.AddRange(NodeMeans(l, r, t, h));
            roots.Add(offset);
        }
        if (roots.Count == 0) throw new ModelFormatException(path, "the model holds no trees");
        return new TreeEnsemble(baseScore, featureCount, objective, [.. roots], [.. nodes], [.. mean]);
    }

    /// <summary>Leaf values averaged up the tree by hessian weight; equal weights when a model lacks sum_hessian.</summary>
    static float[] NodeMeans(int[] left, int[] right, float[] value, float[]? hessian)
    {
        var mean = new float[left.Length];
        var weight = new double[left.Length];
        // Children always follow their parent in XGBoost's arrays, so one backward pass suffices.
        for (var i = left.Length - 1; i >= 0; i--)
        {
            if (left[i] == -1)
            {
                mean[i] = value[i];
                weight[i] = hessian?[i] ?? 1;
                continue;
            }
            weight[i] = weight[left[i]] + weight[right[i]];
            mean[i] = weight[i] == 0 ? 0 : (float)((mean[left[i]] * weight[left[i]] + mean[right[i]] * weight[right[i]]) / weight[i]);
        }
        return mean;
    }

    static int[] Ints(JsonElement tree, string name) =>
        tree.GetProperty(name).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.True ? 1 : e.ValueKind == JsonValueKind.False ? 0 : e.GetInt32()).ToArray();
}
