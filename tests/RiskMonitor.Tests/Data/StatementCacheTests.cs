using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class StatementCacheTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public StatementCacheTests() => _db.Connection.CacheStatements(capacity: 4);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void CachedStatement_RebindsItsParametersEveryRun()
    {
        const string sql = "SELECT $1::INTEGER * 2, $2::VARCHAR";
        for (var i = 0; i < 5; i++)
        {
            var row = _db.Connection.Query(sql, r => (r.GetInt32(0), r.IsNull(1) ? null : r.GetString(1)), i, i % 2 == 0 ? null : $"v{i}").Single();
            row.Should().Be((i * 2, i % 2 == 0 ? null : $"v{i}"));
        }

        _db.Connection.ExecuteScalar<long>("SELECT $1::BIGINT + 1", 41L).Should().Be(42);
        _db.Connection.ExecuteScalar<long>("SELECT $1::BIGINT + 1", 1L).Should().Be(2);
    }

    [Fact]
    public void CachedStatement_SeesNewDataAndSurvivesASchemaChange()
    {
        var c = _db.Connection;
        c.ExecuteScript("CREATE TABLE t (a INTEGER)");
        c.Execute("INSERT INTO t VALUES ($1)", 1);
        c.Execute("INSERT INTO t VALUES ($1)", 2);
        c.ExecuteScalar<long>("SELECT count(*) FROM t").Should().Be(2);
        c.ExecuteScalar<long>("SELECT sum(a) FROM t").Should().Be(3);

        c.ExecuteScript("ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 10");
        c.Execute("INSERT INTO t VALUES ($1, 20)", 3);
        c.ExecuteScalar<long>("SELECT count(*) FROM t").Should().Be(3, "a cached plan reads the table as it is now");
        c.Query("SELECT * FROM t ORDER BY a", r => r.FieldCount).Should().AllBeEquivalentTo(2, "star expands to the new column");
    }

    [Fact]
    public void FailedRun_LeavesTheConnectionAndTheCacheUsable()
    {
        var c = _db.Connection;
        const string sql = "SELECT $1::VARCHAR::INTEGER";
        c.ExecuteScalar<int>(sql, "7").Should().Be(7);
        FluentActions.Invoking(() => c.ExecuteScalar<int>(sql, "seven")).Should().Throw<DuckDbException>().WithMessage("Conversion Error*");
        c.ExecuteScalar<int>(sql, "8").Should().Be(8);
        FluentActions.Invoking(() => c.ExecuteScalar<int>(sql, "1", "2")).Should().Throw<DuckDbException>().WithMessage("*expects 1 parameter*");
    }

    [Fact]
    public void MoreDistinctQueriesThanTheCapacity_StillAnswerCorrectly()
    {
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                _db.Connection.ExecuteScalar<int>($"SELECT {i} + $1::INTEGER", round).Should().Be(i + round);
            }
        }
    }
}

public sealed class ConnectionPoolTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void ReturnedConnection_IsReused_AndConcurrentLeasesGetTheirOwn()
    {
        using var pool = new DuckDbConnectionPool(_database, maxIdle: 2);
        DuckDbConnection first, second;
        using (var lease = pool.Rent())
        {
            first = lease.Connection;
            using var other = pool.Rent();
            second = other.Connection;
            second.Should().NotBeSameAs(first);
        }

        pool.IdleCount.Should().Be(2);
        using var again = pool.Rent();
        new[] { first, second }.Should().Contain(again.Connection, "an idle connection is reused, not a new one opened");
        pool.IdleCount.Should().Be(1);
    }

    [Fact]
    public void IdleConnections_AreCappedAndDiscardedOnesClosed()
    {
        using var pool = new DuckDbConnectionPool(_database, maxIdle: 1);
        var a = pool.Rent();
        var b = pool.Rent();
        var c = pool.Rent();
        c.Discard();
        a.Dispose();
        b.Dispose();
        c.Dispose();
        pool.IdleCount.Should().Be(1);
        FluentActions.Invoking(() => b.Connection).Should().Throw<ObjectDisposedException>("a returned lease gives its connection up");
    }

    [Fact]
    public async Task ManyThreads_RunQueriesThroughThePool_WithCorrectAnswers()
    {
        using var setup = _database.Connect();
        setup.ExecuteScript("CREATE TABLE n AS SELECT i FROM range(1000) t(i)");
        using var pool = new DuckDbConnectionPool(_database, maxIdle: 4);
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            using var lease = pool.Rent();
            return lease.Connection.ExecuteScalar<long>("SELECT count(*) FROM n WHERE i < $1", (long)i);
        })));
        results.Should().Equal(Enumerable.Range(0, 200).Select(i => (long)i));
        pool.IdleCount.Should().BeLessThanOrEqualTo(4);
    }
}
