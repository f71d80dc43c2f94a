using System.Globalization;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>A subject's assessed level and its explanation for the month being analysed.</summary>
public sealed record MonthAssessment(string CategoryCode, string RegionCode, WarningLevel Level, string Explanation);

/// <summary>
/// Re-evaluates one open warning against the month's analysis (regulation 003 Art. 24). A proposal not yet approved is
/// redrafted when the level rises; a warning in force gets an upgrade, downgrade or lifting round per
/// <see cref="LevelRules"/>. A level in force never changes here: only publishing the round's notices changes it.
/// Rounds already approved are left to the publication job; drafts are replaced only by a different proposal.
/// </summary>
public sealed class WarningReevaluator(DuckDbConnection connection, LifecycleOptions options, RoundDrafter drafter, DateTime now)
{
    public IReadOnlyList<DraftNotice> Review(WarningRecord warning, DateOnly month, MonthAssessment? assessment)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (month < warning.FirstMonth || month < warning.LastMonth)
        {
            return [];
        }

        var current = assessment?.Level ?? WarningLevel.None;
        if (current > WarningLevel.None)
        {
            WarningStore.TouchLastMonth(connection, warning.WarningId, month, now);
        }

        var pending = WarningStore.PendingNotices(connection, warning.WarningId);
        if (pending.Any(n => n.Status == NoticeStatus.Approved))
        {
            return [];
        }

        if (warning.Status == WarningStatus.Proposed)
        {
            return current > warning.Level ? Revise(warning, month, current, assessment!, pending) : [];
        }

        if (!warning.Status.InForce())
        {
            return [];
        }

        var decision = LevelRules.Decide(warning.Level, current, Window(warning, month), month);
        if (decision.Action is not { } action
            || (pending.Count > 0 && pending.All(n => n.Action == action && n.Level == decision.Target)))
        {
            return [];
        }

        drafter.Supersede(pending, $"{decision.Reason}，原待审批通知由新的建议替代");
        var eventAction = action switch
        {
            NoticeAction.Upgrade => "propose_upgrade",
            NoticeAction.Downgrade => "propose_downgrade",
            _ => "propose_lift",
        };
        var kinds = action == NoticeAction.Lift ? drafter.LiftKinds(warning, month) : null;
        return drafter.Draft(warning, action, decision.Target, month, eventAction, decision.Reason, assessment?.Explanation ?? string.Empty, kinds);
    }

    /// <summary>A proposal awaiting approval whose level rose: the drafts are replaced by drafts at the new level.</summary>
    private IReadOnlyList<DraftNotice> Revise(WarningRecord warning, DateOnly month, WarningLevel level, MonthAssessment assessment, List<NoticeRecord> pending)
    {
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{month.Year}年{month.Month}月评估升至{level.ChineseLabel()}，预警建议按新级别重新起草");
        drafter.Supersede(pending, reason);
        WarningStore.UpdateWarning(connection, warning.WarningId, level, WarningStatus.Proposed, now);
        return drafter.Draft(warning with { Level = level }, NoticeAction.Issue, level, month, "revise", string.Empty, assessment.Explanation, eventReason: reason);
    }

    /// <summary>The subject's levels over the last <c>CalmMonths</c> months, or null when one of them was never analysed.</summary>
    private List<WarningLevel>? Window(WarningRecord warning, DateOnly month)
    {
        var from = month.AddMonths(1 - options.CalmMonths);
        var analysed = connection.ExecuteScalar<long>("SELECT count(DISTINCT month) FROM risk_assessments WHERE month BETWEEN $1 AND $2", from, month);
        if (analysed < options.CalmMonths)
        {
            return null;
        }

        var levels = connection.Query(
            """
            SELECT month, max(coalesce(override_level, level)) FROM risk_assessments
            WHERE category_code = $1 AND region_code = $2 AND subject_kind IN ('category', 'category_region') AND month BETWEEN $3 AND $4
            GROUP BY month
            """,
            r => (Month: r.GetDate(0), Level: (WarningLevel)r.GetInt32(1)), warning.CategoryCode, warning.RegionCode, from, month)
            .ToDictionary(x => x.Month, x => x.Level);
        return Enumerable.Range(0, options.CalmMonths).Select(i => levels.GetValueOrDefault(from.AddMonths(i), WarningLevel.None)).ToList();
    }
}
