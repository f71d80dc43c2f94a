using System.Globalization;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>Writes the content of one notice of a round from the month's facts.</summary>
public static class NoticeComposer
{
    /// <param name="assessment">The assessment's explanation of the five Art. 19 factors; may be empty.</param>
    /// <param name="reason">Why the round is drafted (for adjustments and lifting); empty for a new warning.</param>
    public static NoticeContent Compose(
        NoticeKind kind, NoticeAction action, WarningLevel level, WarningLevel fromLevel, SubjectFacts facts, string assessment, string reason, int feedbackDays)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var scope = new NoticeScope(facts.CategoryName, facts.Area, facts.Regions, facts.Producers, facts.Platforms);
        var items = new List<string>();
        if (reason.Length > 0)
        {
            items.Add(Sentence(reason));
        }

        if (assessment.Length > 0)
        {
            items.Add($"风险研判：{Sentence(assessment)}");
        }

        if (FactSentence(facts) is { } sentence)
        {
            items.Add(sentence);
        }

        if (facts.Hazards.Count > 0 && action != NoticeAction.Lift)
        {
            items.Add($"主要危害类型：{string.Join("、", facts.Hazards)}。");
        }

        if (items.Count == 0)
        {
            items.Add($"{facts.Area}{facts.CategoryName}存在{level.Severity()}质量安全风险。");
        }

        return new NoticeContent(kind, action, level, fromLevel, facts.Month, scope, items, NoticeMeasures.For(kind, action, level, facts), feedbackDays, reason);
    }

    /// <summary>The month's evidence in one sentence, only the counts that are not zero; null when there are none.</summary>
    public static string? FactSentence(SubjectFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = facts.Counts;
        var parts = new List<string>();
        if (c.Complaints > 0)
        {
            parts.Add(Inv($"收到相关投诉{c.Complaints}件") + (c.HazardComplaints > 0 ? Inv($"，其中涉及安全危害{c.HazardComplaints}件") : string.Empty)
                + (c.InjuryComplaints > 0 ? Inv($"、涉及人身伤害{c.InjuryComplaints}件") : string.Empty));
        }

        if (c.Samples > 0)
        {
            parts.Add(Inv($"监督抽查{c.Samples}批次，不合格{c.Failures}批次") + (c.SafetyFailures > 0 ? Inv($"（其中安全项目不合格{c.SafetyFailures}批次）") : string.Empty));
        }

        if (c.StationCases > 0 || c.Injuries > 0 || c.Deaths > 0)
        {
            parts.Add(Inv($"监测站点报告案例{c.StationCases}起") + (c.Injuries > 0 ? Inv($"，受伤{c.Injuries}人") : string.Empty)
                + (c.Deaths > 0 ? Inv($"，死亡{c.Deaths}人") : string.Empty));
        }

        return parts.Count == 0 ? null : Inv($"{facts.Month.Year}年{facts.Month.Month}月，{facts.Area}{facts.CategoryName}") + string.Join("；", parts) + "。";
    }

    private static string Sentence(string text) => text.EndsWith('。') ? text : text + "。";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
