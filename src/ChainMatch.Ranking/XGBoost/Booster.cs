using System.Text;

namespace ChainMatch.Ranking.XGBoost;

/// <summary>
/// An XGBoost booster for training and for XGBoost's own predictions (the reference of the parity test).
/// Not thread-safe: train on one thread; the service scores with the managed <see cref="Trees.TreeEnsemble"/>.
/// </summary>
public sealed class Booster : IDisposable
{
    const string PredictConfig = """{"type":0,"training":false,"iteration_begin":0,"iteration_end":0,"strict_shape":false}""";
    readonly BoosterHandle _handle;

    Booster(BoosterHandle handle) => _handle = handle;

    public static unsafe Booster Create(params DMatrix[] cache)
    {
        var handles = cache.Select(m => m.Handle.DangerousGetHandle()).ToArray();
        fixed (IntPtr* data = handles)
        {
            XGBoostException.Check(NativeMethods.XGBoosterCreate(data, (ulong)handles.Length, out var handle), "XGBoosterCreate");
            GC.KeepAlive(cache);
            return new Booster(new BoosterHandle(handle));
        }
    }

    public static Booster Load(string path)
    {
        var booster = Create();
        XGBoostException.Check(NativeMethods.XGBoosterLoadModel(booster._handle, path), $"XGBoosterLoadModel({path})");
        return booster;
    }

    public static (int Major, int Minor, int Patch) Version()
    {
        NativeMethods.XGBoostVersion(out var major, out var minor, out var patch);
        return (major, minor, patch);
    }

    public void SetParameter(string name, string value) =>
        XGBoostException.Check(NativeMethods.XGBoosterSetParam(_handle, name, value), $"XGBoosterSetParam({name}={value})");

    public void UpdateOneIteration(int iteration, DMatrix train) =>
        XGBoostException.Check(NativeMethods.XGBoosterUpdateOneIter(_handle, iteration, train.Handle), "XGBoosterUpdateOneIter");

    /// <summary>Margins for every row; copied out because XGBoost reuses its buffer on the next call.</summary>
    public unsafe float[] Predict(DMatrix matrix)
    {
        XGBoostException.Check(
            NativeMethods.XGBoosterPredictFromDMatrix(_handle, matrix.Handle, PredictConfig, out var shape, out var dims, out var result),
            "XGBoosterPredictFromDMatrix");
        ulong length = 1;
        for (ulong d = 0; d < dims; d++) length *= shape[d];
        return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
    }

    /// <summary>Saves the model; a .json path gives XGBoost's JSON format, which the managed scorer reads.</summary>
    public void Save(string path) => XGBoostException.Check(NativeMethods.XGBoosterSaveModel(_handle, path), $"XGBoosterSaveModel({path})");

    /// <summary>The effective configuration, to confirm which parameters XGBoost actually used.</summary>
    public unsafe string JsonConfig()
    {
        XGBoostException.Check(NativeMethods.XGBoosterSaveJsonConfig(_handle, out var length, out var json), "XGBoosterSaveJsonConfig");
        return Encoding.UTF8.GetString(json, checked((int)length));
    }

    public void Dispose() => _handle.Dispose();
}
