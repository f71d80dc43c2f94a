using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Core.Data.Native;

// Prepared statements, parameter binding and (streaming) execution.
// https://duckdb.org/docs/stable/clients/c/prepared and https://duckdb.org/docs/stable/clients/c/api (pending results)
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_prepare", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState Prepare(ConnectionHandle connection, string sql, out PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_prepare")]
    internal static partial void DestroyPrepare(nint* statement);

    [LibraryImport(Library, EntryPoint = "duckdb_prepare_error")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? PrepareError(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_nparams")]
    internal static partial ulong ParameterCount(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_prepared_statement_type")]
    internal static partial int StatementType(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_clear_bindings")]
    internal static partial DuckDbState ClearBindings(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_boolean")]
    internal static partial DuckDbState BindBoolean(PreparedStatementHandle statement, ulong index, byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int32")]
    internal static partial DuckDbState BindInt32(PreparedStatementHandle statement, ulong index, int value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int64")]
    internal static partial DuckDbState BindInt64(PreparedStatementHandle statement, ulong index, long value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_hugeint")]
    internal static partial DuckDbState BindHugeInt(PreparedStatementHandle statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_double")]
    internal static partial DuckDbState BindDouble(PreparedStatementHandle statement, ulong index, double value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_decimal")]
    internal static partial DuckDbState BindDecimal(PreparedStatementHandle statement, ulong index, DuckDbDecimalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_varchar_length")]
    internal static partial DuckDbState BindVarchar(PreparedStatementHandle statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_blob")]
    internal static partial DuckDbState BindBlob(PreparedStatementHandle statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_date")]
    internal static partial DuckDbState BindDate(PreparedStatementHandle statement, ulong index, int days);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_timestamp")]
    internal static partial DuckDbState BindTimestamp(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_null")]
    internal static partial DuckDbState BindNull(PreparedStatementHandle statement, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_prepared")]
    internal static partial DuckDbState ExecutePrepared(PreparedStatementHandle statement, ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_pending_prepared_streaming")]
    internal static partial DuckDbState PendingPreparedStreaming(PreparedStatementHandle statement, out PendingResultHandle pending);

    [LibraryImport(Library, EntryPoint = "duckdb_pending_error")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? PendingError(PendingResultHandle pending);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_pending")]
    internal static partial DuckDbState ExecutePending(PendingResultHandle pending, ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_pending")]
    internal static partial void DestroyPending(nint* pending);
}
