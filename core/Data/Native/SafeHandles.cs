using System.Runtime.InteropServices;

namespace RiskMonitor.Core.Data.Native;

// One small SafeHandle per native DuckDB object. Each knows the single C call that releases it,
// so a leaked .NET object can never leak (or double-free) the native one.

internal abstract class DuckDbHandle : SafeHandle
{
    protected DuckDbHandle() : base(nint.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == nint.Zero;
}

internal sealed class DatabaseHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.Close(&h);
        return true;
    }
}

internal sealed class ConnectionHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.Disconnect(&h);
        return true;
    }
}

internal sealed class ConfigHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyConfig(&h);
        return true;
    }
}

internal sealed class PreparedStatementHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyPrepare(&h);
        return true;
    }
}

internal sealed class PendingResultHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyPending(&h);
        return true;
    }
}

/// <summary>Owns a <c>duckdb_result</c> struct allocated in native memory (the C API fills it in place).</summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    public static ResultHandle Allocate()
    {
        var result = new ResultHandle();
        var memory = NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct));
        result.SetHandle((nint)memory);
        return result;
    }

    /// <summary>The struct by value, for the calls that take it so (<c>duckdb_fetch_chunk</c>).</summary>
    public DuckDbResultStruct Value => *(DuckDbResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.DestroyResult(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

internal sealed class DataChunkHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyDataChunk(&h);
        return true;
    }
}

internal sealed class LogicalTypeHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyLogicalType(&h);
        return true;
    }
}

internal sealed class AppenderHandle : DuckDbHandle
{
    protected override unsafe bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.AppenderDestroy(&h);
        return true;
    }
}
