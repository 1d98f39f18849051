namespace ChainMatch.Ranking.XGBoost;

/// <summary>A dense feature matrix with labels and query groups, as XGBoost trains and predicts on it.</summary>
public sealed class DMatrix : IDisposable
{
    internal DMatrixHandle Handle { get; }
    public int Rows { get; }
    public int Columns { get; }

    DMatrix(DMatrixHandle handle, int rows, int columns)
    {
        Handle = handle;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Row-major features; NaN marks a missing value.</summary>
    public static unsafe DMatrix FromDense(ReadOnlySpan<float> features, int rows, int columns)
    {
        if (features.Length != rows * columns)
            throw new ArgumentException($"{features.Length} values cannot fill {rows} rows × {columns} columns", nameof(features));
        fixed (float* data = features)
        {
            XGBoostException.Check(NativeMethods.XGDMatrixCreateFromMat(data, (ulong)rows, (ulong)columns, float.NaN, out var handle), "XGDMatrixCreateFromMat");
            return new DMatrix(new DMatrixHandle(handle), rows, columns);
        }
    }

    public unsafe void SetLabels(ReadOnlySpan<float> labels)
    {
        if (labels.Length != Rows) throw new ArgumentException($"{labels.Length} labels for {Rows} rows", nameof(labels));
        fixed (float* data = labels)
            XGBoostException.Check(NativeMethods.XGDMatrixSetFloatInfo(Handle, "label", data, (ulong)labels.Length), "XGDMatrixSetFloatInfo(label)");
    }

    /// <summary>Sizes of consecutive query groups; rows must already be sorted by query.</summary>
    public unsafe void SetGroups(ReadOnlySpan<uint> groupSizes)
    {
        long total = 0;
        foreach (var size in groupSizes) total += size;
        if (total != Rows) throw new ArgumentException($"groups cover {total} rows of {Rows}", nameof(groupSizes));
        fixed (uint* data = groupSizes)
            XGBoostException.Check(NativeMethods.XGDMatrixSetUIntInfo(Handle, "group", data, (ulong)groupSizes.Length), "XGDMatrixSetUIntInfo(group)");
    }

    public void Dispose() => Handle.Dispose();
}
