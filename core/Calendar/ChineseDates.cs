using System.Globalization;

namespace RiskMonitor.Core.Calendar;

/// <summary>Dates as a clerk reads them (2026年2月10日, 星期二), independent of the machine's culture.</summary>
internal static class ChineseDates
{
    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string Long(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    public static string Weekday(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];

    /// <summary>2026年2月16日（星期一）.</summary>
    public static string WithWeekday(DateOnly date) => $"{Long(date)}（{Weekday(date)}）";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
