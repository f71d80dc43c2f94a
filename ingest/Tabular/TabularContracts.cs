using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>One data row of a tabular file.</summary>
/// <param name="Line">1-based line (CSV, the line the record starts on) or row number (XLSX) in the file, for quarantine.</param>
/// <param name="Cells">Cell texts, trimmed, aligned with the header; missing trailing cells are empty strings.</param>
/// <param name="RawText">The row as it stood in the file (CSV) or its cells joined with commas (XLSX).</param>
public sealed record TabularRow(long Line, IReadOnlyList<string> Cells, string RawText);

/// <summary>How to read a file.</summary>
/// <param name="Encoding">CSV text encoding ("utf-8", "gb18030", "gbk"); detected when null.</param>
/// <param name="Sheet">XLSX/XLS sheet name; the first sheet when null.</param>
/// <param name="KnownHeaders">Header names that identify the header row, which may stand below title rows.</param>
public sealed record TabularReadOptions(string? Encoding = null, string? Sheet = null, IReadOnlyCollection<string>? KnownHeaders = null);

/// <summary>A streaming reader over a CSV or Excel file: one row in memory at a time.</summary>
public interface ITabularReader : IDisposable
{
    /// <summary>The header row's cells (trimmed).</summary>
    IReadOnlyList<string> Headers { get; }

    /// <summary>Line (or row) number of the header.</summary>
    long HeaderLine { get; }

    /// <summary>The encoding a CSV was read with (detected or given); null for Excel.</summary>
    Encoding? Encoding { get; }

    /// <summary>Fraction of the file consumed so far, 0..1, for progress display.</summary>
    double Progress { get; }

    /// <summary>Reads the next data row (blank rows are skipped); false at the end.</summary>
    bool TryRead(out TabularRow row);
}

/// <summary>Writes rows to a CSV or XLSX file.</summary>
public interface ITabularWriter : IDisposable
{
    void WriteRow(IReadOnlyList<string?> cells);
}

/// <summary>A file that cannot be read at all (wrong format, truncated, empty, no recognisable header).</summary>
public sealed class TabularFormatException : RiskMonitor.Core.RiskMonitorException
{
    public TabularFormatException() { }

    public TabularFormatException(string message) : base(message) { }

    public TabularFormatException(string message, Exception inner) : base(message, inner) { }
}
