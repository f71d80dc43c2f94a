using RiskMonitor.Core.Data;
using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Ingest.Sources;

/// <summary>
/// How one source travels from a parsed row to its fact table: the staging table it is appended to, the natural key that
/// makes re-sends idempotent, and the SQL that merges staged rows into the facts.
/// </summary>
public abstract class SourceSchema
{
    public abstract IngestSource Source { get; }

    /// <summary>The fact table rows end up in.</summary>
    public abstract string FactTable { get; }

    /// <summary>Columns of the staging table, in appender order; <c>source_line</c> is added by the runner.</summary>
    public abstract string StagingColumns { get; }

    /// <summary>The names of <see cref="StagingColumns"/>: what two rows of one key are compared on.</summary>
    public IEnumerable<string> StagingColumnNames =>
        StagingColumns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0]);

    /// <summary>SQL expression of the natural key over staging or fact rows.</summary>
    public abstract string KeyExpression { get; }

    /// <summary>The fact table's columns and the staging expressions that fill them (same order).</summary>
    public abstract (string Columns, string Select) FactMapping { get; }

    /// <summary>Parses a row; on success appends exactly the staging columns (without line and raw text) and returns true.</summary>
    public abstract bool TryStage(FieldReader fields, DuckDbAppender stage);

    /// <summary>The row's text as it may be kept in quarantine: as it stood in the file, unless the source holds personal data.</summary>
    public virtual string QuarantineText(FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Row.RawText;
    }

    /// <summary>A quarantine reason as it may be kept: a misaligned cell can put personal data where a field was expected.</summary>
    public virtual string Protect(string reason) => reason;

    /// <summary>Cells joined as one CSV line, quoting those that need it.</summary>
    protected static string JoinCells(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\r\n") < 0 ? c : "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Whether <see cref="AfterMerge"/> reads the staged rows that were loaded (as <c>stage_kept</c>).</summary>
    public virtual bool UsesKeptRows => false;

    /// <summary>Child rows and dimensions that follow the facts (failed items, stations); runs inside the batch transaction.</summary>
    public virtual void AfterMerge(DuckDbConnection connection, long batchId, bool replace)
    {
    }

    /// <summary>Deletes what a corrected re-send replaces (the fact rows and their children) for keys present in staging.</summary>
    public virtual long DeleteReplaced(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Execute($"DELETE FROM {FactTable} WHERE {KeyExpression} IN (SELECT {KeyExpression} FROM stage)");
    }

    public static SourceSchema For(
        IngestSource source, Normalisation.PersonalData personalData, Normalisation.TextSignals signals, Core.Domain.ReferenceData reference) => source switch
    {
        IngestSource.Complaints => new ComplaintSchema(personalData, signals),
        IngestSource.SpotChecks => new SpotCheckSchema(reference),
        _ => new StationReportSchema(reference),
    };
}
