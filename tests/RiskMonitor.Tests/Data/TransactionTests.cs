using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class TransactionTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();
    private readonly DuckDbConnection _other;

    public TransactionTests()
    {
        _db.Connection.ExecuteScript("CREATE TABLE ledger (id INTEGER, note VARCHAR)");
        _other = _db.Database.Connect();
    }

    public void Dispose()
    {
        _other.Dispose();
        _db.Dispose();
    }

    private static long Count(DuckDbConnection connection) => connection.ExecuteScalar<long>("SELECT count(*) FROM ledger");

    [Fact]
    public void Transaction_Committed_IsVisibleToOtherConnectionsOnlyAfterCommit()
    {
        using var transaction = _db.Connection.BeginTransaction();
        _db.Connection.Execute("INSERT INTO ledger VALUES ($1, $2)", 1, "入账");
        _db.Connection.Execute("INSERT INTO ledger VALUES ($1, $2)", 2, "出账");

        Count(_db.Connection).Should().Be(2, "a transaction sees its own writes");
        Count(_other).Should().Be(0, "nobody else sees uncommitted writes");

        transaction.Commit();

        Count(_other).Should().Be(2);
    }

    [Fact]
    public void Transaction_RolledBack_LeavesNoTrace()
    {
        using (var transaction = _db.Connection.BeginTransaction())
        {
            _db.Connection.Execute("INSERT INTO ledger VALUES ($1, $2)", 1, "入账");
            transaction.Rollback();
        }

        Count(_db.Connection).Should().Be(0);
        Count(_other).Should().Be(0);
    }

    [Fact]
    public void Transaction_DisposedWithoutCommit_RollsBack()
    {
        using (_db.Connection.BeginTransaction())
        {
            _db.Connection.Execute("INSERT INTO ledger VALUES ($1, $2)", 1, "入账");
        }

        Count(_db.Connection).Should().Be(0);
    }

    [Fact]
    public void Transaction_AppenderInsideRolledBackTransaction_IsRolledBackToo()
    {
        using (var transaction = _db.Connection.BeginTransaction())
        {
            using var appender = _db.Connection.CreateAppender("ledger");
            for (var i = 0; i < 5000; i++)
            {
                appender.Append(i).Append("批量").EndRow();
            }

            appender.Close();
            Count(_db.Connection).Should().Be(5000);
            transaction.Rollback();
        }

        Count(_db.Connection).Should().Be(0);
    }

    [Fact]
    public void Transaction_CompletedTwice_Throws()
    {
        var transaction = _db.Connection.BeginTransaction();
        transaction.Commit();

        FluentActions.Invoking(transaction.Commit).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(transaction.Rollback).Should().Throw<ObjectDisposedException>();
        transaction.Dispose();
    }

    [Fact]
    public void Transaction_NestedBegin_CarriesDuckDbsMessage()
    {
        using var transaction = _db.Connection.BeginTransaction();

        FluentActions.Invoking(_db.Connection.BeginTransaction).Should().Throw<DuckDbException>().WithMessage("*transaction*");
    }

    [Fact]
    public void Transaction_WriteConflict_FailsTheSecondWriter()
    {
        _db.Connection.Execute("INSERT INTO ledger VALUES (1, 'a')");
        using var first = _db.Connection.BeginTransaction();
        using var second = _other.BeginTransaction();
        _db.Connection.Execute("UPDATE ledger SET note = 'first' WHERE id = 1");

        var act = () => _other.Execute("UPDATE ledger SET note = 'second' WHERE id = 1");

        act.Should().Throw<DuckDbException>().WithMessage("*onflict*");
        first.Commit();
        second.Rollback();
        _other.ExecuteScalar<string>("SELECT note FROM ledger WHERE id = 1").Should().Be("first");
    }
}
