using System.Globalization;
using System.Text;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Analytics.Evaluation;

/// <summary>A risk planted in generated data: a line of the sample generator's <c>ground-truth.csv</c>.</summary>
/// <param name="RegionCode">Empty for a province-wide risk.</param>
public sealed record PlantedRisk(string Scenario, string CategoryCode, string RegionCode, DateOnly Start, DateOnly Peak, WarningLevel Level);

/// <summary>An analyst's decision on one subject-month: a line of a label file.</summary>
/// <param name="RegionCode">Empty for province-wide.</param>
public sealed record LevelLabel(DateOnly Month, string CategoryCode, string RegionCode, WarningLevel Level);

/// <summary>Reads ground-truth and label files (CSV in UTF-8 or GB18030, or Excel), and writes label files.</summary>
/// <remarks>
/// Categories are given by code or Chinese name (aliases too), regions by code or name, empty for province-wide; levels as
/// I/II/III/IV, 红/橙/黄/蓝 or none. Months as YYYY-MM.
/// </remarks>
public static class LevelFiles
{
    public static readonly IReadOnlyList<string> TruthHeader = ["scenario", "category", "region", "start_month", "peak_month", "level"];
    public static readonly IReadOnlyList<string> LabelHeader = ["month", "category", "region", "level"];

    public static IReadOnlyList<PlantedRisk> ReadTruth(string path, ReferenceData reference) =>
        Read(path, TruthHeader, reference, (cells, line) => new PlantedRisk(
            cells[0], Category(cells[1], reference, line), Region(cells[2], reference, line), Month(cells[3], line), Month(cells[4], line),
            Level(cells[5], line)));

    public static IReadOnlyList<LevelLabel> ReadLabels(string path, ReferenceData reference) =>
        Read(path, LabelHeader, reference, (cells, line) => new LevelLabel(
            Month(cells[0], line), Category(cells[1], reference, line), Region(cells[2], reference, line), Level(cells[3], line)));

    /// <summary>Writes labels as UTF-8 CSV with Chinese category and region names, levels as I–IV or none.</summary>
    public static void WriteLabels(string path, IEnumerable<LevelLabel> labels, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(reference);
        using var writer = new CsvTabularWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.WriteRow(LabelHeader);
        foreach (var l in labels.OrderBy(l => l.Month).ThenBy(l => l.CategoryCode, StringComparer.Ordinal).ThenBy(l => l.RegionCode, StringComparer.Ordinal))
        {
            writer.WriteRow([
                l.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), reference.Category(l.CategoryCode).Name,
                l.RegionCode.Length == 0 ? string.Empty : reference.Region(l.RegionCode).Name, l.Level == WarningLevel.None ? "none" : l.Level.Roman(),
            ]);
        }
    }

    private static List<T> Read<T>(string path, IReadOnlyList<string> header, ReferenceData reference, Func<string[], long, T> map)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!File.Exists(path))
        {
            throw new RiskMonitorException($"文件不存在：{path}");
        }

        using var reader = TabularFile.Open(path, new TabularReadOptions(KnownHeaders: header.ToArray()));
        var columns = header.Select(h => IndexOf(reader.Headers, h, path)).ToArray();
        var rows = new List<T>();
        while (reader.TryRead(out var row))
        {
            rows.Add(map(columns.Select(i => i < row.Cells.Count ? row.Cells[i].Trim() : string.Empty).ToArray(), row.Line));
        }

        return rows;
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name, string path)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new RiskMonitorException($"{Path.GetFileName(path)} 缺少列“{name}”（应有列：{string.Join(",", headers)}）");
    }

    private static string Category(string text, ReferenceData reference, long line) =>
        reference.FindCategory(text)?.Code ?? throw new RiskMonitorException($"第 {line} 行：无法识别的产品类别“{text}”");

    private static string Region(string text, ReferenceData reference, long line) =>
        text.Length == 0 || text is "全省" or "湖北省" ? string.Empty
            : reference.FindRegion(text)?.Code ?? throw new RiskMonitorException($"第 {line} 行：无法识别的地区“{text}”");

    private static DateOnly Month(string text, long line) =>
        DateOnly.TryParseExact(text.Replace('/', '-') + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw new RiskMonitorException($"第 {line} 行：月份“{text}”格式不正确，应为 YYYY-MM");

    private static WarningLevel Level(string text, long line) =>
        WarningLevels.TryParse(text, out var level) ? level : throw new RiskMonitorException($"第 {line} 行：无法识别的预警级别“{text}”");
}
