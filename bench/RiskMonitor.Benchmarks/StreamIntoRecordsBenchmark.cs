using BenchmarkDotNet.Attributes;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// Streams a 10-column, 10,000,000-row query into positional records through <see cref="DuckDbConnection.Stream{T}"/>,
/// against DuckDB materialising the very same query into a temporary table: the ratio is what reading into .NET costs on
/// top of DuckDB producing the rows.
/// </summary>
[MemoryDiagnoser]
public class StreamIntoRecordsBenchmark
{
    private const string Sql =
        """
        SELECT i AS id,
               (i % 1000000)::INTEGER AS code,
               i / 7 AS score,
               ((i % 1000000) * 0.01)::DECIMAL(18,2) AS amount,
               'firm-' || i AS name,
               DATE '2020-01-01' + (i % 3650)::INTEGER AS day,
               TIMESTAMP '2020-01-01' + to_seconds(i) AS seen_at,
               i % 2 = 0 AS active,
               CASE WHEN i % 5 = 0 THEN NULL ELSE '湖北省重点监测企业' || (i % 1000) END AS note,
               i * 31 AS checksum
        FROM range(10000000) t(i)
        """;

    private DuckDbDatabase _database = null!;
    private DuckDbConnection _connection = null!;

    [GlobalSetup]
    public void Open()
    {
        _database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        _connection = _database.Connect();
    }

    [GlobalCleanup]
    public void Close()
    {
        _connection.Dispose();
        _database.Dispose();
    }

    [Benchmark(Baseline = true, Description = "DuckDB: CREATE TEMP TABLE AS query")]
    public void MaterialiseInDuckDb() => _connection.ExecuteScript($"CREATE OR REPLACE TEMP TABLE t AS {Sql}");

    [Benchmark(Description = "Stream into records (typed getters)")]
    public long StreamIntoRecords() => Consume(_connection.Stream(Sql, FirmRow.Map));

    [Benchmark(Description = "Stream into records (Field<T>)")]
    public long StreamIntoRecordsByField() => Consume(_connection.Stream(Sql, FirmRow.MapByField));

    private static long Consume(IEnumerable<FirmRow> rows)
    {
        var total = 0L;
        foreach (var row in rows)
        {
            // Touch every field so that nothing read can be optimised away.
            total += row.Id + row.Code + (long)row.Score + (long)row.Amount + row.Name.Length + row.Day.Day + row.SeenAt.Second
                + (row.Active ? 1 : 0) + (row.Note?.Length ?? 0) + row.Checksum;
        }

        return total;
    }
}

public sealed record FirmRow(
    long Id, int Code, double Score, decimal Amount, string Name, DateOnly Day, DateTime SeenAt, bool Active, string? Note, long Checksum)
{
    public static FirmRow Map(DuckDbDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), r.GetDouble(2), r.GetDecimal(3), r.GetString(4), r.GetDate(5), r.GetDateTime(6),
        r.GetBoolean(7), r.GetStringOrNull(8), r.GetInt64(9));

    public static FirmRow MapByField(DuckDbDataReader r) => new(
        r.Field<long>(0), r.Field<int>(1), r.Field<double>(2), r.Field<decimal>(3), r.Field<string>(4), r.Field<DateOnly>(5),
        r.Field<DateTime>(6), r.Field<bool>(7), r.Field<string?>(8), r.Field<long>(9));
}
