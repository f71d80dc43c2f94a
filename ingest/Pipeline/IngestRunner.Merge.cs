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
    /// text: a row written twice with the same meaning is a duplicate, one that says something else a conflict.
    /// </remarks>
    private static MergeCounts Merge(DuckDbConnection connection, SourceSchema schema, long batchId, bool replace)
    {
        var key = schema.KeyExpression;
        var content = $"hash({string.Join(", ", schema.StagingColumnNames)})";
        connection.ExecuteScript($"""
            CREATE OR REPLACE TEMP TABLE stage_ranked AS
            SELECT *, {key} AS _key, {content} AS _content,
                   row_number() OVER w AS _rn, first_value({content}) OVER w AS _first_content, first_value(source_line) OVER w AS _first_line
            FROM stage
            WINDOW w AS (PARTITION BY {key} ORDER BY source_line ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
            """);
        var conflicts = connection.Execute(
            """
            INSERT INTO quarantine
            SELECT $1, source_line, NULL, '编号“' || _key || '”与本文件第 ' || _first_line || ' 行重复但内容不同，已保留第 ' || _first_line || ' 行'
            FROM stage_ranked WHERE _rn > 1 AND _content <> _first_content
            """, batchId);
        var inFileDuplicates = connection.ExecuteScalar<long>("SELECT count(*) FROM stage_ranked WHERE _rn > 1 AND _content = _first_content");
        var replaced = replace ? schema.DeleteReplaced(connection) : 0;
        connection.ExecuteScript($"""
            CREATE OR REPLACE TEMP TABLE stage_kept AS
            SELECT * FROM stage_ranked WHERE _rn = 1 AND _key NOT IN (SELECT {key} FROM {schema.FactTable})
            """);
        var firsts = connection.ExecuteScalar<long>("SELECT count(*) FROM stage_ranked WHERE _rn = 1");
        var (columns, select) = schema.FactMapping;
        var loaded = connection.Execute($"INSERT INTO {schema.FactTable} ({columns}) SELECT {select} FROM stage_kept", batchId);
        schema.AfterMerge(connection, batchId, replace);
        connection.ExecuteScript("DROP TABLE stage; DROP TABLE stage_ranked; DROP TABLE stage_kept;");
        return new MergeCounts(loaded, inFileDuplicates + (firsts - loaded), conflicts, replaced);
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
