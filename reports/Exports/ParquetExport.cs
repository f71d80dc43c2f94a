using RiskMonitor.Core;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Reports.Exports;

/// <summary>One table written to Parquet.</summary>
public sealed record ParquetFile(string Table, string Path, long Rows);

/// <summary>
/// <c>riskmonitor export --format parquet</c>: every warehouse table to <c>&lt;table&gt;.parquet</c> through DuckDB's own
/// <c>COPY … TO</c>. Complainants' masked names, phones and keyed hashes are left out, and so are the raw lines of
/// quarantined rows (they are the file's text before masking): an export leaves the bureau's control.
/// </summary>
/// <remarks>
/// COPY takes neither its table nor its target file as a parameter, so both are checked instead: table names come from
/// the warehouse's own catalogue and are quoted as identifiers, and the target path is a string literal with quotes doubled.
/// </remarks>
public static class ParquetExport
{
    /// <summary>Columns never exported, by table.</summary>
    public static IReadOnlyDictionary<string, string[]> Withheld { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["fact_complaint"] = ["complainant_key", "complainant_name", "complainant_phone"],
        ["quarantine"] = ["raw_text"],
    };

    public static IReadOnlyList<ParquetFile> Write(DuckDbConnection connection, string directory)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Directory.CreateDirectory(directory);
        var tables = connection.Query(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY table_name",
            r => r.GetString(0));
        var files = new List<ParquetFile>();
        foreach (var table in tables)
        {
            var columns = connection.Query(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $1 ORDER BY column_index",
                r => r.GetString(0), table);
            var kept = columns.Except(Withheld.GetValueOrDefault(table) ?? [], StringComparer.Ordinal).Select(Identifier).ToList();
            var path = Path.GetFullPath(Path.Combine(directory, table + ".parquet"));
            connection.ExecuteScript(
                $"COPY (SELECT {string.Join(", ", kept)} FROM {Identifier(table)}) TO {Literal(path)} (FORMAT parquet, COMPRESSION zstd)");
            files.Add(new ParquetFile(table, path, connection.ExecuteScalar<long>($"SELECT count(*) FROM {Identifier(table)}")));
        }

        return files;
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) =>
        text.Contains('\0', StringComparison.Ordinal)
            ? throw new RiskMonitorException("导出路径不能包含空字符")
            : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
