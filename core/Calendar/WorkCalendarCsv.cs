using System.Globalization;

namespace RiskMonitor.Core.Calendar;

/// <summary>
/// Reads the holiday file format <c>date,kind,name</c> (one row per holiday or adjusted working day, ISO dates).
/// Every mistake is reported with its file and line, in Chinese, because the file is edited by users.
/// </summary>
internal static class WorkCalendarCsv
{
    public const string Header = "date,kind,name";

    public static List<CalendarAdjustment> Read(TextReader reader, string source)
    {
        var rows = new List<CalendarAdjustment>();
        var seen = new HashSet<DateOnly>();
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Trim();
        if (!string.Equals(header, Header, StringComparison.OrdinalIgnoreCase))
        {
            throw Error(source, 1, $"表头应为“{Header}”，实际为“{header}”");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var row = ParseRow(line, source, lineNumber);
            if (!seen.Add(row.Date))
            {
                throw Error(source, lineNumber, $"日期 {ChineseDates.Iso(row.Date)} 重复出现");
            }

            rows.Add(row);
        }

        return rows;
    }

    private static CalendarAdjustment ParseRow(string line, string source, int lineNumber)
    {
        // The name is the last column, so a stray comma in it stays part of the name.
        var cells = line.Split(',', 3, StringSplitOptions.TrimEntries);
        if (cells.Length < 3)
        {
            throw Error(source, lineNumber, $"应有 date、kind、name 三列：“{line}”");
        }

        if (!DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(source, lineNumber, $"日期“{cells[0]}”格式不正确，应为 yyyy-MM-dd");
        }

        var kind = cells[1].ToUpperInvariant() switch
        {
            "HOLIDAY" => AdjustmentKind.Holiday,
            "WORKDAY" => AdjustmentKind.Workday,
            _ => throw Error(source, lineNumber, $"类型“{cells[1]}”无效，应为 holiday（放假）或 workday（调休上班）"),
        };

        if (cells[2].Length == 0)
        {
            throw Error(source, lineNumber, "名称不能为空");
        }

        // An adjusted working day is by definition a weekend day; a weekday here is a typo that would go unnoticed.
        if (kind == AdjustmentKind.Workday && !WorkCalendar.IsWeekend(date))
        {
            throw Error(source, lineNumber, $"{ChineseDates.Iso(date)} 不是周六或周日，不能标为调休上班日（workday）");
        }

        return new CalendarAdjustment(date, kind, cells[2]);
    }

    private static RiskMonitorException Error(string source, int lineNumber, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"节假日文件 {source} 第 {lineNumber} 行：{message}"));
}
