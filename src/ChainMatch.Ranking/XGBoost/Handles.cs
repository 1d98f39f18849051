using System.Runtime.InteropServices;

namespace ChainMatch.Ranking.XGBoost;

/// <summary>An XGBoost DMatrix, freed when disposed or finalised.</summary>
sealed class DMatrixHandle : SafeHandle
{
    public DMatrixHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public DMatrixHandle(IntPtr handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.XGDMatrixFree(handle) == 0;
}

/// <summary>An XGBoost booster, freed when disposed or finalised.</summary>
sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public BoosterHandle(IntPtr handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.XGBoosterFree(handle) == 0;
}
