using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Ingest.Pipeline;

/// <summary>How to ingest one file.</summary>
/// <param name="Encoding">CSV encoding; detected when null.</param>
/// <param name="Sheet">Excel sheet; the first when null.</param>
/// <param name="Strict">Fail the whole file on the first bad row instead of quarantining it.</param>
/// <param name="Replace">A row whose key is already loaded replaces the earlier one (a corrected re-send).</param>
/// <param name="Map">File header → canonical column, for headers the alias table does not know.</param>
/// <param name="Defaults">Canonical column → value, for columns the file lacks (e.g. region for non-Hubei data).</param>
public sealed record IngestOptions(
    string? Encoding = null,
    string? Sheet = null,
    bool Strict = false,
    bool Replace = false,
    IReadOnlyDictionary<string, string>? Map = null,
    IReadOnlyDictionary<string, string>? Defaults = null);

/// <summary>Outcome of one file.</summary>
/// <param name="Status">loaded, skipped (same file already loaded) or failed (nothing loaded).</param>
public sealed record IngestResult(
    string File,
    IngestSource Source,
    long BatchId,
    string Status,
    long Read,
    long Loaded,
    long Quarantined,
    long Duplicate,
    long Replaced,
    string? Message)
{
    public bool Failed => Status == IngestStatus.Failed;
}

public static class IngestStatus
{
    public const string Loaded = "loaded";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}

/// <summary>Progress of a running file: rows read and the fraction of the file consumed.</summary>
public sealed record IngestProgress(string File, long Rows, double Fraction);
