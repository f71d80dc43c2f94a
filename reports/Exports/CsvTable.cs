using System.Globalization;
using System.Text;

namespace RiskMonitor.Reports.Exports;

/// <summary>
/// Writes a <see cref="TableData"/> as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the Chinese).
/// Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) are prefixed
/// with an apostrophe: complaint text and file names come from outside and must never execute.
/// </summary>
public static class CsvTable
{
    public static void Write(TableData table, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(",", table.Columns.Select(c => Quote(Neutralise(c.Label)))));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(",", row.Select(v => Quote(Cell(v)))));
        }
    }

    /// <summary>The text of one cell: numbers and dates invariant, text neutralised.</summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s => Neutralise(s),
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(value.ToString() ?? string.Empty),
    };

    /// <summary>Prefixes text that a spreadsheet would treat as a formula with an apostrophe.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
