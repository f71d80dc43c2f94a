using System.Globalization;
using RiskMonitor.Analytics.Model;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>Writes an assessment's explanation in Chinese: the level, the factors from strongest to weakest with what drove
/// them, any floor, and the model's verdict with its largest contributions.</summary>
public static class AssessmentExplainer
{
    public static string Explain(
        SubjectEvidence e, FactorScores f, RuleLevel rule, ModelVerdict? model, WarningLevel level, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(reference);
        var c = e.Current;
        var factors = new (int Score, string Text)[]
        {
            (f.Harm, $"危害程度{f.Harm}（{HarmText(e, reference)}）"),
            (f.Urgency, $"紧急程度{f.Urgency}（{UrgencyText(e)}）"),
            (f.Scope, $"影响范围{f.Scope}（{ScopeText(e)}）"),
            (f.Frequency, $"发生频率{f.Frequency}（{FrequencyText(e)}）"),
            (f.Duration, $"持续时间{f.Duration}（连续{e.ElevatedMonths}个月升高）"),
        };
        var head = level == WarningLevel.None
            ? (e.Elevated ? "信号升高但未达到预警级别" : "未见异常升高，不预警")
            : $"建议{level.ChineseLabel()}预警";
        var parts = new List<string> { head + $"：规则分级{Roman(rule.Level)}" };
        parts.AddRange(factors.OrderByDescending(x => x.Score).Select(x => x.Text));
        if (rule.Floor is { } floor)
        {
            parts.Add(floor);
        }

        if (model is not null)
        {
            var top = model.Contributions.Take(3).Select(x => $"{RiskFeatures.ChineseName(x.Feature)}{Signed(x.Contribution)}");
            parts.Add($"模型判定{Roman(model.Level)}（概率{N(model.Probability, "0.00")}），主要贡献：{string.Join("、", top)}");
        }

        return string.Join("；", parts);
    }

    private static string HarmText(SubjectEvidence e, ReferenceData reference)
    {
        var c = e.Current;
        var outcome = c.AllDeaths > 0 ? $"死亡{c.AllDeaths}例"
            : c.Injuries > 0 ? $"监测站报告受伤住院{c.Injuries}人"
            : c.InjuryComplaints > 0 ? $"投诉反映受伤{c.InjuryComplaints}起"
            : c.HazardComplaints + c.StationHazardCases > 0 ? $"涉及危害的投诉和报告{c.HazardComplaints + c.StationHazardCases}起"
            : "未见危害";
        var rising = e.RisingHazards.OrderByDescending(h => h.Severity).ThenByDescending(h => h.Count)
            .Select(h => $"{reference.FindHazard(h.Hazard)?.Name ?? h.Hazard}占比上升（PRR {N(h.Prr, "0.0")}，IC025 {N(h.Ic025, "0.00")}）")
            .Take(2).ToList();
        var failures = c.SafetyFailures > 0 ? $"，安全项目不合格{c.SafetyFailures}批次" : c.Failures > 0 ? $"，标识等项目不合格{c.Failures}批次" : string.Empty;
        return outcome + failures + (rising.Count > 0 ? "，" + string.Join("，", rising) : string.Empty)
            + (e.HazardElevated || c.AllDeaths > 0 ? string.Empty : "；危害信号未升高，按不高于1计");
    }

    private static string UrgencyText(SubjectEvidence e)
    {
        var c = e.Current;
        var alarms = e.Aberrations.Where(a => a.Counts).Select(a => $"{a.Method}（观测{a.Observed}，期望{N(a.Expected, "0.0")}，阈值{N(a.Threshold, "0.0")}）").Take(3).ToList();
        var text = alarms.Count > 0 ? "异常检测报警：" + string.Join("、", alarms) : "检测方法未报警";
        text += $"，危害信号环比{N(e.Growth, "0.0")}倍";
        if (c.MajorReports > 0)
        {
            text += $"，重大风险报告{c.MajorReports}起";
        }

        return c.RepeatFailureProducers > 0 ? text + $"，{c.RepeatFailureProducers}家生产者连续抽查不合格" : text;
    }

    private static string ScopeText(SubjectEvidence e)
    {
        var c = e.Current;
        var regions = c.Subject.ProvinceWide ? $"全省{e.ElevatedRegions}个地区升高" : e.ElevatedRegions > 0 ? "本地区升高" : "未升高";
        var online = c.OnlineShare is { } share ? $"，网购占比{N(share * 100, "0")}%" : string.Empty;
        return regions + online + (c.HazardProducers > 0 ? $"，涉及生产者{c.HazardProducers}家" : string.Empty);
    }

    private static string FrequencyText(SubjectEvidence e)
    {
        var c = e.Current;
        var concernOnly = e.ConcernElevated && !e.HazardElevated;
        var text = concernOnly
            ? $"投诉{c.Complaints}件，预期{N(e.ExpectedComplaints, "0.0")}"
            : $"危害信号{c.Signal}，预期{N(e.ExpectedSignal, "0.0")}（{BaselineName(e.BaselineMethod)}）";
        if (c.Population10k is > 0)
        {
            text += $"，每十万人{N((concernOnly ? c.Complaints : c.Signal) / c.Population10k.Value * 10, "0.00")}";
        }

        return e.RelativeRate is { } rr ? text + $"，为省内其他地区的{N(rr, "0.0")}倍" : text;
    }

    private static string BaselineName(string method) => method switch
    {
        "ears-c2" => "近期基线",
        "farrington" => "季节基线",
        ElevationRules.VolumeScaled => "按投诉量折算的季节基线",
        _ => "历史不足",
    };

    private static string Roman(WarningLevel level) => level == WarningLevel.None ? "无" : level.Roman() + "级";

    private static string Signed(double value) => (value >= 0 ? "+" : string.Empty) + N(value, "0.00");

    private static string N(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
