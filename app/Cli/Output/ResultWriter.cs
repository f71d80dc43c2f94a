using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskMonitor.Core.Data;

namespace RiskMonitor.App.Cli.Output;

/// <summary>Output formats for query results on the terminal.</summary>
public enum ResultFormat
{
    Table,
    Csv,
    Json,
}

/// <summary>Writes a streaming query result as an aligned table, CSV or JSON.</summary>
public static class ResultWriter
{
    public static long Write(DuckDbDataReader reader, TextWriter output, ResultFormat format)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            ResultFormat.Csv => WriteCsv(reader, output),
            ResultFormat.Json => WriteJson(reader, output),
            _ => WriteTable(reader, output),
        };
    }

    /// <summary>A value as text: ISO dates, invariant numbers, lists in brackets; null as null.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd 00:00:00", CultureInfo.InvariantCulture)
            : t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        object?[] list => "[" + string.Join(", ", list.Select(v => Format(v) ?? "NULL")) + "]",
        byte[] blob => "\\x" + Convert.ToHexString(blob),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static long WriteCsv(DuckDbDataReader reader, TextWriter output)
    {
        output.WriteLine(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => CsvCell(reader.GetName(i)))));
        long rows = 0;
        var cells = new string[reader.FieldCount];
        while (reader.Read())
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CsvCell(Format(reader.GetValue(i)) ?? string.Empty);
            }

            output.WriteLine(string.Join(',', cells));
            rows++;
        }

        return rows;
    }

    internal static string CsvCell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static long WriteJson(DuckDbDataReader reader, TextWriter output)
    {
        using var buffer = new MemoryStream();
        long rows = 0;
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            while (reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    json.WritePropertyName(reader.GetName(i));
                    WriteJsonValue(json, reader.GetValue(i));
                }

                json.WriteEndObject();
                rows++;
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        return rows;
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case decimal m: json.WriteNumberValue(m); break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case object?[] list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Format(value)); break;
        }
    }

    private static long WriteTable(DuckDbDataReader reader, TextWriter output)
    {
        // Widths need every row; analysts' ad-hoc results are small, and LIMIT keeps them so.
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Format(reader.GetValue(i)) ?? "NULL").ToArray());
        }

        var widths = header.Select((h, i) => rows.Select(r => DisplayWidth(r[i])).Append(DisplayWidth(h)).Max()).ToArray();
        WriteTableRow(output, header, widths);
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            WriteTableRow(output, row, widths);
        }

        output.WriteLine($"({rows.Count} 行)");
        return rows.Count;
    }

    private static void WriteTableRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join(" | ", cells.Select((c, i) => c + new string(' ', widths[i] - DisplayWidth(c)))).TrimEnd());

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    internal static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += (v >= 0x1100 && (v <= 0x115F || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
                || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
                || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD))) ? 2 : 1;
        }

        return width;
    }
}
