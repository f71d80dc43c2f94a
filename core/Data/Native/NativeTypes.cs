using System.Runtime.InteropServices;

namespace RiskMonitor.Core.Data.Native;

/// <summary>Return code of most DuckDB C API calls.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary>The C API's <c>duckdb_result</c>: opaque to us except for its size, which must match the C struct exactly.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// <summary><c>duckdb_string_t</c>: 16 bytes; strings of up to 12 bytes are stored inline, longer ones behind a pointer.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal unsafe struct DuckDbStringStruct
{
    public const int InlineLength = 12;
    [FieldOffset(0)] public uint Length;
    [FieldOffset(4)] public fixed byte Inlined[12];
    [FieldOffset(8)] public byte* Pointer;
}

/// <summary><c>duckdb_hugeint</c>: a signed 128-bit integer as two 64-bit halves.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeInt
{
    public ulong Lower;
    public long Upper;

    public DuckDbHugeInt(Int128 value)
    {
        Lower = (ulong)(value & ulong.MaxValue);
        Upper = (long)(value >> 64);
    }

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);
}

/// <summary><c>duckdb_decimal</c>: width, scale and the unscaled value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalStruct
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}

/// <summary><c>duckdb_list_entry</c>: where one row's list lives in the child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}

/// <summary><c>duckdb_interval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbIntervalStruct
{
    public int Months;
    public int Days;
    public long Micros;
}
