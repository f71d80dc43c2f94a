using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class FileDatabaseTests
{
    [Fact]
    public void FileDatabase_ReopenedAfterDispose_KeepsData()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nested/warehouse.duckdb");
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            connection.ExecuteScript("CREATE TABLE firm (id BIGINT, name VARCHAR, since DATE)");
            using var appender = connection.CreateAppender("firm");
            for (var i = 0; i < 5000; i++)
            {
                appender.Append((long)i).Append("企业" + i).Append(new DateOnly(2020, 1, 1).AddDays(i % 366)).EndRow();
            }

            appender.Close();
            connection.Execute("INSERT INTO firm VALUES ($1, $2, $3)", -1L, "最后一家", new DateOnly(1999, 9, 9));
        }

        File.Exists(path).Should().BeTrue();
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            database.Path.Should().Be(path);
            connection.ExecuteScalar<long>("SELECT count(*) FROM firm").Should().Be(5001);
            connection.ExecuteScalar<string>("SELECT name FROM firm WHERE id = $1", 4999L).Should().Be("企业4999");
            connection.ExecuteScalar<DateOnly>("SELECT since FROM firm WHERE id = -1").Should().Be(new DateOnly(1999, 9, 9));
            connection.ExecuteScalar<long>("SELECT sum(id) FROM firm").Should().Be((4999L * 5000 / 2) - 1);
        }
    }

    [Fact]
    public void FileDatabase_ReadOnly_RefusesWrites()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ro.duckdb");
        using (var database = DuckDbDatabase.Open(path))
        using (var connection = database.Connect())
        {
            connection.ExecuteScript("CREATE TABLE t AS SELECT 1 AS a");
        }

        using var readOnly = DuckDbDatabase.Open(path, new DuckDbOptions(ReadOnly: true));
        using var reader = readOnly.Connect();

        reader.ExecuteScalar<int>("SELECT a FROM t").Should().Be(1);
        FluentActions.Invoking(() => reader.Execute("INSERT INTO t VALUES (2)")).Should().Throw<DuckDbException>().WithMessage("*read-only*");
    }

    [Fact]
    public void Open_NotADatabaseFile_CarriesDuckDbsMessage()
    {
        using var dir = new TempDirectory();
        var path = dir.File("junk.duckdb");
        File.WriteAllText(path, new string('x', 8192));

        var act = () => DuckDbDatabase.Open(path);

        act.Should().Throw<DuckDbException>().Which.Message.Should().NotBeNullOrWhiteSpace().And.NotStartWith("DuckDB could not open");
    }

    [Fact]
    public void Open_InvalidOption_IsRejected()
    {
        var act = () => DuckDbDatabase.Open(DuckDbDatabase.InMemory, new DuckDbOptions(MemoryLimit: "lots"));

        act.Should().Throw<DuckDbException>();
    }

    [Fact]
    public void Connect_AfterDatabaseDisposed_Throws()
    {
        var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        database.Dispose();

        FluentActions.Invoking(database.Connect).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void LibraryVersion_IsTheBundledDuckDb() => DuckDbDatabase.LibraryVersion.Should().StartWith("v1.");
}
