using RiskMonitor.Core.Data.Native;
using RiskMonitor.Core.Data.Vectors;

namespace RiskMonitor.Core.Data;

/// <summary>
/// Forward-only reader over a query's data chunks. Holds one chunk (at most 2,048 rows) at a time, so memory stays flat
/// however large the result. An error DuckDB raises while producing later chunks surfaces from <see cref="Read"/>.
/// </summary>
public sealed partial class DuckDbDataReader : IDisposable
{
    private readonly ResultHandle _result;
    private readonly PendingResultHandle _pending;
    private readonly DuckDbStatement? _ownedStatement;
    private readonly VectorReader[] _readers;
    private readonly string[] _names;
    private Dictionary<string, int>? _ordinals;
    private DataChunkHandle? _chunk;
    private int _chunkSize;
    private int _row;
    private bool _finished;
    private bool _disposed;

    internal DuckDbDataReader(ResultHandle result, PendingResultHandle pending, DuckDbStatement? ownedStatement)
    {
        _result = result;
        _pending = pending;
        _ownedStatement = ownedStatement;
        var count = checked((int)NativeMethods.ColumnCount(result));
        _readers = new VectorReader[count];
        _names = new string[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ColumnName(result, (ulong)i) ?? string.Empty;
            using var type = NativeMethods.ColumnLogicalType(result, (ulong)i);
            _readers[i] = VectorReader.Create(type);
        }
    }

    public int FieldCount => _readers.Length;

    public string GetName(int ordinal) => _names[ordinal];

    public DuckDbType GetColumnType(int ordinal) => _readers[ordinal].Type;

    /// <summary>The .NET type <see cref="GetValue"/> returns for this column.</summary>
    public Type GetFieldType(int ordinal) => _readers[ordinal].ClrType;

    public int GetOrdinal(string name)
    {
        _ordinals ??= _names.Select((n, i) => (n, i)).GroupBy(p => p.n, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        return _ordinals.TryGetValue(name, out var ordinal)
            ? ordinal
            : throw new ArgumentOutOfRangeException(nameof(name), $"no column named '{name}' in the result");
    }

    /// <summary>Advances to the next row; false at the end.</summary>
    public bool Read()
    {
        if (++_row < _chunkSize)
        {
            return true;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        return !_finished && NextChunk();
    }

    /// <summary>The current row within the chunk. Guards every value access: without a row there is no chunk to read, and
    /// a pointer into a freed or absent chunk must never be followed.</summary>
    private int Row
    {
        get
        {
            if ((uint)_row >= (uint)_chunkSize)
            {
                ThrowNoRow();
            }

            return _row;
        }
    }

    private void ThrowNoRow()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        throw new InvalidOperationException("the reader is not on a row: call Read() first and only while it returns true");
    }

    private bool NextChunk()
    {
        while (true)
        {
            _chunk?.Dispose();
            _chunk = NativeMethods.FetchChunk(_result.Value);
            if (_chunk.IsInvalid)
            {
                _finished = true;
                _chunkSize = 0;
                var error = NativeMethods.ResultError(_result);
                if (error is not null)
                {
                    throw new DuckDbException(error);
                }

                return false;
            }

            _chunkSize = checked((int)NativeMethods.DataChunkGetSize(_chunk));
            if (_chunkSize == 0)
            {
                continue;
            }

            for (var i = 0; i < _readers.Length; i++)
            {
                _readers[i].Attach(NativeMethods.DataChunkGetVector(_chunk, (ulong)i));
            }

            _row = 0;
            return true;
        }
    }

    public bool IsNull(int ordinal) => !_readers[ordinal].IsValid(Row);

    /// <summary>The value as its natural .NET type (see <see cref="GetFieldType"/>), or null for SQL NULL.</summary>
    public object? GetValue(int ordinal) => IsNull(ordinal) ? null : _readers[ordinal].GetValue(_row);

    public string GetString(int ordinal) => NotNull(ordinal).GetString(_row);

    public bool GetBoolean(int ordinal) => NotNull(ordinal).GetBoolean(_row);

    public int GetInt32(int ordinal) => checked((int)NotNull(ordinal).GetInt64(_row));

    public long GetInt64(int ordinal) => NotNull(ordinal).GetInt64(_row);

    public Int128 GetInt128(int ordinal) => NotNull(ordinal).GetInt128(_row);

    public double GetDouble(int ordinal) => NotNull(ordinal).GetDouble(_row);

    public decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(_row);

    public DateOnly GetDate(int ordinal) => NotNull(ordinal).GetDate(_row);

    public DateTime GetDateTime(int ordinal) => NotNull(ordinal).GetDateTime(_row);

    /// <summary>A LIST column's elements as strings.</summary>
    public string?[] GetStringList(int ordinal) =>
        NotNull(ordinal) is ListVectorReader list
            ? list.GetStringList(_row)
            : throw new InvalidCastException($"column '{_names[ordinal]}' is {_readers[ordinal].Type}, not a LIST");

    public string? GetStringOrNull(int ordinal) => IsNull(ordinal) ? null : GetString(ordinal);

    public long? GetInt64OrNull(int ordinal) => IsNull(ordinal) ? null : GetInt64(ordinal);

    public double? GetDoubleOrNull(int ordinal) => IsNull(ordinal) ? null : GetDouble(ordinal);

    public DateOnly? GetDateOrNull(int ordinal) => IsNull(ordinal) ? null : GetDate(ordinal);

    private VectorReader NotNull(int ordinal)
    {
        var reader = _readers[ordinal];
        if (!reader.IsValid(Row))
        {
            throw new InvalidCastException($"column '{_names[ordinal]}' is NULL in this row");
        }

        return reader;
    }

    public void Dispose()
    {
        _disposed = true;
        _chunkSize = 0;
        _chunk?.Dispose();
        _result.Dispose();
        _pending.Dispose();
        _ownedStatement?.Dispose();
    }
}
