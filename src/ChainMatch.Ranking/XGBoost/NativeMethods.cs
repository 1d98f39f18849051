using System.Reflection;
using System.Runtime.InteropServices;

namespace ChainMatch.Ranking.XGBoost;

/// <summary>
/// The few functions of XGBoost's C API (Debian's libxgboost0, XGBoost 1.7) that training needs.
/// Signatures follow /usr/include/xgboost/c_api.h from libxgboost-dev; bst_ulong is uint64_t.
/// Every call returns 0 on success and -1 on failure; <see cref="XGBoostException.Check"/> turns that into an exception.
/// </summary>
static partial class NativeMethods
{
    const string Library = "xgboost";

    static NativeMethods() => NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);

    // Debian installs only the versioned soname (libxgboost.so.0) unless the -dev package is present.
    static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (var candidate in new[] { "libxgboost.so.0", "libxgboost.so", "xgboost" })
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle)) return handle;
        throw new DllNotFoundException("libxgboost.so.0 not found: install Debian's libxgboost0 (make test does this when run as root)");
    }

    [LibraryImport(Library)]
    internal static partial IntPtr XGBGetLastError();

    [LibraryImport(Library)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Library)]
    internal static unsafe partial int XGDMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out IntPtr handle);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, float* values, ulong length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGDMatrixSetUIntInfo(DMatrixHandle handle, string field, uint* values, ulong length);

    [LibraryImport(Library)]
    internal static unsafe partial int XGBoosterCreate(IntPtr* matrices, ulong count, out IntPtr handle);

    [LibraryImport(Library)]
    internal static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(Library)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGBoosterPredictFromDMatrix(
        BoosterHandle handle, DMatrixHandle matrix, string config, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModel(BoosterHandle handle, string fileName);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterLoadModel(BoosterHandle handle, string fileName);

    [LibraryImport(Library)]
    internal static unsafe partial int XGBoosterSaveJsonConfig(BoosterHandle handle, out ulong length, out byte* json);
}
