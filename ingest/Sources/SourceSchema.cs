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

    /// <summary>
    /// Whether rows are appended straight into <see cref="FactTable"/> inside the batch transaction and de-duplicated there
    /// afterwards (false: into a staging table that is merged into the facts).
    /// </summary>
    public virtual bool LoadsDirect => false;

    /// <summary>Columns of the staging table, in appender order; <c>source_line</c> follows them. Staged sources only.</summary>
    public virtual string StagingColumns => throw new NotSupportedException($"{Source} loads straight into {FactTable}");

    /// <summary>The names of <see cref="StagingColumns"/>.</summary>
    public IEnumerable<string> StagingColumnNames =>
        StagingColumns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0]);

    /// <summary>What two rows of one key in one file are compared on: the staged columns, or for a direct load the fact
    /// columns that come from the row.</summary>
    public virtual IEnumerable<string> ContentColumnNames => StagingColumnNames;

    /// <summary>SQL expression of the natural key over staging or fact rows.</summary>
    public abstract string KeyExpression { get; }

    /// <summary>The fact table's columns and the staging expressions that fill them (same order). Staged sources only.</summary>
    public virtual (string Columns, string Select) FactMapping => throw new NotSupportedException($"{Source} loads straight into {FactTable}");

    /// <summary>
    /// Parses a row; on success appends one whole row of the load's target (the staging columns then
    /// <paramref name="line"/>, or for a direct load the fact table's columns) and returns true; on failure appends nothing.
    /// </summary>
    public abstract bool TryStage(FieldReader fields, DuckDbChunkAppender target, long batchId, long line);

    /// <summary>Called once the load's appender is open, before the first row: the place to hook per-chunk work.</summary>
    public virtual void Prepare(DuckDbChunkAppender target)
    {
    }

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
