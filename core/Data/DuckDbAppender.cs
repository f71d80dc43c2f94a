using System.Text;
using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data;

/// <summary>
/// Bulk loading into one table, row by row in column order. Call <see cref="Close"/> to flush the last rows and learn of
/// any constraint error; <see cref="Dispose"/> alone abandons what was not yet flushed.
/// </summary>
public sealed class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly DuckDbConnection _connection;
    private byte[] _buffer = new byte[256];
    private bool _closed;

    internal DuckDbAppender(AppenderHandle handle, DuckDbConnection connection)
    {
        _handle = handle;
        _connection = connection;
        ColumnCount = checked((int)NativeMethods.AppenderColumnCount(handle));
    }

    public int ColumnCount { get; }

    public DuckDbConnection Connection => _connection;

    public unsafe DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_buffer.Length < max)
        {
            _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _buffer);
        fixed (byte* p = _buffer)
        {
            return Check(NativeMethods.AppendVarchar(_handle, p, (ulong)length));
        }
    }

    public DuckDbAppender Append(long value) => Check(NativeMethods.AppendInt64(_handle, value));

    public DuckDbAppender Append(int value) => Check(NativeMethods.AppendInt32(_handle, value));

    public DuckDbAppender Append(double value) => Check(NativeMethods.AppendDouble(_handle, value));

    public DuckDbAppender Append(bool value) => Check(NativeMethods.AppendBool(_handle, value ? (byte)1 : (byte)0));

    public DuckDbAppender Append(Int128 value) => Check(NativeMethods.AppendHugeInt(_handle, new DuckDbHugeInt(value)));

    /// <summary>Decimals go in as their exact text and DuckDB casts them to the column's DECIMAL(w, s).</summary>
    public DuckDbAppender Append(decimal value) => Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.AppendDate(_handle, DuckDbValues.DaysFromDate(value)));

    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.AppendTimestamp(_handle, DuckDbValues.MicrosFromDateTime(value)));

    public DuckDbAppender AppendNull() => Check(NativeMethods.AppendNull(_handle));

    public DuckDbAppender Append(long? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(int? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(double? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(bool? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateOnly? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateTime? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(decimal? value) => value is { } v ? Append(v) : AppendNull();

    public void EndRow() => Check(NativeMethods.AppenderEndRow(_handle));

    /// <summary>Writes buffered rows to the table now.</summary>
    public void Flush() => Check(NativeMethods.AppenderFlush(_handle));

    /// <summary>Flushes and closes; a constraint violation in the buffered rows surfaces here.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Check(NativeMethods.AppenderClose(_handle));
    }

    internal AppenderHandle Handle => _handle;

    internal DuckDbAppender Check(DuckDbState state) =>
        state == DuckDbState.Success ? this : throw DuckDbException.From(NativeMethods.AppenderError(_handle), "DuckDB appender failed");

    /// <summary>Releases the appender, abandoning rows not yet flushed (see <see cref="Close"/>).</summary>
    public void Dispose()
    {
        if (!_handle.IsClosed)
        {
            // duckdb_appender_destroy flushes whatever is buffered and can only report failure to nobody. Clearing first makes
            // an abandoned load (an exception mid-way) write nothing more, and leaves Close as the one place errors surface.
            NativeMethods.AppenderClear(_handle);
        }

        _handle.Dispose();
    }
}
