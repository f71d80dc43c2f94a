using System.Runtime.InteropServices;

namespace RiskMonitor.Analytics.Model.Native;

// One small SafeHandle per native XGBoost object. Each knows the single C call that releases it,
// so a leaked .NET object can never leak (or double-free) the native one.

internal abstract class XgbHandle : SafeHandle
{
    protected XgbHandle() : base(nint.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == nint.Zero;
}

/// <summary>A <c>DMatrixHandle</c>: XGBoost's own copy of a data matrix and its labels and weights.</summary>
internal sealed class DMatrixHandle : XgbHandle
{
    protected override bool ReleaseHandle() => NativeMethods.DMatrixFree(handle) == XgbResult.Success;
}

/// <summary>A <c>BoosterHandle</c>: a learner, its parameters and its trees.</summary>
internal sealed class BoosterHandle : XgbHandle
{
    protected override bool ReleaseHandle() => NativeMethods.BoosterFree(handle) == XgbResult.Success;
}
