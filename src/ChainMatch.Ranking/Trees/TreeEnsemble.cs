using System.Globalization;
using System.Text.Json;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// XGBoost's saved trees (JSON format), evaluated in managed code so serving needs no native library.
/// All trees live in flat arrays; a node goes left when x[feature] &lt; threshold, or when x[feature] is
/// missing (NaN) and its default is left. A leaf's value sits in the threshold slot. Immutable, so
/// thread-safe. Parity with XGBoost's own predictions is held by a test.
/// </summary>
public sealed class TreeEnsemble
{
    readonly int[] _roots;
    readonly int[] _left;
    readonly int[] _right;
    readonly int[] _feature;
    readonly float[] _threshold;
    readonly bool[] _defaultLeft;
    // Hessian-weighted mean of the leaves under each node, for per-feature contributions.
    readonly float[] _mean;

    public float BaseScore { get; }
    public int FeatureCount { get; }
    public int TreeCount => _roots.Length;
    public string Objective { get; }

    TreeEnsemble(float baseScore, int featureCount, string objective, int[] roots, int[] left, int[] right, int[] feature, float[] threshold, bool[] defaultLeft, float[] mean)
    {
        _mean = mean;
        BaseScore = baseScore;
        FeatureCount = featureCount;
        Objective = objective;
        _roots = roots;
        _left = left;
        _right = right;
        _feature = feature;
        _threshold = threshold;
        _defaultLeft = defaultLeft;
    }

    public float Score(ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
            throw new ArgumentException($"the model takes {FeatureCount} features, not {features.Length}", nameof(features));
        var sum = 0f;
        foreach (var root in _roots)
        {
            var node = root;
            while (_left[node] >= 0)
            {
                var x = features[_feature[node]];
                node = float.IsNaN(x)
                    ? (_defaultLeft[node] ? _left[node] : _right[node])
                    : (x < _threshold[node] ? _left[node] : _right[node]);
            }
            sum += _threshold[node];
        }
        return BaseScore + sum;
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
            var node = root;
            contributions[FeatureCount] += _mean[node];
            while (_left[node] >= 0)
            {
                var x = features[_feature[node]];
                var next = float.IsNaN(x)
                    ? (_defaultLeft[node] ? _left[node] : _right[node])
                    : (x < _threshold[node] ? _left[node] : _right[node]);
                contributions[_feature[node]] += _mean[next] - _mean[node];
                node = next;
            }
        }
        return contributions;
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
        List<int> left = [], right = [], feature = [];
        List<float> threshold = [];
        List<bool> defaultLeft = [];
        List<float> mean = [];
        var trees = booster.GetProperty("model").GetProperty("trees");
        foreach (var tree in trees.EnumerateArray())
        {
            var offset = left.Count;
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
                left.Add(leaf ? -1 : l[i] + offset);
                right.Add(leaf ? -1 : r[i] + offset);
                feature.Add(f[i]);
                threshold.Add(t[i]);
                defaultLeft.Add(d[i] != 0);
            }
            mean.AddRange(NodeMeans(l, r, t, h));
            roots.Add(offset);
        }
        if (roots.Count == 0) throw new ModelFormatException(path, "the model holds no trees");
        return new TreeEnsemble(baseScore, featureCount, objective, [.. roots], [.. left], [.. right], [.. feature], [.. threshold], [.. defaultLeft], [.. mean]);
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
