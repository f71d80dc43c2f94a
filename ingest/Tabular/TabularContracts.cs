using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>One data row of a tabular file.</summary>
/// <param name="Line">1-based line (CSV, the line the record starts on) or row number (XLSX) in the file, for quarantine.</param>
/// <param name="Cells">Cell texts, trimmed, aligned with the header; missing trailing cells are empty strings.</param>
/// <param name="RawText">The row as it stood in the file (CSV) or its cells joined with commas (XLSX).</param>
/// <remarks>
/// Readers build <see cref="RawText"/> only when it is first asked for if it is exactly the leading cells joined with
/// commas (a CSV record without quotes or trimmed spaces, any Excel row): the ingest needs it only for the rows it
/// quarantines, and a large import saves one copy of every row.
/// </remarks>
public sealed record TabularRow(long Line, IReadOnlyList<string> Cells, string RawText)
{
    private readonly string[]? _joinedCells;
    private readonly int _joinedCount;
    private string? _rawText = RawText;

    /// <summary>A row whose text is its first <paramref name="joinedCount"/> cells joined with commas.</summary>
    internal TabularRow(long line, string[] cells, int joinedCount)
        : this(line, cells, null!)
    {
        _joinedCells = cells;
        _joinedCount = joinedCount;
    }

    public string RawText
    {
        get => _rawText ??= string.Join(',', _joinedCells!, 0, _joinedCount);
        init => _rawText = value;
    }

    // Equality is by value of what the row says, not by whether its text has been built yet.
    public bool Equals(TabularRow? other) =>
        other is not null && Line == other.Line && EqualityComparer<IReadOnlyList<string>>.Default.Equals(Cells, other.Cells)
        && RawText == other.RawText;

    public override int GetHashCode() => HashCode.Combine(Line, Cells, RawText);
}

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
