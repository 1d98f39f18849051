namespace ChainMatch.Ranking.Trees;

/// <summary>
/// Per row, the most the trees after each stage can still add to its score, read from a table. The trees compare
/// each feature with a few thresholds only, so a value matters only through its bin: how many of the feature's
/// thresholds it exceeds (or missing). For the features that split the trees most, every combination of their bins
/// is a cell, holding per stage the sum over the later trees of the highest leaf a row in that cell can reach,
/// whatever its other features. No row's later trees add more than its cell says.
/// </summary>
sealed class ScoreBound
{
    readonly int[] _features;
    /// <summary>Per feature of the table, its thresholds ascending; bin = how many are below the value, missing = their count + 1.</summary>
    readonly float[][] _thresholds;
    readonly int[] _stride;
    /// <summary>Cell c's bound after stage s is _after[c * stages + s].</summary>
    readonly double[] _after;
    readonly int _stageCount;

    /// <param name="stages">The roots of each stage's trees.</param>
    /// <param name="cells">At most this many cells: features are taken, most splits first, while the table stays within it.</param>
    public ScoreBound(TreeEnsemble trees, IReadOnlyList<int[]> stages, int cells)
    {
        var featureCount = trees.FeatureCount;
        var splits = trees.Splits().ToList();
        var thresholds = Enumerable.Range(0, featureCount)
            .Select(f => splits.Where(s => s.Feature == f).Select(s => s.Threshold).Distinct().Order().ToArray()).ToArray();
        List<int> features = [];
        var size = 1;
        foreach (var f in Enumerable.Range(0, featureCount).Where(f => thresholds[f].Length > 0)
                     .OrderByDescending(f => splits.Count(s => s.Feature == f)).ThenBy(f => f))
        {
            var bins = thresholds[f].Length + 2;
            if ((long)size * bins > cells) continue;
            features.Add(f);
            size *= bins;
        }
        _features = [.. features];
        _thresholds = [.. features.Select(f => thresholds[f])];
        _stride = new int[_features.Length];
        for (int i = _features.Length - 1, stride = 1; i >= 0; stride *= _thresholds[i].Length + 2, i--) _stride[i] = stride;
        _stageCount = stages.Count;
        _after = new double[size * _stageCount];
        var row = new float[featureCount];
        var known = new bool[featureCount];
        foreach (var f in _features) known[f] = true;
        for (var cell = 0; cell < size; cell++)
        {
            // A value standing for each bin: its highest threshold itself (not above it), +∞ above them all, NaN.
            for (var i = 0; i < _features.Length; i++)
            {
                var bin = cell / _stride[i] % (_thresholds[i].Length + 2);
                row[_features[i]] = bin < _thresholds[i].Length ? _thresholds[i][bin] : bin == _thresholds[i].Length ? float.PositiveInfinity : float.NaN;
            }
            var later = 0d;
            for (var s = _stageCount - 1; s >= 0; s--)
            {
                _after[cell * _stageCount + s] = later;
                later += stages[s].Sum(root => trees.MostReachable(root, row, known));
            }
        }
    }

    /// <summary>The row's cell in the table.</summary>
    public int Cell(ReadOnlySpan<float> row)
    {
        var cell = 0;
        for (var i = 0; i < _features.Length; i++)
        {
            var x = row[_features[i]];
            cell += (float.IsNaN(x) ? _thresholds[i].Length + 1 : Below(_thresholds[i], x)) * _stride[i];
        }
        return cell;
    }

    /// <summary>The most the trees after <paramref name="stage"/> can add to the score of a row in <paramref name="cell"/>.</summary>
    public double After(int cell, int stage) => _after[cell * _stageCount + stage];

    /// <summary>How many thresholds are below <paramref name="x"/>: a value's bin among a feature's split points.</summary>
    internal static int Below(float[] thresholds, float x)
    {
        int lo = 0, hi = thresholds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (thresholds[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
