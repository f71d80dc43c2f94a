using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>. Not thread-safe: one per thread. Every method that takes parameters
/// binds them as <c>$1, $2, …</c> through a prepared statement; SQL text is never built from values.
/// </summary>
public sealed class DuckDbConnection : IDisposable
{
    // Held so the database cannot be finalised while a connection to it is alive.
    private readonly DuckDbDatabase _database;
    private Dictionary<string, DuckDbStatement>? _statements;
    private int _statementCapacity;

    internal DuckDbConnection(ConnectionHandle handle, DuckDbDatabase database)
    {
        Handle = handle;
        _database = database;
    }

    internal ConnectionHandle Handle { get; }

    public DuckDbDatabase Database => _database;

    /// <summary>Prepares one statement for repeated execution.</summary>
    public DuckDbStatement Prepare(string sql)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        var state = NativeMethods.Prepare(Handle, sql, out var statement);
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.PrepareError(statement);
            statement.Dispose();
            throw DuckDbException.From(message, "DuckDB could not prepare the statement");
        }

        return new DuckDbStatement(statement, this);
    }

    /// <summary>
    /// Keeps up to <paramref name="capacity"/> prepared statements by SQL text for <see cref="Execute"/>, <see cref="Query{T}"/>
    /// and <see cref="ExecuteScalar{T}"/>, so a connection that runs the same few queries again and again (a pooled
    /// connection behind an API) parses and plans each once. Planning is most of a small query's cost. DuckDB re-binds a
    /// prepared statement itself when the schema changes; data changes need nothing.
    /// </summary>
    public void CacheStatements(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _statementCapacity = capacity;
        _statements ??= new Dictionary<string, DuckDbStatement>(StringComparer.Ordinal);
    }

    /// <summary>Runs one statement with parameters; returns the number of rows it changed.</summary>
    public long Execute(string sql, params object?[] parameters) =>
        WithStatement(sql, parameters, statement => statement.ExecuteNonQuery());

    /// <summary>Runs a script of several statements with no parameters (migrations, DDL).</summary>
    public void ExecuteScript(string sql)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        using var result = ResultHandle.Allocate();
        if (NativeMethods.Query(Handle, sql, result) != DuckDbState.Success)
        {
            throw DuckDbException.From(NativeMethods.ResultError(result), "DuckDB could not run the script");
        }
    }

    /// <summary>Starts a streaming query; rows are produced as the reader advances.</summary>
    /// <remarks>Until the reader is disposed, this connection must run nothing else: DuckDB ends a streaming result when
    /// its connection runs another query.</remarks>
    public DuckDbDataReader ExecuteReader(string sql, params object?[] parameters)
    {
        var statement = Prepare(sql);
        try
        {
            statement.BindAll(parameters);
            return statement.ExecuteReader(ownsStatement: true);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>The first column of the first row, or default when there is no row or it is NULL.</summary>
    public T? ExecuteScalar<T>(string sql, params object?[] parameters) =>
        WithStatement(sql, parameters, statement =>
        {
            using var reader = statement.ExecuteReader();
            return reader.Read() && !reader.IsNull(0) ? reader.Field<T>(0) : default;
        });

    /// <summary>Maps every row through <paramref name="map"/> into a list.</summary>
    public List<T> Query<T>(string sql, Func<DuckDbDataReader, T> map, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        return WithStatement(sql, parameters, statement =>
        {
            using var reader = statement.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        });
    }

    /// <summary>
    /// Runs <paramref name="run"/> on the statement for <paramref name="sql"/> with <paramref name="parameters"/> bound: a
    /// cached one when <see cref="CacheStatements"/> is on (the result is consumed before it returns, so the statement is
    /// free again), else a fresh one disposed afterwards. A statement whose run fails leaves the cache.
    /// </summary>
    private TResult WithStatement<TResult>(string sql, object?[] parameters, Func<DuckDbStatement, TResult> run)
    {
        if (_statements is null)
        {
            using var fresh = Prepare(sql);
            return run(fresh.BindAll(parameters));
        }

        if (!_statements.Remove(sql, out var statement))
        {
            statement = Prepare(sql);
        }

        TResult result;
        try
        {
            statement.ClearBindings();
            result = run(statement.BindAll(parameters));
        }
        catch
        {
            statement.Dispose();
            throw;
        }

        // Taken out while in use, so a re-entrant call on this connection (from inside a row mapper) prepares its own.
        if (_statements.Count >= _statementCapacity)
        {
            DisposeStatements();
        }

        _statements[sql] = statement;
        return result;
    }

    private void DisposeStatements()
    {
        foreach (var statement in _statements!.Values)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }

    /// <summary>Streams rows mapped through <paramref name="map"/>; nothing is materialised beyond one chunk.</summary>
    public IEnumerable<T> Stream<T>(string sql, Func<DuckDbDataReader, T> map, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        return StreamIterator(sql, map, parameters);
    }

    private IEnumerable<T> StreamIterator<T>(string sql, Func<DuckDbDataReader, T> map, object?[] parameters)
    {
        using var reader = ExecuteReader(sql, parameters);
        while (reader.Read())
        {
            yield return map(reader);
        }
    }

    public DuckDbTransaction BeginTransaction()
    {
        ExecuteScript("BEGIN TRANSACTION");
        return new DuckDbTransaction(this);
    }

    /// <summary>Opens an appender for bulk loading into <paramref name="table"/>.</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        var state = NativeMethods.AppenderCreate(Handle, schema, table, out var appender);
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.AppenderError(appender);
            appender.Dispose();
            throw DuckDbException.From(message, $"DuckDB could not open an appender on {table}");
        }

        return new DuckDbAppender(appender, this);
    }

    /// <summary>
    /// Opens an appender that writes whole data chunks into <paramref name="table"/> (see <see cref="DuckDbChunkAppender"/>);
    /// with <paramref name="queuedChunks"/> above zero the chunks are appended on a worker thread while the caller fills the
    /// next ones, up to that many waiting.
    /// </summary>
    public DuckDbChunkAppender CreateChunkAppender(string table, string? schema = null, int queuedChunks = 0)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        var state = NativeMethods.AppenderCreate(Handle, schema, table, out var appender);
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.AppenderError(appender);
            appender.Dispose();
            throw DuckDbException.From(message, $"DuckDB could not open an appender on {table}");
        }

        try
        {
            return new DuckDbChunkAppender(appender, table, queuedChunks);
        }
        catch
        {
            appender.Dispose();
            throw;
        }
    }

    /// <summary>Asks a running query on this connection to stop (safe to call from another thread).</summary>
    public void Interrupt() => NativeMethods.Interrupt(Handle);

    public void Dispose()
    {
        if (_statements is not null)
        {
            DisposeStatements();
        }

        Handle.Dispose();
    }
}
