using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class AppenderTests : IDisposable
{
    private const int Rows = 100_000;
    private static readonly DateTime Origin = new(2024, 1, 1);

    private readonly MemoryDuckDb _db = new();

    public AppenderTests() => _db.Connection.ExecuteScript(
        """
        CREATE TABLE load (
            id BIGINT, small INTEGER, name VARCHAR, amount DECIMAL(18,2), score DOUBLE, active BOOLEAN,
            day DATE, ts TIMESTAMP, big HUGEINT, note VARCHAR)
        """);

    public void Dispose() => _db.Dispose();

    private static string Name(long i) => i % 2 == 0 ? $"企业{i}" : $"湖北省市场监督管理局登记企业第{i}号";

    private static decimal Amount(long i) => (i * 37 % 100_000) / 100m - 250m;

    [Fact]
    public void Appender_BulkLoad100kRows_StoresEveryValueExactly()
    {
        using (var appender = _db.Connection.CreateAppender("load"))
        {
            appender.ColumnCount.Should().Be(10);
            for (long i = 0; i < Rows; i++)
            {
                appender.Append(i).Append((int)(i % 1000)).Append(Name(i)).Append(Amount(i)).Append(i / 4.0).Append(i % 3 == 0)
                    .Append(DateOnly.FromDateTime(Origin).AddDays((int)(i % 3650))).Append(Origin.AddTicks(i * 10_000_010))
                    .Append((Int128)i * long.MaxValue).Append(i % 5 == 0 ? null : "备注" + i).EndRow();
            }

            appender.Close();
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM load").Should().Be(Rows);
        var seen = 0L;
        using var row = _db.Connection.ExecuteReader("SELECT * FROM load ORDER BY id");
        while (row.Read())
        {
            var i = row.GetInt64(0);
            i.Should().Be(seen++);
            row.GetInt32(1).Should().Be((int)(i % 1000));
            row.GetString(2).Should().Be(Name(i));
            row.GetDecimal(3).Should().Be(Amount(i));
            row.GetDouble(4).Should().Be(i / 4.0);
            row.GetBoolean(5).Should().Be(i % 3 == 0);
            row.GetDate(6).Should().Be(DateOnly.FromDateTime(Origin).AddDays((int)(i % 3650)));
            row.GetDateTime(7).Should().Be(Origin.AddTicks(i * 10_000_010));
            row.GetInt128(8).Should().Be((Int128)i * long.MaxValue);
            row.GetStringOrNull(9).Should().Be(i % 5 == 0 ? null : "备注" + i);
        }

        seen.Should().Be(Rows);
    }

    [Fact]
    public void Appender_NullableOverloads_AppendNullOrValue()
    {
        _db.Connection.ExecuteScript("CREATE TABLE n (a BIGINT, b INTEGER, c DOUBLE, d BOOLEAN, e DATE, f TIMESTAMP, g DECIMAL(9,2))");
        using (var appender = _db.Connection.CreateAppender("n"))
        {
            appender.Append((long?)null).Append((int?)null).Append((double?)null).Append((bool?)null)
                .Append((DateOnly?)null).Append((DateTime?)null).Append((decimal?)null).EndRow();
            appender.Append((long?)1).Append((int?)2).Append((double?)3.5).Append((bool?)true)
                .Append((DateOnly?)new DateOnly(2024, 5, 6)).Append((DateTime?)new DateTime(2024, 5, 6, 7, 8, 9)).Append((decimal?)1.25m).EndRow();
            appender.Close();
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM n WHERE a IS NULL AND b IS NULL AND c IS NULL AND d IS NULL AND e IS NULL AND f IS NULL AND g IS NULL")
            .Should().Be(1);
        _db.SingleRow("SELECT * FROM n WHERE a IS NOT NULL", r =>
        {
            r.GetInt64(0).Should().Be(1);
            r.GetInt32(1).Should().Be(2);
            r.GetDouble(2).Should().Be(3.5);
            r.GetBoolean(3).Should().BeTrue();
            r.GetDate(4).Should().Be(new DateOnly(2024, 5, 6));
            r.GetDateTime(5).Should().Be(new DateTime(2024, 5, 6, 7, 8, 9));
            r.GetDecimal(6).Should().Be(1.25m);
        });
    }

    [Fact]
    public void Appender_DisposedWithoutClose_AbandonsUnflushedRows()
    {
        _db.Connection.ExecuteScript("CREATE TABLE t (a INTEGER)");
        using (var appender = _db.Connection.CreateAppender("t"))
        {
            appender.Append(1).EndRow();
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM t").Should().Be(0);
    }

    [Fact]
    public void Appender_Flush_MakesRowsVisibleBeforeClose()
    {
        _db.Connection.ExecuteScript("CREATE TABLE t (a INTEGER)");
        using var appender = _db.Connection.CreateAppender("t");
        appender.Append(1).EndRow();

        appender.Flush();

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM t").Should().Be(1);
        appender.Close();
    }

    [Fact]
    public void Appender_CloseTwice_IsHarmless()
    {
        _db.Connection.ExecuteScript("CREATE TABLE t (a INTEGER)");
        using var appender = _db.Connection.CreateAppender("t");
        appender.Append(7).EndRow();

        appender.Close();
        appender.Close();

        _db.Connection.ExecuteScalar<int>("SELECT a FROM t").Should().Be(7);
    }

    [Fact]
    public void Appender_IntoSchema_FindsTheTable()
    {
        _db.Connection.ExecuteScript("CREATE SCHEMA staging; CREATE TABLE staging.t (a VARCHAR)");
        using (var appender = _db.Connection.CreateAppender("t", "staging"))
        {
            appender.Append("分区").EndRow();
            appender.Close();
        }

        _db.Connection.ExecuteScalar<string>("SELECT a FROM staging.t").Should().Be("分区");
    }
}
