using System.Globalization;
using System.IO.Compression;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>
/// Writes a one-sheet .xlsx whose rows stream straight into the compressed sheet entry, so a file of any length needs
/// only one row in memory. Every cell is an inline string styled as text: IDs keep their leading zeros and dates stay
/// exactly as given, and no shared-string table has to be held until the end.
/// </summary>
/// <remarks>
/// Only the parts Excel and ExcelDataReader require are written (content types, relationships, workbook, styles, sheet),
/// with System.IO.Compression; no dimension element, since the size is unknown until the last row.
/// </remarks>
public sealed class XlsxTabularWriter : ITabularWriter
{
    private static readonly System.Buffers.SearchValues<char> SheetNameForbidden = System.Buffers.SearchValues.Create("[]:*?/\\");

    private readonly ZipArchive _zip;
    private readonly StreamWriter _sheet;
    private readonly bool _hasTitle;
    private long _rowNumber;
    private int _titleSpan;
    private bool _disposed;

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    /// <param name="title">A title in cell A1, merged across the header's width, before the header row.</param>
    public XlsxTabularWriter(string path, string? title = null, string sheetName = "Sheet1")
        : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16), title, sheetName, leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>, which is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public XlsxTabularWriter(Stream stream, string? title = null, string sheetName = "Sheet1", bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        if (sheetName.Length > 31 || sheetName.AsSpan().IndexOfAny(SheetNameForbidden) >= 0)
        {
            throw new ArgumentException($"invalid Excel sheet name '{sheetName}'", nameof(sheetName));
        }

        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen);
        XlsxPackageParts.WriteFixedParts(_zip, sheetName);
        _sheet = XlsxPackageParts.OpenSheet(_zip);
        if (title is not null)
        {
            _hasTitle = true;
            WriteRow([title]);
        }
    }

    public void WriteRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var row = (++_rowNumber).ToString(CultureInfo.InvariantCulture);
        if (_hasTitle && _rowNumber == 2)
        {
            _titleSpan = cells.Count;
        }

        _sheet.Write("<row r=\"");
        _sheet.Write(row);
        _sheet.Write("\">");
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (string.IsNullOrEmpty(cell))
            {
                continue;
            }

            // Style 1 is the text format "@" (styles.xml), so Excel keeps "007" as typed when a user edits the cell.
            _sheet.Write("<c r=\"");
            _sheet.Write(XlsxPackageParts.ColumnName(i));
            _sheet.Write(row);
            _sheet.Write("\" s=\"1\" t=\"inlineStr\"><is><t");
            if (char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]) || cell.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0)
            {
                _sheet.Write(" xml:space=\"preserve\"");
            }

            _sheet.Write('>');
            _sheet.Write(XlsxPackageParts.Escape(cell));
            _sheet.Write("</t></is></c>");
        }

        _sheet.Write("</row>");
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _sheet.Write("</sheetData>");
        if (_titleSpan > 1)
        {
            _sheet.Write($"<mergeCells count=\"1\"><mergeCell ref=\"A1:{XlsxPackageParts.ColumnName(_titleSpan - 1)}1\"/></mergeCells>");
        }

        _sheet.Write("</worksheet>");
        _sheet.Dispose();
        _zip.Dispose();
    }
}
