using RiskMonitor.Analytics.Assessment;

namespace RiskMonitor.Analytics.Model;

/// <summary>The subject-month features the learned model reads, in column order, with their Chinese names for explanations.</summary>
/// <remarks>Counts enter as log(1 + x), so a model trained on a small province transfers to a large one by order of
/// magnitude rather than by raw count; ratios are capped at 50.</remarks>
public static class RiskFeatures
{
    private static readonly (string Name, string Chinese)[] Definitions =
    [
        ("complaints", "投诉量"), ("hazard_complaints", "危害投诉"), ("injury_complaints", "受伤投诉"), ("deaths", "死亡"),
        ("station_hazard_cases", "监测站危害报告"), ("injuries", "住院伤者"), ("major_reports", "重大风险报告"), ("samples", "抽查批次"),
        ("failures", "不合格批次"), ("safety_failures", "安全项目不合格"), ("labelling_failures", "仅标识不合格"),
        ("repeat_failure_producers", "连续不合格生产者"), ("hazard_producers", "涉及生产者"), ("top_producer_share", "最大生产者占比"),
        ("online_share", "网购占比"), ("signal", "危害信号"), ("signal_ratio", "危害信号/基线"), ("concern_ratio", "投诉/基线"),
        ("growth", "危害信号环比"), ("relative_rate", "人口比率/省内其他"), ("hazard_alarms", "危害信号报警数"),
        ("concern_alarms", "投诉报警数"), ("rising_hazards", "占比上升的危害"), ("max_severity", "危害严重度"),
        ("elevated_regions", "升高地区数"), ("elevated_months", "连续升高月数"), ("province_wide", "全省对象"), ("seasonal", "季节性类别"),
        ("harm", "危害程度"), ("urgency", "紧急程度"), ("scope", "影响范围"), ("frequency", "发生频率"), ("duration", "持续时间"),
        ("exposure", "暴露程度"), ("rule_level", "规则分级"),
    ];

    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    public static string ChineseName(string feature) => Definitions.FirstOrDefault(d => d.Name == feature).Chinese ?? feature;

    /// <summary>The feature vector of one assessed subject-month.</summary>
    public static float[] Vector(SubjectEvidence e, FactorScores f, RuleLevel rule)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(rule);
        var c = e.Current;
        double[] values =
        [
            Log(c.Complaints), Log(c.HazardComplaints), Log(c.InjuryComplaints), Log(c.AllDeaths), Log(c.StationHazardCases),
            Log(c.Injuries), Log(c.MajorReports), Log(c.Samples), Log(c.Failures), Log(c.SafetyFailures), Log(c.LabellingFailures),
            Log(c.RepeatFailureProducers), Log(c.HazardProducers), c.TopProducerShare ?? double.NaN, c.OnlineShare ?? double.NaN,
            Log(c.Signal), Cap(e.SignalRatio), Cap(e.ConcernRatio), Cap(e.Growth), Cap(e.RelativeRate), e.HazardAlarms, e.ConcernAlarms,
            e.RisingHazards.Count(), Math.Max(c.MaxHazardSeverity, e.RisingHazards.Select(h => h.Severity).DefaultIfEmpty(0).Max()),
            e.ElevatedRegions, e.ElevatedMonths, c.Subject.ProvinceWide ? 1 : 0, e.Seasonal ? 1 : 0,
            f.Harm, f.Urgency, f.Scope, f.Frequency, f.Duration, f.Exposure, (int)rule.Level,
        ];
        return values.Select(v => (float)v).ToArray();
    }

    private static double Log(int count) => Math.Log(1 + count);

    private static double Cap(double? ratio) => ratio is { } r ? Math.Min(r, 50) : double.NaN;
}
