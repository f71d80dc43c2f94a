using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Unicode;
using RiskMonitor.Core.Data.Native;
using RiskMonitor.Core.Data.Vectors;

namespace RiskMonitor.Core.Data;

/// <summary>
/// Bulk loading into one table, row by row in column order like <see cref="DuckDbAppender"/>, but written straight into
/// DuckDB data chunks (2,048 rows each) that go to the table a whole chunk at a time: one native call per chunk instead of
/// one per value, and strings written into the chunk without any native call.
/// </summary>
/// <remarks>
/// <para>The table's columns may be BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, TIMESTAMP, VARCHAR and VARCHAR[]; each value
/// must be appended with the matching overload (an <see cref="int"/> may also go into a BIGINT column).</para>
/// <para>With <c>queuedChunks</c> above zero, full chunks are appended on a worker thread while the caller fills the next
/// ones, up to that many waiting at once: memory is bounded by the queue, not by the load, and chunks are created only as
/// the queue first needs them. (DuckDB's own work comes in bursts, compressing a row group of 122,880 rows now and then; a
/// deeper queue lets the caller parse on through a burst, but it cannot make DuckDB's share of the work finish sooner.) Errors from the worker surface on a
/// later <see cref="EndRow"/>, <see cref="Flush"/> or <see cref="Close"/>. While the worker runs, the connection must not be
/// used from another thread.</para>
/// <para>Call <see cref="Close"/> to write the last rows and learn of any constraint error; <see cref="Dispose"/> alone
/// abandons what was not yet flushed.</para>
/// </remarks>
public sealed partial class DuckDbChunkAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly LogicalTypeHandle[] _logicalTypes;
    private readonly int _maxChunks;
    private readonly ChunkColumnKind[] _kinds;
    private readonly DuckDbType[] _types;
    private readonly int _capacity;
    private readonly List<WritableChunk> _chunks = [];
    private readonly BlockingCollection<WritableChunk>? _full;
    private readonly BlockingCollection<WritableChunk>? _free;
    private readonly Thread? _worker;
    private WritableChunk? _chunk;
    private int _row;
    private int _column;
    private volatile Exception? _failure;
    private volatile bool _abandoned;
    private bool _closed;

    internal DuckDbChunkAppender(AppenderHandle handle, string table, int queuedChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queuedChunks);
        _handle = handle;
        var count = checked((int)NativeMethods.AppenderColumnCount(handle));
        _kinds = new ChunkColumnKind[count];
        _types = new DuckDbType[count];
        _logicalTypes = new LogicalTypeHandle[count];
        _capacity = checked((int)NativeMethods.VectorSize());
        _maxChunks = queuedChunks + 1;
        try
        {
            for (var c = 0; c < count; c++)
            {
                _logicalTypes[c] = NativeMethods.AppenderColumnType(handle, (ulong)c);
                (_types[c], _kinds[c]) = Kind(_logicalTypes[c], table, c);
            }

            _chunk = NewChunk();
        }
        catch
        {
            DisposeTypes();
            throw;
        }

        if (queuedChunks > 0)
        {
            _full = new BlockingCollection<WritableChunk>(queuedChunks);
            _free = new BlockingCollection<WritableChunk>();
            _worker = new Thread(Work) { IsBackground = true, Name = "DuckDB chunk appender: " + table };
            _worker.Start();
        }
    }

    public int ColumnCount => _kinds.Length;

    /// <summary>Rows per chunk (DuckDB's vector size, normally 2,048).</summary>
    public int ChunkCapacity => _capacity;

    /// <summary>The row of the current chunk that the values now being appended go to.</summary>
    public int RowInChunk => _row;

    /// <summary>
    /// Called on the appending thread with the chunk's row count each time a chunk is complete (full, or its last rows at
    /// <see cref="Flush"/> or <see cref="Close"/>), before it goes to the table: the place to compute a column for a whole
    /// chunk at once and write it with <see cref="SetText"/>.
    /// </summary>
    public Action<int>? ChunkCompleting { get; set; }

    /// <summary>Sets the VARCHAR value of <paramref name="column"/> (0-based) in a row already appended to the current chunk,
    /// replacing what was appended there (NULL included).</summary>
    public void SetText(int row, int column, ReadOnlySpan<byte> utf8)
    {
        ObjectDisposedException.ThrowIf(_closed && _chunk is null, this);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _kinds.Length);
        if (_kinds[column] != ChunkColumnKind.Varchar)
        {
            throw new DuckDbException($"column {column + 1} is {Describe(_types[column], _kinds[column])}; cannot set text in it");
        }

        if (!Utf8.IsValid(utf8))
        {
            throw new DuckDbException($"column {column + 1}: the bytes given as text are not valid UTF-8");
        }

        _chunk!.SetString(column, row, utf8);
        _chunk.SetValid(column, row);
    }

    public DuckDbChunkAppender Append(string? value) => value is null ? AppendNull() : Append(value.AsSpan());

    /// <summary>Appends text (an empty span is the empty string, not NULL).</summary>
    public DuckDbChunkAppender Append(ReadOnlySpan<char> value)
    {
        var c = Next(ChunkColumnKind.Varchar, "text");
        _chunk!.SetString(c, _row, value);
        return this;
    }

    /// <summary>Appends text already encoded as UTF-8; bytes that are not valid UTF-8 are refused.</summary>
    public DuckDbChunkAppender AppendUtf8(ReadOnlySpan<byte> value)
    {
        if (!Utf8.IsValid(value))
        {
            throw new DuckDbException($"column {_column + 1}: the bytes given as text are not valid UTF-8");
        }

        var c = Next(ChunkColumnKind.Varchar, "UTF-8 text");
        _chunk!.SetString(c, _row, value);
        return this;
    }

    public DuckDbChunkAppender Append(long value)
    {
        var c = Next(ChunkColumnKind.Int64, nameof(Int64));
        _chunk!.SetInt64(c, _row, value);
        return this;
    }

    public DuckDbChunkAppender Append(int value)
    {
        var c = Next(ChunkColumnKind.Int32, nameof(Int32));
        if (_kinds[c] == ChunkColumnKind.Int64)
        {
            _chunk!.SetInt64(c, _row, value);
        }
        else
        {
            _chunk!.SetInt32(c, _row, value);
        }

        return this;
    }

    public DuckDbChunkAppender Append(double value)
    {
        var c = Next(ChunkColumnKind.Double, nameof(Double));
        _chunk!.SetDouble(c, _row, value);
        return this;
    }

    public DuckDbChunkAppender Append(bool value)
    {
        var c = Next(ChunkColumnKind.Boolean, nameof(Boolean));
        _chunk!.SetBoolean(c, _row, value);
        return this;
    }

    public DuckDbChunkAppender Append(DateOnly value)
    {
        var c = Next(ChunkColumnKind.Date, nameof(DateOnly));
        _chunk!.SetInt32(c, _row, DuckDbValues.DaysFromDate(value));
        return this;
    }

    public DuckDbChunkAppender Append(DateTime value)
    {
        var c = Next(ChunkColumnKind.Timestamp, nameof(DateTime));
        _chunk!.SetInt64(c, _row, DuckDbValues.MicrosFromDateTime(value));
        return this;
    }

    /// <summary>Appends a VARCHAR[] value: an empty list for no elements, NULL for a null list. Elements may not be null.</summary>
    public DuckDbChunkAppender Append(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return AppendNull();
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                throw new ArgumentException($"element {i} of the list is null; the chunk appender writes lists of non-null text", nameof(values));
            }
        }

        var c = Next(ChunkColumnKind.VarcharList, "list of text");
        _chunk!.SetList(c, _row, values);
        return this;
    }

    public DuckDbChunkAppender AppendNull()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_column >= _kinds.Length)
        {
            throw TooManyValues();
        }

        _chunk!.SetNull(_column, _row);
        _column++;
        return this;
    }

    public DuckDbChunkAppender Append(long? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbChunkAppender Append(int? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbChunkAppender Append(double? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbChunkAppender Append(bool? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbChunkAppender Append(DateOnly? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbChunkAppender Append(DateTime? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>Ends the row; when the chunk is full it goes to the table (or to the worker).</summary>
    public void EndRow()
    {
        if (_column != _kinds.Length)
        {
            throw new DuckDbException($"a row needs {_kinds.Length} values but {_column} were appended");
        }

        _column = 0;
        if (++_row == _capacity)
        {
            Submit(takeNext: true);
        }
    }

    /// <summary>Writes every complete row appended so far to the table now.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_row > 0)
        {
            Submit(takeNext: true);
        }

        Drain();
        Check(NativeMethods.AppenderFlush(_handle));
    }

    /// <summary>Writes the last rows and closes; a constraint violation in rows not yet flushed surfaces here.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_column != 0)
        {
            throw new DuckDbException($"the last row is incomplete: {_column} of {_kinds.Length} values appended");
        }

        if (_row > 0)
        {
            Submit(takeNext: false);
        }

        StopWorker();
        ThrowIfFailed();
        Check(NativeMethods.AppenderClose(_handle));
    }

    /// <summary>Releases the appender, abandoning rows not yet flushed (see <see cref="Close"/>).</summary>
    public void Dispose()
    {
        _closed = true;
        _abandoned = true;
        StopWorker();
        if (!_handle.IsClosed)
        {
            // As with the row appender: an abandoned load writes nothing more, and Close stays the one place errors surface.
            NativeMethods.AppenderClear(_handle);
        }

        _handle.Dispose();
        foreach (var chunk in _chunks)
        {
            chunk.Dispose();
        }

        _full?.Dispose();
        _free?.Dispose();
        DisposeTypes();
    }

    private WritableChunk NewChunk()
    {
        var chunk = new WritableChunk(Create(_logicalTypes), _kinds, _capacity);
        _chunks.Add(chunk);
        return chunk;
    }

    private void DisposeTypes()
    {
        foreach (var type in _logicalTypes)
        {
            type?.Dispose();
        }
    }

    private int Next(ChunkColumnKind kind, string what)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var c = _column;
        if (c >= _kinds.Length)
        {
            throw TooManyValues();
        }

        if (_kinds[c] != kind && !(kind == ChunkColumnKind.Int32 && _kinds[c] == ChunkColumnKind.Int64))
        {
            throw new DuckDbException($"column {c + 1} is {Describe(_types[c], _kinds[c])}; cannot append {what} to it");
        }

        _column = c + 1;
        return c;
    }

    private DuckDbException TooManyValues() =>
        new($"a row has {_kinds.Length} values; call EndRow before appending more");
}
