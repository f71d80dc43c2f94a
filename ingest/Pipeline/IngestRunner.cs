using System.Security.Cryptography;
using RiskMonitor.Core;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Normalisation;
using RiskMonitor.Ingest.Sources;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Ingest.Pipeline;

/// <summary>
/// Loads one file as one batch, in one transaction: every row is either loaded, set aside in <c>quarantine</c> with its
/// line and a Chinese reason, or counted as a duplicate of a row already loaded. A kill mid-file leaves no trace; the same
/// file again is skipped; a failed file is recorded in lineage with its reason and loads nothing.
/// </summary>
public sealed partial class IngestRunner : IDisposable
{
    private const int ProgressEvery = 16_384;

    /// <summary>Chunks of 2,048 rows that may wait for the appending worker: enough to ride out short stalls, few enough to
    /// keep memory small (DuckDB's long stalls, compressing a row group, would need a queue of a whole row group).</summary>
    private const int QueuedChunks = 8;

    /// <summary>Quarantined rows buffered at most, well below the count at which DuckDB's appender flushes by itself.</summary>
    private const int QuarantineFlushEvery = 8_192;

    private readonly RiskWarehouse _warehouse;
    private readonly HeaderAliases _aliases;
    private readonly PersonalData _personalData;
    private readonly TextSignals _signals;
    private readonly TimeProvider _time;

    public IngestRunner(RiskWarehouse warehouse, byte[] hashKey, HeaderAliases? aliases = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        _warehouse = warehouse;
        _aliases = aliases ?? HeaderAliases.Default;
        _personalData = new PersonalData(hashKey);
        _signals = new TextSignals(warehouse.Reference);
        _time = time ?? TimeProvider.System;
    }

    public IngestResult Ingest(
        IngestSource source, string path, IngestOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new IngestOptions();
        using var connection = _warehouse.Connect();
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return RecordFailure(connection, source, path, "-", $"文件不存在：{path}");
        }

        string sha256;
        try
        {
            sha256 = Sha256(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RecordFailure(connection, source, path, "-", $"无法读取文件：{e.Message}");
        }

        var earlier = connection.ExecuteScalar<long?>(
            "SELECT max(batch_id) FROM ingest_batches WHERE source = $1 AND file_sha256 = $2 AND status = 'loaded'", source.Name(), sha256);
        if (earlier is { } earlierBatch)
        {
            var message = $"该文件（SHA-256 相同）已于批次 {earlierBatch} 导入，本次跳过";
            var id = RecordBatch(connection, source, path, sha256, IngestStatus.Skipped, message, options);
            return new IngestResult(fileName, source, id, IngestStatus.Skipped, 0, 0, 0, 0, 0, message);
        }

        try
        {
            return Load(connection, source, path, sha256, options, progress, cancellation);
        }
        catch (RiskMonitorException e) when (e is not UsageException)
        {
            return RecordFailure(connection, source, path, sha256, e.Message);
        }
    }

    private IngestResult Load(
        DuckDbConnection connection, IngestSource source, string path, string sha256, IngestOptions options,
        IProgress<IngestProgress>? progress, CancellationToken cancellation)
    {
        var fileName = Path.GetFileName(path);
        var schema = SourceSchema.For(source, _personalData, _signals, _warehouse.Reference);
        using var reader = Open(source, path, options);
        var map = ColumnMap.Resolve(source, reader.Headers, _aliases, options.Map, options.Defaults);
        var fields = new FieldReader(map, _warehouse.Reference, reader.Headers.Count);

        using var transaction = connection.BeginTransaction();
        var batchId = connection.ExecuteScalar<long>("SELECT nextval('seq_batch_id')");
        connection.Execute(
            "INSERT INTO ingest_batches (batch_id, source, file_name, file_sha256, started_at, status, options) VALUES ($1, $2, $3, $4, $5, 'loading', $6)",
            batchId, source.Name(), fileName, sha256, Now(), Describe(options));
        // A source that loads directly appends its rows straight into the fact table inside this transaction and removes the
        // repeats afterwards (rare: a narrow pass over the batch's keys); the others go through a staging table first. The
        // staging table is an ordinary table of this transaction, not a TEMP one: DuckDB writes a large load's row groups to
        // the database file as they fill, so memory stays flat however long the file (a TEMP table is held in memory). It
        // holds normalised, masked values only, and vanishes with the transaction if the process dies; the TEMP view gives
        // the merge SQL one name for it on this connection. Either way a kill mid-file leaves nothing behind.
        var stageTable = FormattableString.Invariant($"ingest_stage_{batchId}");
        if (!schema.LoadsDirect)
        {
            connection.ExecuteScript($"""
                CREATE TABLE {stageTable} ({schema.StagingColumns}, source_line BIGINT);
                CREATE OR REPLACE TEMP VIEW stage AS SELECT * FROM {stageTable};
                """);
        }

        long read = 0, staged = 0, quarantined = 0;
        // Rows are parsed and normalised on this thread while a worker appends the filled chunks (bounded: a few chunks of
        // 2,048 rows wait at most). The quarantine appender on this thread only buffers; before DuckDB would write its rows on its own,
        // they are flushed while the worker is idle, so the connection is never written from two threads at once.
        using (var target = connection.CreateChunkAppender(schema.LoadsDirect ? schema.FactTable : stageTable, queuedChunks: QueuedChunks))
        using (var quarantine = connection.CreateAppender("quarantine"))
        {
            schema.Prepare(target);
            while (reader.TryRead(out var row))
            {
                read++;
                fields.Reset(row);
                if (fields.Problems.Count == 0 && schema.TryStage(fields, target, batchId, row.Line))
                {
                    target.EndRow();
                    staged++;
                }
                else
                {
                    var reason = schema.Protect(string.Join("；", fields.Problems));
                    if (options.Strict)
                    {
                        throw new RiskMonitorException($"{fileName} 第 {row.Line} 行：{reason}（--strict 模式下整个文件不导入）");
                    }

                    quarantine.Append(batchId).Append(row.Line).Append(schema.QuarantineText(fields)).Append(reason).EndRow();
                    if (++quarantined % QuarantineFlushEvery == 0)
                    {
                        target.Flush();
                        quarantine.Flush();
                    }
                }

                if (read % ProgressEvery == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    progress?.Report(new IngestProgress(fileName, read, reader.Progress));
                }
            }

            target.Close();
            quarantine.Close();
        }

        progress?.Report(new IngestProgress(fileName, read, 1));
        MergeCounts merge;
        if (schema.LoadsDirect)
        {
            merge = Settle(connection, schema, batchId, staged, options.Replace);
        }
        else
        {
            merge = Merge(connection, schema, batchId, options.Replace);
            connection.ExecuteScript($"DROP VIEW stage; DROP TABLE {stageTable};");
        }

        if (merge.Conflicts > 0)
        {
            FillConflictTexts(connection, source, schema, path, options, batchId);
        }
        connection.Execute(
            """
            UPDATE ingest_batches SET status = 'loaded', finished_at = $2, rows_read = $3, rows_loaded = $4, rows_quarantined = $5,
                rows_duplicate = $6, rows_replaced = $7
            WHERE batch_id = $1
            """,
            batchId, Now(), read, merge.Loaded, quarantined + merge.Conflicts, merge.Duplicates, merge.Replaced);
        transaction.Commit();
        return new IngestResult(fileName, source, batchId, IngestStatus.Loaded, read, merge.Loaded, quarantined + merge.Conflicts, merge.Duplicates, merge.Replaced, null);
    }

    /// <summary>Opens the file, recognising its header row by the alias table and by the headers the user mapped.</summary>
    private ITabularReader Open(IngestSource source, string path, IngestOptions options)
    {
        var known = _aliases.KnownHeaders(source).Concat(options.Map?.Keys ?? []).ToHashSet(StringComparer.Ordinal);
        return TabularFile.Open(path, new TabularReadOptions(options.Encoding, options.Sheet, known));
    }

    private IngestResult RecordFailure(DuckDbConnection connection, IngestSource source, string path, string sha256, string message)
    {
        var id = RecordBatch(connection, source, path, sha256, IngestStatus.Failed, message, null);
        return new IngestResult(Path.GetFileName(path), source, id, IngestStatus.Failed, 0, 0, 0, 0, 0, message);
    }

    private long RecordBatch(DuckDbConnection connection, IngestSource source, string path, string sha256, string status, string message, IngestOptions? options)
    {
        var id = connection.ExecuteScalar<long>("SELECT nextval('seq_batch_id')");
        connection.Execute(
            "INSERT INTO ingest_batches (batch_id, source, file_name, file_sha256, started_at, finished_at, status, options, message) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
            id, source.Name(), Path.GetFileName(path), sha256, Now(), status, options is null ? null : Describe(options), message);
        return id;
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    private static string Describe(IngestOptions options)
    {
        var parts = new List<string>();
        if (options.Encoding is not null) { parts.Add("encoding=" + options.Encoding); }
        if (options.Sheet is not null) { parts.Add("sheet=" + options.Sheet); }
        if (options.Strict) { parts.Add("strict"); }
        if (options.Replace) { parts.Add("replace"); }
        parts.AddRange((options.Map ?? new Dictionary<string, string>()).Select(p => $"map:{p.Key}={p.Value}"));
        parts.AddRange((options.Defaults ?? new Dictionary<string, string>()).Select(p => $"default:{p.Key}={p.Value}"));
        return string.Join(' ', parts);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose() => _personalData.Dispose();
}
