using static System.FormattableString;

namespace RiskMonitor.Ingest.Sample;

/// <summary>How a sender writes dates; one style per file, different between files, as real exports differ.</summary>
internal enum DateStyle
{
    /// <summary>2026-03-05 14:02:11</summary>
    IsoDateTime,

    /// <summary>2026/3/5</summary>
    Slash,

    /// <summary>2026年3月5日</summary>
    Chinese,

    /// <summary>20260305</summary>
    Compact,

    /// <summary>2026/3/5 14:02</summary>
    SlashDateTime,
}

/// <summary>How a station report names its month: 2026-03, 2026年3月, 202603 or 2026/03.</summary>
internal enum MonthStyle
{
    Dash,
    Chinese,
    Compact,
    Slash,
}

internal static class DateStyles
{
    public static string Format(this DateStyle style, DateTime t) => Format(style, t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second);

    public static string Format(this DateStyle style, DateOnly d) => Format(style, d.Year, d.Month, d.Day, 9, 0, 0);

    /// <summary>A date that cannot exist (2026-02-29, 2026-04-31, …) written in this style, as a typo in a real export.</summary>
    public static string Impossible(this DateStyle style, DateOnly month, Random random)
    {
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        // A 31-day month has no impossible day in it; the typo then lands on February 30th.
        var (m, d) = days < 31 ? (month.Month, days + 1) : (2, 30);
        return Format(style, month.Year, m, d, random.Next(8, 18), random.Next(60), random.Next(60));
    }

    public static string Format(this MonthStyle style, DateOnly month) => Format(style, month.Year, month.Month);

    /// <summary>Month 13, as a typo in a station's monthly report.</summary>
    public static string Impossible(this MonthStyle style, DateOnly month) => Format(style, month.Year, 13);

    private static string Format(DateStyle style, int y, int mo, int d, int h, int mi, int s) => style switch
    {
        DateStyle.IsoDateTime => Invariant($"{y:0000}-{mo:00}-{d:00} {h:00}:{mi:00}:{s:00}"),
        DateStyle.Slash => Invariant($"{y}/{mo}/{d}"),
        DateStyle.Chinese => Invariant($"{y}年{mo}月{d}日"),
        DateStyle.Compact => Invariant($"{y:0000}{mo:00}{d:00}"),
        _ => Invariant($"{y}/{mo}/{d} {h}:{mi:00}"),
    };

    private static string Format(MonthStyle style, int y, int mo) => style switch
    {
        MonthStyle.Dash => Invariant($"{y:0000}-{mo:00}"),
        MonthStyle.Chinese => Invariant($"{y}年{mo}月"),
        MonthStyle.Compact => Invariant($"{y:0000}{mo:00}"),
        _ => Invariant($"{y:0000}/{mo:00}"),
    };
}
