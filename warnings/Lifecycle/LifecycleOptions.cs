using RiskMonitor.Core;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>How warnings are re-evaluated and what their notices ask (configuration section <c>WarningLifecycle</c>).</summary>
/// <param name="CalmMonths">Consecutive analysed months below the level in force before a downgrade or lifting is proposed.</param>
/// <param name="FeedbackDays">Calendar days from approval to the feedback deadline; a deadline on a day off moves to the next working day.</param>
/// <param name="TopParties">How many regions, producers and platforms a notice's scope names at most.</param>
public sealed record LifecycleOptions(int CalmMonths = 2, int FeedbackDays = 15, int TopParties = 5)
{
    public static LifecycleOptions Default { get; } = new();

    /// <summary>Every problem, in Chinese; empty when the options are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (CalmMonths is < 1 or > 24)
        {
            problems.Add($"CalmMonths 应在 1 到 24 之间（当前 {CalmMonths}）");
        }

        if (FeedbackDays is < 1 or > 90)
        {
            problems.Add($"FeedbackDays 应在 1 到 90 之间（当前 {FeedbackDays}）");
        }

        if (TopParties is < 1 or > 20)
        {
            problems.Add($"TopParties 应在 1 到 20 之间（当前 {TopParties}）");
        }

        return problems;
    }

    /// <summary>Returns the options, or throws naming every problem at once.</summary>
    public LifecycleOptions Validated() =>
        Problems() is { Count: > 0 } problems ? throw new RiskMonitorException("预警生命周期配置有误：" + string.Join("；", problems)) : this;
}
