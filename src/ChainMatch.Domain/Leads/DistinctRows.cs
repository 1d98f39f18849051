using System.Buffers;
using System.Runtime.InteropServices;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// Packs feature rows as they are written, keeping one copy of rows equal bit for bit (so a missing value, NaN,
/// equals itself): an open-addressing table of row numbers on a pooled array, so a gap allocates no table of its own.
/// </summary>
internal sealed class DistinctRows : IDisposable
{
    readonly int _width;
    readonly float[] _matrix;
    readonly int[] _table;
    readonly int _mask;

    /// <param name="matrix">Room for every row; the distinct ones fill it from the start.</param>
    public DistinctRows(float[] matrix, int width, int rows)
    {
        _matrix = matrix;
        _width = width;
        // At most half full: short probes.
        var size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(2 * rows)));
        _table = ArrayPool<int>.Shared.Rent(size);
        _mask = size - 1;
        Array.Fill(_table, -1, 0, size);
    }

    public int Count { get; private set; }

    /// <summary>Where the next row is to be written; <see cref="Add"/> then keeps it or finds its equal.</summary>
    public Span<float> Next => _matrix.AsSpan(Count * _width, _width);

    /// <summary>Takes the row written at <see cref="Next"/>: its slot, a new one unless an equal row is held already.</summary>
    public int Add()
    {
        var row = MemoryMarshal.AsBytes(Next);
        var hash = new HashCode();
        hash.AddBytes(row);
        for (var i = hash.ToHashCode() & _mask; ; i = (i + 1) & _mask)
        {
            var slot = _table[i];
            if (slot < 0)
            {
                _table[i] = Count;
                return Count++;
            }
            if (MemoryMarshal.AsBytes(_matrix.AsSpan(slot * _width, _width)).SequenceEqual(row)) return slot;
        }
    }

    public void Dispose() => ArrayPool<int>.Shared.Return(_table);
}
