using RiskMonitor.Core.Data;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Sources;

namespace RiskMonitor.Ingest.Pipeline;

public sealed partial class IngestRunner
{
    private sealed record MergeCounts(long Loaded, long Duplicates, long Conflicts, long Replaced);

    /// <summary>Moves staged rows into the facts: first row per key within the file, none whose key is already loaded
    /// (unless replacing); a later row of the same key with other content is quarantined as a conflict.</summary>
    /// <remarks>
    /// Rows of one key are compared on their staged (normalised) values, so the staging table needs no copy of each row's
    /// text: a row written twice with the same meaning is a duplicate, one that says something else a conflict. Only keys
    /// that occur more than once are ranked, so a file without repeats costs one grouping and one anti-join.
    /// </remarks>
    private static MergeCounts Merge(DuckDbConnection connection, SourceSchema schema, long batchId, bool replace)
    {
        var key = schema.KeyExpression;
        var content = $"hash({string.Join(", ", schema.StagingColumnNames)})";
        connection.ExecuteScript($"""
            CREATE OR REPLACE TEMP TABLE stage_repeats AS
            SELECT source_line, _key, row_number() OVER w AS _rn, _content, first_value(_content) OVER w AS _first_content,
                   first_value(source_line) OVER w AS _first_line
            FROM (SELECT source_line, {key} AS _key, {content} AS _content FROM stage
                  WHERE {key} IN (SELECT {key} FROM stage GROUP BY ALL HAVING count(*) > 1))
            WINDOW w AS (PARTITION BY _key ORDER BY source_line ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            """);
        var conflicts = connection.Execute(
            """
            INSERT INTO quarantine
            SELECT $1, source_line, NULL, '编号“' || _key || '”与本文件第 ' || _first_line || ' 行重复但内容不同，已保留第 ' || _first_line || ' 行'
            FROM stage_repeats WHERE _rn > 1 AND _content <> _first_content
            """, batchId);
        var laterRepeats = connection.ExecuteScalar<long>("SELECT count(*) FROM stage_repeats WHERE _rn > 1");
        var firsts = connection.ExecuteScalar<long>("SELECT count(*) FROM stage") - laterRepeats;
        var replaced = replace ? schema.DeleteReplaced(connection) : 0;
        var (columns, select) = schema.FactMapping;
        var loaded = connection.Execute($"""
            INSERT INTO {schema.FactTable} ({columns})
            SELECT {select} FROM stage
            WHERE source_line NOT IN (SELECT source_line FROM stage_repeats WHERE _rn > 1)
              AND {key} NOT IN (SELECT {key} FROM {schema.FactTable})
            """, batchId);
        if (schema.UsesKeptRows)
        {
            connection.Execute(
                $"CREATE OR REPLACE TEMP TABLE stage_kept AS SELECT * FROM stage WHERE source_line IN (SELECT source_line FROM {schema.FactTable} WHERE batch_id = $1)",
                batchId);
            schema.AfterMerge(connection, batchId, replace);
            connection.ExecuteScript("DROP TABLE stage_kept");
        }

        connection.ExecuteScript("DROP TABLE stage_repeats");
        return new MergeCounts(loaded, laterRepeats - conflicts + (firsts - loaded), conflicts, replaced);
    }

    /// <summary>
    /// Settles a batch that was appended straight into the facts: keeps the first row per key within the file, quarantines a
    /// later row of the same key with other content as a conflict, and removes the batch's rows whose key was already loaded
    /// (or, when replacing, the earlier rows of the batch's keys).
    /// </summary>
    /// <remarks>
    /// Works on the key, the line and (for repeated keys only) a hash of the content, so a file without repeats costs one
    /// grouping of its keys and one semi-join with the keys loaded before; nothing is copied, and the rows that stay were
    /// written once.
    /// </remarks>
    private static MergeCounts Settle(DuckDbConnection connection, SourceSchema schema, long batchId, long appended, bool replace)
    {
        var (key, fact) = (schema.KeyExpression, schema.FactTable);
        var content = $"hash({string.Join(", ", schema.ContentColumnNames)})";
        var batch = FormattableString.Invariant($"batch_id = {batchId}");
        connection.ExecuteScript($"""
            CREATE OR REPLACE TEMP TABLE batch_repeats AS
            SELECT source_line, _key, row_number() OVER w AS _rn, _content, first_value(_content) OVER w AS _first_content,
                   first_value(source_line) OVER w AS _first_line
            FROM (SELECT source_line, {key} AS _key, {content} AS _content FROM {fact}
                  WHERE {batch} AND {key} IN (SELECT {key} FROM {fact} WHERE {batch} GROUP BY ALL HAVING count(*) > 1))
            WINDOW w AS (PARTITION BY _key ORDER BY source_line ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            """);
        var conflicts = connection.Execute(
            """
            INSERT INTO quarantine
            SELECT $1, source_line, NULL, '编号“' || _key || '”与本文件第 ' || _first_line || ' 行重复但内容不同，已保留第 ' || _first_line || ' 行'
            FROM batch_repeats WHERE _rn > 1 AND _content <> _first_content
            """, batchId);
        var laterRepeats = connection.Execute(
            $"DELETE FROM {fact} WHERE {batch} AND source_line IN (SELECT source_line FROM batch_repeats WHERE _rn > 1)");
        connection.ExecuteScript("DROP TABLE batch_repeats");

        // Keys loaded by earlier batches: with --replace their old rows go, otherwise this batch's rows are duplicates. (A
        // direct source has no child rows to delete with its facts.)
        var earlier = $"SELECT {key} FROM {fact} WHERE NOT {batch}";
        var mine = $"SELECT {key} FROM {fact} WHERE {batch}";
        long replaced = 0, known = 0;
        if (connection.ExecuteScalar<bool>($"SELECT EXISTS ({earlier})"))
        {
            if (replace)
            {
                replaced = connection.Execute($"DELETE FROM {fact} WHERE NOT {batch} AND {key} IN ({mine})");
            }
            else
            {
                known = connection.Execute($"DELETE FROM {fact} WHERE {batch} AND {key} IN ({earlier})");
            }
        }

        return new MergeCounts(appended - laterRepeats - known, laterRepeats - conflicts + known, conflicts, replaced);
    }

    /// <summary>
    /// Gives the conflicting rows their text in quarantine by reading the file once more up to the last of them: conflicts
    /// are rare, and keeping every row's text in staging for their sake would cost a copy of the whole file.
    /// </summary>
    private void FillConflictTexts(DuckDbConnection connection, IngestSource source, SourceSchema schema, string path, IngestOptions options, long batchId)
    {
        var lines = connection.Query("SELECT line FROM quarantine WHERE batch_id = $1 AND raw_text IS NULL", r => r.Field<long>(0), batchId)
            .ToHashSet();
        var last = lines.Max();
        using var reader = Open(source, path, options);
        var map = ColumnMap.Resolve(source, reader.Headers, _aliases, options.Map, options.Defaults);
        var fields = new FieldReader(map, _warehouse.Reference, reader.Headers.Count);
        using var update = connection.Prepare("UPDATE quarantine SET raw_text = $1 WHERE batch_id = $2 AND line = $3");
        while (reader.TryRead(out var row) && row.Line <= last)
        {
            if (lines.Contains(row.Line))
            {
                fields.Reset(row);
                update.BindAll(schema.QuarantineText(fields), batchId, row.Line).ExecuteNonQuery();
            }
        }
    }
}
