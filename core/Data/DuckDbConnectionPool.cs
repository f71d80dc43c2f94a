using System.Collections.Concurrent;

namespace RiskMonitor.Core.Data;

/// <summary>
/// Reusable connections to one database, each keeping its prepared statements (<see cref="DuckDbConnection.CacheStatements"/>),
/// for a server that runs the same read queries for many requests. A lease gives one connection to one caller at a time;
/// connections beyond <c>maxIdle</c> are closed when returned rather than kept.
/// </summary>
public sealed class DuckDbConnectionPool : IDisposable
{
    private readonly ConcurrentBag<DuckDbConnection> _idle = [];
    private readonly DuckDbDatabase _database;
    private readonly int _maxIdle;
    private readonly int _statementsPerConnection;
    private int _idleCount;
    private bool _disposed;

    public DuckDbConnectionPool(DuckDbDatabase database, int maxIdle = 16, int statementsPerConnection = 64)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdle, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(statementsPerConnection, 1);
        _database = database;
        _maxIdle = maxIdle;
        _statementsPerConnection = statementsPerConnection;
    }

    public int IdleCount => Volatile.Read(ref _idleCount);

    /// <summary>A connection for the caller alone until the lease is disposed.</summary>
    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, connection);
        }

        connection = _database.Connect();
        connection.CacheStatements(_statementsPerConnection);
        return new Lease(this, connection);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
        }
    }

    private void Return(DuckDbConnection connection, bool healthy)
    {
        if (!healthy || _disposed || Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            if (healthy && !_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }

    /// <summary>One rented connection. Call <see cref="Discard"/> when the connection may be left in a bad state
    /// (an open transaction); it is then closed instead of returned.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly DuckDbConnectionPool _pool;
        private DuckDbConnection? _connection;
        private bool _healthy = true;

        internal Lease(DuckDbConnectionPool pool, DuckDbConnection connection)
        {
            _pool = pool;
            _connection = connection;
        }

        public DuckDbConnection Connection => _connection ?? throw new ObjectDisposedException(nameof(Lease));

        public void Discard() => _healthy = false;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _connection, null) is { } connection)
            {
                _pool.Return(connection, _healthy);
            }
        }
    }
}
