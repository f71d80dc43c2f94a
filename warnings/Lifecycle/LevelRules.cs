using System.Globalization;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>What the month's analysis proposes for a warning in force: nothing, or a round of the given action and level.</summary>
public sealed record LevelDecision(NoticeAction? Action, WarningLevel Target, string Reason)
{
    public static LevelDecision Keep { get; } = new(null, WarningLevel.None, string.Empty);
}

/// <summary>
/// The dynamic adjustment rule (regulation 003 Art. 19 and 24) for a warning in force: a higher level this month proposes
/// an upgrade at once; levels below the one in force for <c>CalmMonths</c> analysed months in a row propose a downgrade to
/// the highest level of that window, or lifting when none of those months reached a warning level.
/// </summary>
public static class LevelRules
{
    /// <param name="window">The subject's levels for the last <c>CalmMonths</c> months, oldest first, ending with <paramref name="month"/>;
    /// null when one of those months was never analysed, so that a gap in the data never reads as calm.</param>
    public static LevelDecision Decide(WarningLevel inForce, WarningLevel current, IReadOnlyList<WarningLevel>? window, DateOnly month)
    {
        if (current > inForce)
        {
            return new LevelDecision(NoticeAction.Upgrade, current,
                $"{Month(month)}评估为{current.ChineseLabel()}，高于现行{inForce.ChineseLabel()}，建议升级预警");
        }

        if (window is null || window.Count == 0 || window.Any(level => level >= inForce))
        {
            return LevelDecision.Keep;
        }

        var span = window.Count == 1 ? Month(month) : $"{Month(month.AddMonths(1 - window.Count))}至{Month(month)}";
        var highest = window.Max();
        var count = window.Count.ToString(CultureInfo.InvariantCulture);
        return highest == WarningLevel.None
            ? new LevelDecision(NoticeAction.Lift, WarningLevel.None,
                $"{span}连续{count}个月未达到预警级别，风险信号已消退，建议解除预警")
            : new LevelDecision(NoticeAction.Downgrade, highest,
                $"{span}连续{count}个月评估等级低于现行{inForce.ChineseLabel()}，期间最高为{highest.ChineseLabel()}，建议降级预警");
    }

    private static string Month(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year}年{month.Month}月");
}
