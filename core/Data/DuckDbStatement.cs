using System.Buffers;
using System.Text;
using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data;

/// <summary>A prepared statement with typed, positional parameter binding (1-based, as <c>$1</c> in SQL).</summary>
public sealed class DuckDbStatement : IDisposable
{
    private readonly PreparedStatementHandle _handle;
    private readonly DuckDbConnection _connection;

    internal DuckDbStatement(PreparedStatementHandle handle, DuckDbConnection connection)
    {
        _handle = handle;
        _connection = connection;
        ParameterCount = checked((int)NativeMethods.ParameterCount(handle));
    }

    public int ParameterCount { get; }

    public DuckDbConnection Connection => _connection;

    /// <summary>Binds <paramref name="values"/> to <c>$1…$n</c>; their number must match the statement's.</summary>
    public DuckDbStatement BindAll(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != ParameterCount)
        {
            throw new DuckDbException($"statement expects {ParameterCount} parameter(s) but {values.Length} were given");
        }

        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        return this;
    }

    /// <summary>Binds one value by its .NET type: text, integers, floating point, decimal, bool, date, timestamp, blob or null.</summary>
    public unsafe DuckDbStatement Bind(int index, object? value)
    {
        var i = (ulong)index;
        var state = value switch
        {
            null or DBNull => NativeMethods.BindNull(_handle, i),
            string s => BindString(i, s),
            bool b => NativeMethods.BindBoolean(_handle, i, b ? (byte)1 : (byte)0),
            byte or sbyte or short or ushort or int => NativeMethods.BindInt32(_handle, i, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)),
            uint u => NativeMethods.BindInt64(_handle, i, u),
            long l => NativeMethods.BindInt64(_handle, i, l),
            ulong ul => NativeMethods.BindHugeInt(_handle, i, new DuckDbHugeInt(ul)),
            Int128 h => NativeMethods.BindHugeInt(_handle, i, new DuckDbHugeInt(h)),
            float f => NativeMethods.BindDouble(_handle, i, f),
            double d => NativeMethods.BindDouble(_handle, i, d),
            decimal m => NativeMethods.BindDecimal(_handle, i, DuckDbValues.DecimalToNative(m)),
            DateOnly date => NativeMethods.BindDate(_handle, i, DuckDbValues.DaysFromDate(date)),
            DateTime dt => NativeMethods.BindTimestamp(_handle, i, DuckDbValues.MicrosFromDateTime(dt)),
            DateTimeOffset dto => NativeMethods.BindTimestamp(_handle, i, DuckDbValues.MicrosFromDateTime(dto.UtcDateTime)),
            Guid g => BindString(i, g.ToString()),
            byte[] blob => BindBlob(i, blob),
            _ => throw new ArgumentException($"cannot bind a value of type {value.GetType().Name} to a DuckDB parameter", nameof(value)),
        };
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException($"could not bind parameter ${index} ({value?.GetType().Name ?? "null"}); the statement has {ParameterCount} parameter(s)");
        }

        return this;
    }

    private unsafe DuckDbState BindString(ulong index, string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(byteCount, 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            fixed (byte* p = rented)
            {
                return NativeMethods.BindVarchar(_handle, index, p, (ulong)written);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private unsafe DuckDbState BindBlob(ulong index, byte[] value)
    {
        fixed (byte* p = value)
        {
            return NativeMethods.BindBlob(_handle, index, p, (ulong)value.Length);
        }
    }

    public void ClearBindings() => NativeMethods.ClearBindings(_handle);

    /// <summary>Executes and returns the number of rows changed (0 for queries).</summary>
    public long ExecuteNonQuery()
    {
        using var result = ResultHandle.Allocate();
        if (NativeMethods.ExecutePrepared(_handle, result) != DuckDbState.Success)
        {
            throw DuckDbException.From(NativeMethods.ResultError(result), "DuckDB could not execute the statement");
        }

        return (long)NativeMethods.RowsChanged(result);
    }

    /// <summary>Executes as a streaming query. The statement must stay alive until the reader is disposed.</summary>
    public DuckDbDataReader ExecuteReader() => ExecuteReader(ownsStatement: false);

    internal DuckDbDataReader ExecuteReader(bool ownsStatement)
    {
        if (NativeMethods.PendingPreparedStreaming(_handle, out var pending) != DuckDbState.Success)
        {
            var message = pending.IsInvalid ? null : NativeMethods.PendingError(pending);
            pending.Dispose();
            throw DuckDbException.From(message, "DuckDB could not start the query");
        }

        var result = ResultHandle.Allocate();
        if (NativeMethods.ExecutePending(pending, result) != DuckDbState.Success)
        {
            var message = NativeMethods.ResultError(result) ?? NativeMethods.PendingError(pending);
            result.Dispose();
            pending.Dispose();
            throw DuckDbException.From(message, "DuckDB could not execute the query");
        }

        return new DuckDbDataReader(result, pending, ownsStatement ? this : null);
    }

    public void Dispose() => _handle.Dispose();
}
