using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ErrorTests : IDisposable
{
    private readonly MemoryDuckDb _db = new(new DuckDbOptions(Threads: 2));

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Prepare_SyntaxError_CarriesDuckDbsMessage()
    {
        var act = () => _db.Connection.Execute("SELEC 1");

        act.Should().Throw<DuckDbException>().WithMessage("Parser Error: syntax error at or near \"SELEC\"*");
    }

    [Fact]
    public void ExecuteScript_SyntaxError_CarriesDuckDbsMessage()
    {
        var act = () => _db.Connection.ExecuteScript("CREATE TABLE ok (a INTEGER); CREATE TABLE (");

        act.Should().Throw<DuckDbException>().WithMessage("Parser Error:*");
    }

    [Fact]
    public void Query_UnknownTable_CarriesDuckDbsCatalogMessage()
    {
        var act = () => _db.Connection.Query("SELECT * FROM no_such_table", r => r.GetInt64(0));

        act.Should().Throw<DuckDbException>().WithMessage("Catalog Error: Table with name no_such_table does not exist*");
    }

    [Fact]
    public void Reader_CastErrorInALateChunk_SurfacesFromReadAfterEarlierRows()
    {
        // One worker thread: with several, DuckDB cancels the sibling tasks when one fails and, depending on which thread
        // reports first, the reader can see "INTERRUPT Error: Interrupted!" instead of the conversion error (a CI run did).
        // The parallel case is covered below without pinning the message.
        using var single = new MemoryDuckDb(new DuckDbOptions(Threads: 1));

        // Rows before 600,000 convert; the first bad one is produced long after the reader has started handing out rows.
        using var reader = single.Connection.ExecuteReader(
            "SELECT i, (CASE WHEN i < 600000 THEN i::VARCHAR ELSE 'not a number' END)::INTEGER AS n FROM range(1000000) t(i)");

        var rows = 0L;
        var act = () =>
        {
            while (reader.Read())
            {
                reader.GetInt32(1).Should().Be(checked((int)reader.GetInt64(0)));
                rows++;
            }
        };

        act.Should().Throw<DuckDbException>().WithMessage("Conversion Error: Could not convert string 'not a number' to INT32*");
        rows.Should().BeGreaterThan(2048, "the error belongs to a late chunk, not to the start of the query");
        rows.Should().BeLessThanOrEqualTo(600_000);
        reader.Read().Should().BeFalse("a failed reader does not resume");
    }

    [Fact]
    public void Reader_ErrorInALateChunkOnSeveralThreads_StillFailsTheRead()
    {
        using var reader = _db.Connection.ExecuteReader(
            "SELECT (CASE WHEN i < 600000 THEN i::VARCHAR ELSE 'not a number' END)::INTEGER AS n FROM range(1000000) t(i)");

        var rows = 0L;
        var act = () =>
        {
            while (reader.Read())
            {
                rows++;
            }
        };

        act.Should().Throw<DuckDbException>();
        rows.Should().BeGreaterThan(2048).And.BeLessThanOrEqualTo(600_000);
        reader.Read().Should().BeFalse("a failed reader does not resume");
    }

    [Fact]
    public void Stream_ErrorInALateChunk_SurfacesFromEnumeration()
    {
        using var single = new MemoryDuckDb(new DuckDbOptions(Threads: 1));
        var rows = single.Connection.Stream(
            "SELECT (CASE WHEN i < 50000 THEN i::VARCHAR ELSE 'x' || i END)::BIGINT FROM range(100000) t(i)", r => r.GetInt64(0));

        var act = () => rows.Sum();

        act.Should().Throw<DuckDbException>().WithMessage("Conversion Error:*");
    }

    [Fact]
    public void Connection_AfterFailedQuery_KeepsWorking()
    {
        FluentActions.Invoking(() => _db.Connection.Execute("SELECT * FROM missing")).Should().Throw<DuckDbException>();
        FluentActions.Invoking(() => _db.Connection.Query("SELECT 'x'::INTEGER", r => r.GetInt32(0))).Should().Throw<DuckDbException>();

        _db.Connection.ExecuteScalar<int>("SELECT 41 + 1").Should().Be(42);
    }

    [Fact]
    public void Execute_ConstraintViolation_CarriesDuckDbsMessage()
    {
        _db.Connection.ExecuteScript("CREATE TABLE firm (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)");
        _db.Connection.Execute("INSERT INTO firm VALUES ($1, $2)", 1, "甲");

        FluentActions.Invoking(() => _db.Connection.Execute("INSERT INTO firm VALUES ($1, $2)", 1, "乙"))
            .Should().Throw<DuckDbException>().WithMessage("Constraint Error: Duplicate key \"id: 1\"*");
        FluentActions.Invoking(() => _db.Connection.Execute("INSERT INTO firm VALUES ($1, $2)", 2, null))
            .Should().Throw<DuckDbException>().WithMessage("Constraint Error: NOT NULL constraint failed: firm.name*");
    }

    [Fact]
    public void Appender_DuplicateKey_SurfacesOnCloseAndLoadsNothing()
    {
        _db.Connection.ExecuteScript("CREATE TABLE firm (id INTEGER PRIMARY KEY, name VARCHAR)");
        using var appender = _db.Connection.CreateAppender("firm");
        appender.Append(1).Append("甲").EndRow();
        appender.Append(1).Append("乙").EndRow();

        var act = () => appender.Close();

        act.Should().Throw<DuckDbException>().WithMessage("*Duplicate key*");
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM firm").Should().Be(0);
    }

    [Fact]
    public void Appender_NullInNotNullColumn_SurfacesOnClose()
    {
        _db.Connection.ExecuteScript("CREATE TABLE firm (id INTEGER, name VARCHAR NOT NULL)");
        using var appender = _db.Connection.CreateAppender("firm");
        appender.Append(1).AppendNull().EndRow();

        var act = () => appender.Close();

        act.Should().Throw<DuckDbException>().WithMessage("*NOT NULL constraint failed*");
    }

    [Fact]
    public void Appender_WrongColumnCount_SurfacesOnEndRow()
    {
        _db.Connection.ExecuteScript("CREATE TABLE pair (a INTEGER, b INTEGER)");
        using var appender = _db.Connection.CreateAppender("pair");
        appender.Append(1);

        FluentActions.Invoking(appender.EndRow).Should().Throw<DuckDbException>().WithMessage("*column*");
    }

    [Fact]
    public void Appender_UnknownTable_CarriesDuckDbsMessage()
    {
        var act = () => _db.Connection.CreateAppender("no_such_table");

        act.Should().Throw<DuckDbException>().WithMessage("*no_such_table*");
    }
}
