using System.CommandLine;
using System.Globalization;
using RiskMonitor.Core;

namespace RiskMonitor.App.Cli;

/// <summary>The <c>--month YYYY-MM</c> option shared by several commands.</summary>
public static class MonthArgument
{
    public static Option<string> Create(bool required = true) => new("--month")
    {
        Description = "月份，格式 YYYY-MM",
        Required = required,
    };

    public static DateOnly Parse(string? text)
    {
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        throw new UsageException($"月份“{text}”格式不正确，应为 YYYY-MM，例如 2026-10");
    }
}
