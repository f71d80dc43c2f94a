using System.Text;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>A fresh warehouse in a temp file with a runner over it, and the questions the pipeline tests ask of it.</summary>
public sealed class IngestBench : IDisposable
{
    public static readonly byte[] HashKey = Encoding.UTF8.GetBytes("ingest-tests-hash-key-0123456789");

    private RiskWarehouse? _warehouse;
    private IngestRunner? _runner;

    public IngestBench() => Database = Directory.File("warehouse.duckdb");

    public TempDirectory Directory { get; } = new();

    public string Database { get; }

    public RiskWarehouse Warehouse => _warehouse ??= RiskWarehouse.Open(Database);

    public IngestRunner Runner => _runner ??= new IngestRunner(Warehouse, HashKey);

    public IngestResult Ingest(IngestSource source, string path, IngestOptions? options = null) => Runner.Ingest(source, path, options);

    /// <summary>Closes the warehouse so that its file can be inspected or opened by another process.</summary>
    public void Close()
    {
        _runner?.Dispose();
        _warehouse?.Dispose();
        (_runner, _warehouse) = (null, null);
    }

    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var connection = Warehouse.Connect();
        return connection.ExecuteScalar<T>(sql, parameters);
    }

    public long Count(string sql, params object?[] parameters) => Scalar<long>(sql, parameters);

    public List<T> Query<T>(string sql, Func<DuckDbDataReader, T> map, params object?[] parameters)
    {
        using var connection = Warehouse.Connect();
        return connection.Query(sql, map, parameters);
    }

    public BatchRow Batch(long batchId) => Query(
        """
        SELECT batch_id, source, file_name, status, rows_read, rows_loaded, rows_quarantined, rows_duplicate, rows_replaced, message
        FROM ingest_batches WHERE batch_id = $1
        """,
        r => new BatchRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
            r.GetInt64(7), r.GetInt64(8), r.IsNull(9) ? null : r.GetString(9)),
        batchId).Single();

    public List<QuarantineRow> Quarantine(long batchId) => Query(
        "SELECT line, reason, raw_text FROM quarantine WHERE batch_id = $1 ORDER BY line",
        r => new QuarantineRow(r.GetInt64(0), r.GetString(1), r.IsNull(2) ? null : r.GetString(2)), batchId);

    /// <summary>
    /// Every row of a loaded file is accounted for exactly once, in lineage and in the tables: rows in = loaded +
    /// quarantined + duplicate, the quarantine holds as many rows as lineage says, and the facts carry the loaded ones.
    /// </summary>
    public BatchRow AssertAccounted(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var batch = Batch(result.BatchId);
        batch.Status.Should().Be(IngestStatus.Loaded, batch.Message);
        batch.RowsRead.Should().Be(batch.RowsLoaded + batch.RowsQuarantined + batch.RowsDuplicate, "rows in = loaded + quarantined + duplicate");
        (result.Read, result.Loaded, result.Quarantined, result.Duplicate, result.Replaced)
            .Should().Be((batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate, batch.RowsReplaced));
        Count("SELECT count(*) FROM quarantine WHERE batch_id = $1", result.BatchId).Should().Be(batch.RowsQuarantined);
        Count($"SELECT count(*) FROM {FactTable(result.Source)} WHERE batch_id = $1", result.BatchId).Should().Be(batch.RowsLoaded);
        AssertNoStagingLeft();
        return batch;
    }

    /// <summary>A failed file left nothing behind but its lineage row with the reason.</summary>
    public BatchRow AssertFailedAndNothingLoaded(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Status.Should().Be(IngestStatus.Failed);
        var batch = Batch(result.BatchId);
        batch.Status.Should().Be(IngestStatus.Failed);
        batch.Message.Should().NotBeNullOrWhiteSpace().And.Be(result.Message);
        (batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined).Should().Be((0L, 0L, 0L));
        Count("SELECT count(*) FROM quarantine").Should().Be(0);
        Count($"SELECT count(*) FROM {FactTable(result.Source)}").Should().Be(0);
        AssertNoStagingLeft();
        return batch;
    }

    /// <summary>The staging table of a batch lives and dies with its transaction.</summary>
    public void AssertNoStagingLeft() =>
        Query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%stage%'", r => r.GetString(0)).Should().BeEmpty();

    public static string FactTable(IngestSource source) => source switch
    {
        IngestSource.Complaints => "fact_complaint",
        IngestSource.SpotChecks => "fact_spot_check",
        _ => "fact_station_report",
    };

    public void Dispose()
    {
        Close();
        Directory.Dispose();
    }
}

public sealed record BatchRow(
    long BatchId, string Source, string FileName, string Status, long RowsRead, long RowsLoaded, long RowsQuarantined, long RowsDuplicate,
    long RowsReplaced, string? Message);

public sealed record QuarantineRow(long Line, string Reason, string? RawText);
