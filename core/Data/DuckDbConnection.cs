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

    /// <summary>Runs one statement with parameters; returns the number of rows it changed.</summary>
    public long Execute(string sql, params object?[] parameters)
    {
        using var statement = Prepare(sql);
        return statement.BindAll(parameters).ExecuteNonQuery();
    }

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
    public T? ExecuteScalar<T>(string sql, params object?[] parameters)
    {
        using var reader = ExecuteReader(sql, parameters);
        return reader.Read() && !reader.IsNull(0) ? reader.Field<T>(0) : default;
    }

    /// <summary>Maps every row through <paramref name="map"/> into a list.</summary>
    public List<T> Query<T>(string sql, Func<DuckDbDataReader, T> map, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var reader = ExecuteReader(sql, parameters);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
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

    /// <summary>Asks a running query on this connection to stop (safe to call from another thread).</summary>
    public void Interrupt() => NativeMethods.Interrupt(Handle);

    public void Dispose() => Handle.Dispose();
}
