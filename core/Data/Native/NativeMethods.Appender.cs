using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Core.Data.Native;

// Bulk loading through the appender. https://duckdb.org/docs/stable/clients/c/appender
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_appender_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState AppenderCreate(ConnectionHandle connection, string? schema, string table, out AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_error")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? AppenderError(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_count")]
    internal static partial ulong AppenderColumnCount(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_type")]
    internal static partial LogicalTypeHandle AppenderColumnType(AppenderHandle appender, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_flush")]
    internal static partial DuckDbState AppenderFlush(AppenderHandle appender);

    /// <summary>Drops the rows buffered since the last flush.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_appender_clear")]
    internal static partial DuckDbState AppenderClear(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_close")]
    internal static partial DuckDbState AppenderClose(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_destroy")]
    internal static partial DuckDbState AppenderDestroy(nint* appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_end_row")]
    internal static partial DuckDbState AppenderEndRow(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_bool")]
    internal static partial DuckDbState AppendBool(AppenderHandle appender, byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int32")]
    internal static partial DuckDbState AppendInt32(AppenderHandle appender, int value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int64")]
    internal static partial DuckDbState AppendInt64(AppenderHandle appender, long value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_hugeint")]
    internal static partial DuckDbState AppendHugeInt(AppenderHandle appender, DuckDbHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_double")]
    internal static partial DuckDbState AppendDouble(AppenderHandle appender, double value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_varchar_length")]
    internal static partial DuckDbState AppendVarchar(AppenderHandle appender, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_append_date")]
    internal static partial DuckDbState AppendDate(AppenderHandle appender, int days);

    [LibraryImport(Library, EntryPoint = "duckdb_append_timestamp")]
    internal static partial DuckDbState AppendTimestamp(AppenderHandle appender, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_append_null")]
    internal static partial DuckDbState AppendNull(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_data_chunk")]
    internal static partial DuckDbState AppendDataChunk(AppenderHandle appender, DataChunkHandle chunk);
}
