using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>
/// Writes RFC 4180 CSV: CRLF line ends, a cell quoted only when it holds a comma, quote, CR or LF, quotes doubled.
/// UTF-8 with a byte-order mark by default (what Excel needs to show Chinese), or any encoding given, such as GB18030.
/// </summary>
public sealed class CsvTabularWriter : ITabularWriter
{
    private static readonly char[] CharsNeedingQuotes = [',', '"', '\r', '\n'];

    private readonly StreamWriter _writer;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    /// <param name="title">A one-cell title line written before the header, as many exports have.</param>
    public CsvTabularWriter(string path, Encoding? encoding = null, string? title = null)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), encoding, title, leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>, which is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public CsvTabularWriter(Stream stream, Encoding? encoding = null, string? title = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = new StreamWriter(stream, encoding ?? Utf8WithBom, 1 << 16, leaveOpen) { NewLine = "\r\n" };
        if (title is not null)
        {
            WriteRow([title]);
        }
    }

    /// <summary>UTF-8 that starts the file with a byte-order mark.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public void WriteRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteCell(cells[i]);
        }

        _writer.WriteLine();
    }

    public void Dispose() => _writer.Dispose();

    private void WriteCell(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
        {
            return;
        }

        if (cell.AsSpan().IndexOfAny(CharsNeedingQuotes) < 0)
        {
            _writer.Write(cell);
            return;
        }

        _writer.Write('"');
        _writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
