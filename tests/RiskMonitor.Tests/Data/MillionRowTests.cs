using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

/// <summary>One large query over every column type the product reads, each value checked against the formula that made it.</summary>
public sealed class MillionRowTests
{
    private const int Rows = 1_000_000;
    private static readonly DateOnly DayZero = new(1990, 1, 1);
    private static readonly DateTime TimeZero = new(2000, 1, 1);

    private const string Sql =
        """
        SELECT i,
               'r' || i AS short_text,
               CASE WHEN i % 3 = 0 THEN NULL ELSE '湖北省第' || i || '号企业' END AS long_text,
               (i % 200000 - 100000)::INTEGER AS int32,
               i * 1000003 - 500000000000 AS big,
               i::HUGEINT * 1000000000000000000000 - 5 AS huge,
               i / 8 AS dbl,
               ((CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END * (i * 7919 % 1000000000))::DECIMAL(18,0) * 0.0001)::DECIMAL(18,4) AS amount,
               i % 2 = 0 AS flag,
               DATE '1990-01-01' + (i % 20000)::INTEGER AS day,
               TIMESTAMP '2000-01-01' + to_microseconds(i * 987654321) AS ts,
               CASE WHEN i % 7 = 0 THEN NULL ELSE i * 3 END AS maybe,
               CASE i % 4 WHEN 0 THEN []::VARCHAR[] WHEN 1 THEN ['甲' || i] WHEN 2 THEN ['长字符串列表元素' || i, NULL] END AS tags
        FROM range(1000000) t(i)
        """;

    private sealed record Row(
        long I, string ShortText, string? LongText, int Int32, long Big, Int128 Huge, double Dbl, decimal Amount, bool Flag,
        DateOnly Day, DateTime Ts, long? Maybe);

    private static Row Expected(long i) => new(
        i,
        "r" + i,
        i % 3 == 0 ? null : $"湖北省第{i}号企业",
        (int)((i % 200_000) - 100_000),
        (i * 1_000_003) - 500_000_000_000,
        ((Int128)i * 1_000_000_000_000 * 1_000_000_000) - 5,
        i / 8.0,
        (i % 2 == 0 ? 1 : -1) * (i * 7919 % 1_000_000_000) / 10_000m,
        i % 2 == 0,
        DayZero.AddDays((int)(i % 20_000)),
        TimeZero.AddTicks(i * 987_654_321 * 10),
        i % 7 == 0 ? null : i * 3);

    private static string?[]? ExpectedTags(long i) => (i % 4) switch
    {
        0 => [],
        1 => ["甲" + i],
        2 => ["长字符串列表元素" + i, null],
        _ => null,
    };

    [Fact]
    public void Query_MillionRowsOfEveryType_ReadsEachValueAsItsFormulaSays()
    {
        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using var connection = database.Connect();
        var seen = new bool[Rows];
        var mismatches = new List<string>();
        var count = 0;

        var rows = connection.Stream(Sql, r => (Row: new Row(
            r.GetInt64(0), r.GetString(1), r.GetStringOrNull(2), r.GetInt32(3), r.GetInt64(4), r.GetInt128(5), r.GetDouble(6),
            r.GetDecimal(7), r.GetBoolean(8), r.GetDate(9), r.GetDateTime(10), r.GetInt64OrNull(11)),
            Tags: r.Field<string?[]>(12)));

        foreach (var (row, tags) in rows)
        {
            count++;
            if (row.I is < 0 or >= Rows || seen[row.I])
            {
                mismatches.Add($"unexpected or repeated i {row.I}");
                continue;
            }

            seen[row.I] = true;
            var expectedTags = ExpectedTags(row.I);
            var tagsMatch = expectedTags is null ? tags is null : tags is not null && tags.SequenceEqual(expectedTags);
            if (row != Expected(row.I) || !tagsMatch)
            {
                mismatches.Add($"row {row.I}: read {row} tags [{string.Join(",", tags ?? ["<null>"])}], expected {Expected(row.I)}");
            }

            if (mismatches.Count > 20)
            {
                break;
            }
        }

        mismatches.Should().BeEmpty();
        count.Should().Be(Rows);
        seen.Should().AllBeEquivalentTo(true);
    }

    [Fact]
    public void Expected_FormulaMatchesDuckDbOnSpotChecks()
    {
        // Guards the test above against a formula that is wrong in the same way on both sides.
        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using var connection = database.Connect();

        connection.ExecuteScalar<string>($"SELECT amount::VARCHAR FROM ({Sql}) WHERE i = 3").Should().Be("-2.3757");
        connection.ExecuteScalar<string>($"SELECT ts::VARCHAR FROM ({Sql}) WHERE i = 1").Should().Be("2000-01-01 00:16:27.654321");
        connection.ExecuteScalar<string>($"SELECT huge::VARCHAR FROM ({Sql}) WHERE i = 2").Should().Be("1999999999999999999995");
        Expected(3).Amount.Should().Be(-2.3757m);
        Expected(1).Ts.Should().Be(new DateTime(2000, 1, 1, 0, 16, 27).AddTicks(6_543_210));
    }
}
