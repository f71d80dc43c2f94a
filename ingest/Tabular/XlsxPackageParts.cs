using System.IO.Compression;
using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>The fixed parts of a one-sheet SpreadsheetML package and the XML escaping its cells need.</summary>
internal static class XlsxPackageParts
{
    public const string SheetEntry = "xl/worksheets/sheet1.xml";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    // A fixed entry time keeps the bytes identical for identical rows (ZIP stores DOS times from 1980 on).
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteFixedParts(ZipArchive zip, string sheetName)
    {
        Write(zip, "[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""
            + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
            + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
            + """<Default Extension="xml" ContentType="application/xml"/>"""
            + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
            + """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""
            + """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
            + "</Types>");
        Write(zip, "_rels/.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelationships}">"""
            + $"""<Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Write(zip, "xl/workbook.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Relationships}">"""
            + $"""<sheets><sheet name="{Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Write(zip, "xl/_rels/workbook.xml.rels",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelationships}">"""
            + $"""<Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/>"""
            + $"""<Relationship Id="rId2" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>""");
        Write(zip, "xl/styles.xml",
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{Main}">"""
            + """<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>"""
            + """<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"""
            + """<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"""
            + """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"""
            + """<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"""
            + """<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"""
            + """<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""");
    }

    /// <summary>Opens the sheet entry for streaming; the caller writes rows and closes it before the archive.</summary>
    public static StreamWriter OpenSheet(ZipArchive zip)
    {
        var writer = new StreamWriter(CreateEntry(zip, SheetEntry).Open(), Utf8NoBom, 1 << 16);
        writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}">""");
        writer.Write("""<sheetFormatPr defaultColWidth="16" defaultRowHeight="15"/><sheetData>""");
        return writer;
    }

    /// <summary>A column's letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        Span<char> buffer = stackalloc char[4];
        var position = buffer.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            buffer[--position] = (char)('A' + ((n - 1) % 26));
        }

        return new string(buffer[position..]);
    }

    /// <summary>Escapes text for an XML element or attribute and drops the characters XML 1.0 cannot carry.</summary>
    public static string Escape(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\r' || (c < ' ' && c is not '\t' and not '\n') || char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                // A literal CR would be folded into LF by any XML parser; a character reference survives.
                case '\r': builder.Append("&#13;"); break;
                case '\t' or '\n': builder.Append(c); break;
                case < ' ': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static void Write(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(CreateEntry(zip, name).Open(), Utf8NoBom);
        writer.Write(xml);
    }

    private static ZipArchiveEntry CreateEntry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry;
    }
}
