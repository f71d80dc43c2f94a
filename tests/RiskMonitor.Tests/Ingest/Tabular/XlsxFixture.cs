using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace RiskMonitor.Tests.Ingest.Tabular;

/// <summary>One sheet of a test workbook; a null row is a row the sheet leaves out (a gap in its row numbers).</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<object?[]?> Rows);

/// <summary>
/// Writes minimal SpreadsheetML workbooks for tests: inline strings, numbers, booleans, and dates as serial numbers with a
/// date (style 1) or date-time (style 2) number format, as Excel itself stores them.
/// </summary>
internal static class XlsxFixture
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static void Write(string path, params XlsxSheet[] sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", ContentTypes(sheets.Length));
        Add(zip, "_rels/.rels",
            $"""<Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", Workbook(sheets));
        Add(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Length));
        Add(zip, "xl/styles.xml",
            $"""<styleSheet xmlns="{Main}"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        for (var i = 0; i < sheets.Length; i++)
        {
            Add(zip, $"xl/worksheets/sheet{i + 1}.xml", Worksheet(sheets[i].Rows));
        }
    }

    public static void Write(string path, params object?[]?[] rows) => Write(path, new XlsxSheet("Sheet1", rows));

    private static string ContentTypes(int sheetCount)
    {
        var text = new StringBuilder($"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""");
        text.Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""");
        text.Append("""<Default Extension="xml" ContentType="application/xml"/>""");
        text.Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""");
        text.Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= sheetCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return text.Append("</Types>").ToString();
    }

    private static string Workbook(XlsxSheet[] sheets)
    {
        var text = new StringBuilder($"""<workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets>""");
        for (var i = 0; i < sheets.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"""<sheet name="{SecurityElement.Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        return text.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRelationships(int sheetCount)
    {
        var text = new StringBuilder($"""<Relationships xmlns="{PackageRelationships}">""");
        for (var i = 1; i <= sheetCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"""<Relationship Id="rId{i}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"""<Relationship Id="rId{sheetCount + 1}" Type="{Relationships}/styles" Target="styles.xml"/>""");
        return text.Append("</Relationships>").ToString();
    }

    private static string Worksheet(IReadOnlyList<object?[]?> rows)
    {
        var text = new StringBuilder($"""<worksheet xmlns="{Main}"><sheetData>""");
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } cells)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
            for (var c = 0; c < cells.Length; c++)
            {
                AppendCell(text, $"{ColumnName(c)}{r + 1}", cells[c]);
            }

            text.Append("</row>");
        }

        return text.Append("</sheetData></worksheet>").ToString();
    }

    private static void AppendCell(StringBuilder text, string reference, object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        _ = value switch
        {
            null => text,
            string s => text.Append(invariant, $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(s)}</t></is></c>"""),
            bool b => text.Append(invariant, $"""<c r="{reference}" t="b"><v>{(b ? 1 : 0)}</v></c>"""),
            DateTime d => text.Append(invariant,
                $"""<c r="{reference}" s="{(d.TimeOfDay == TimeSpan.Zero ? 1 : 2)}"><v>{d.ToOADate().ToString("R", invariant)}</v></c>"""),
            IFormattable n => text.Append(invariant, $"""<c r="{reference}"><v>{n.ToString(null, invariant)}</v></c>"""),
            _ => throw new ArgumentException($"Unsupported cell value {value}", nameof(value)),
        };
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        writer.Write(content);
    }
}
