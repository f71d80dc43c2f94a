using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>The container a test file comes in.</summary>
public enum FileFormat
{
    CsvUtf8,
    CsvGb18030,
    Xlsx,
}

/// <summary>Whether a test file's header row uses the Chinese names senders use or the canonical column names.</summary>
public enum HeaderStyle
{
    Chinese,
    Canonical,
}

/// <summary>Writes rows given by canonical column into a CSV (UTF-8 or GB18030) or XLSX file under either header style.</summary>
public static class TestFile
{
    public static string Write(
        TempDirectory directory, string name, IngestSource source, FileFormat format, HeaderStyle headers,
        IReadOnlyList<string> columns, IEnumerable<string?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var path = directory.File(name + (format == FileFormat.Xlsx ? ".xlsx" : ".csv"));
        using var writer = TabularWriters.Create(path, format == FileFormat.CsvGb18030 ? TabularWriters.Gb18030 : null);
        writer.WriteRow(columns.Select(c => headers == HeaderStyle.Chinese ? ChineseHeader(source, c) : c).ToArray());
        foreach (var row in rows)
        {
            writer.WriteRow(row);
        }

        return path;
    }

    /// <summary>The first alias the header table lists for a canonical column: the name the bureau's own exports use.</summary>
    public static string ChineseHeader(IngestSource source, string canonical) =>
        HeaderAliases.Default.Columns(source).Single(c => c.Name == canonical).Aliases[0];

    /// <summary>Every combination of format and header style, for theories over the sources.</summary>
    public static TheoryData<FileFormat, HeaderStyle> Variants()
    {
        var data = new TheoryData<FileFormat, HeaderStyle>();
        foreach (var format in Enum.GetValues<FileFormat>())
        {
            foreach (var style in Enum.GetValues<HeaderStyle>())
            {
                data.Add(format, style);
            }
        }

        return data;
    }
}
