using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Core.Data.Native;

// Queries and result sets. https://duckdb.org/docs/stable/clients/c/query
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_query", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState Query(ConnectionHandle connection, string sql, ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_result")]
    internal static partial void DestroyResult(nint result);

    [LibraryImport(Library, EntryPoint = "duckdb_result_error")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? ResultError(ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_count")]
    internal static partial ulong ColumnCount(ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_name")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? ColumnName(ResultHandle result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_column_logical_type")]
    internal static partial LogicalTypeHandle ColumnLogicalType(ResultHandle result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_rows_changed")]
    internal static partial ulong RowsChanged(ResultHandle result);

    /// <summary>Next chunk of a (streaming or materialised) result; an invalid handle at the end or on error.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_fetch_chunk")]
    internal static partial DataChunkHandle FetchChunk(DuckDbResultStruct result);
}
