using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChainMatch.Ranking.Trees;

/// <summary>
/// The most the trees can give a row of which only a range per feature is known (a box, see
/// <see cref="TreeEnsemble.MostInBox"/>). A tree's split compares a feature with one threshold, so a value matters only
/// through its bin among the feature's thresholds: boxes with the same bins at both ends have the same bound, which is
/// worked out once (a walk of every tree, both ways where the box straddles a split) and kept for the model's lifetime.
/// </summary>
sealed class BoxBound
{
    /// <summary>Boxes of models with more features than this are bounded without the table.</summary>
    const int MaxFeatures = Key.Length / 2;
    /// <summary>At most this many boxes are kept; beyond it a bound is worked out each time.</summary>
    const int MaxKept = 1 << 18;
    /// <summary>Small whole values are binned by lookup: counts and flags, most of a box's ends.</summary>
    const int Small = 64;

    readonly TreeEnsemble _trees;
    /// <summary>Per feature, its thresholds ascending; bin = how many are below the value, missing = their count + 1.</summary>
    readonly float[][] _thresholds;
    readonly ushort[][] _smallBins;
    readonly ConcurrentDictionary<Key, double> _kept = new();
    // The cap is checked on every box not yet kept: ConcurrentDictionary.Count would take all its locks each time.
    int _keptCount;

    public BoxBound(TreeEnsemble trees)
    {
        _trees = trees;
        var splits = trees.Splits().ToList();
        _thresholds = [.. Enumerable.Range(0, trees.FeatureCount)
            .Select(f => splits.Where(s => s.Feature == f).Select(s => s.Threshold).Distinct().Order().ToArray())];
        _smallBins = [.. _thresholds.Select(t => Enumerable.Range(0, Small).Select(v => (ushort)ScoreBound.Below(t, v)).ToArray())];
    }

    public ReadOnlySpan<float> Thresholds(int feature) => _thresholds[feature];

    /// <summary>The most the trees give a row within the box (see <see cref="TreeEnsemble.MostInBox"/> for its form).</summary>
    public double Most(ReadOnlySpan<float> lo, ReadOnlySpan<float> hi)
    {
        if (_thresholds.Length > MaxFeatures) return _trees.MostInBox(lo, hi);
        var key = new Key();
        Span<ushort> bins = key;
        for (var f = 0; f < _thresholds.Length; f++)
        {
            var missing = (ushort)(_thresholds[f].Length + 1);
            // (missing, missing): missing; (missing, b): missing or up to bin b; else the bins of both ends. Most
            // features of a box are one value: binned once.
            var low = bins[2 * f] = float.IsNaN(lo[f]) ? missing : Bin(f, lo[f]);
            bins[2 * f + 1] = BitConverter.SingleToInt32Bits(hi[f]) == BitConverter.SingleToInt32Bits(lo[f]) ? low
                : float.IsNaN(hi[f]) ? missing : Bin(f, hi[f]);
        }
        if (_kept.TryGetValue(key, out var most)) return most;
        most = _trees.MostInBox(lo, hi);
        if (Volatile.Read(ref _keptCount) < MaxKept && _kept.TryAdd(key, most)) Interlocked.Increment(ref _keptCount);
        return most;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ushort Bin(int feature, float x)
    {
        var whole = (int)x;
        return whole == x && (uint)whole < Small ? _smallBins[feature][whole] : (ushort)ScoreBound.Below(_thresholds[feature], x);
    }

    /// <summary>A box's bins, both ends of each feature in turn; unused places stay 0.</summary>
    [InlineArray(Length)]
    struct Key : IEquatable<Key>
    {
        public const int Length = 64;
        ushort _first;

        readonly ReadOnlySpan<ulong> Words => MemoryMarshal.Cast<ushort, ulong>(MemoryMarshal.CreateReadOnlySpan(in _first, Length));

        public readonly bool Equals(Key other) => Words.SequenceEqual(other.Words);
        public override readonly bool Equals(object? obj) => obj is Key other && Equals(other);

        // Asked once per candidate: a multiply and a rotation per word, not a general byte hash.
        public override readonly int GetHashCode()
        {
            var hash = 0UL;
            foreach (var word in Words) hash = System.Numerics.BitOperations.RotateLeft((hash ^ word) * 0x9E3779B97F4A7C15UL, 29);
            return (int)(hash ^ (hash >> 32));
        }
    }
}
