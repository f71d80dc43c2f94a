using System.Runtime.InteropServices;

namespace RiskMonitor.Analytics.Model.Native;

// Data matrices. https://xgboost.readthedocs.io/en/release_1.7.0/c.html (section "DMatrix")
internal static unsafe partial class NativeMethods
{
    /// <summary>Copies a dense row-major matrix; cells equal to <paramref name="missing"/> (NaN matches NaN) are absent.</summary>
    [LibraryImport(Library, EntryPoint = "XGDMatrixCreateFromMat")]
    internal static partial XgbResult DMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out DMatrixHandle matrix);

    /// <summary>Copies a float vector into the matrix's meta info: <c>label</c>, <c>weight</c>, <c>base_margin</c>…</summary>
    [LibraryImport(Library, EntryPoint = "XGDMatrixSetFloatInfo", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial XgbResult DMatrixSetFloatInfo(DMatrixHandle matrix, string field, float* values, ulong length);

    /// <summary>Called only from <see cref="DMatrixHandle.ReleaseHandle"/>, hence the raw pointer.</summary>
    [LibraryImport(Library, EntryPoint = "XGDMatrixFree")]
    internal static partial XgbResult DMatrixFree(nint matrix);
}
