using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Notices;

/// <summary>Facts and contents built by hand, for the notice tests that need no warehouse.</summary>
public static class NoticeSamples
{
    public static SubjectFacts Facts(
        int injuries = 0, int deaths = 0, string[]? producers = null, string[]? outOfProvince = null, string[]? platforms = null, string? region = null) => new(
        "EB03", "电动自行车用锂离子蓄电池", region is null ? string.Empty : "420100", region, new DateOnly(2026, 5, 1),
        region is null ? ["武汉市", "黄冈市"] : [],
        [.. producers ?? [], .. outOfProvince ?? []],
        outOfProvince ?? [],
        platforms ?? [],
        ["火灾"],
        new SubjectCounts(Complaints: 141, HazardComplaints: 91, InjuryComplaints: injuries > 0 ? 25 : 0, StationCases: 48, Injuries: injuries, Deaths: deaths,
            Samples: 8, Failures: 3, SafetyFailures: 3));

    /// <summary>A level I bulletin about e-bike batteries, with named producers and a platform.</summary>
    public static NoticeContent Bulletin() => NoticeComposer.Compose(
        NoticeKind.Bulletin, NoticeAction.Issue, WarningLevel.I, WarningLevel.None,
        Facts(injuries: 9, producers: ["武汉远航电源有限公司"], outOfProvince: ["常州市速能新能源科技有限公司"], platforms: ["淘宝"]),
        "发生频率4（危害信号145）", string.Empty, feedbackDays: 15);
}
