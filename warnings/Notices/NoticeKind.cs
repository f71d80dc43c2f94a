using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>The four kinds of publication of regulation 003 Art. 20, each with its audience.</summary>
public enum NoticeKind
{
    /// <summary>风险警示通报: to regulators who must act fast.</summary>
    Bulletin,

    /// <summary>风险警示通告: to producers and sellers who must reduce the risk.</summary>
    Notice,

    /// <summary>风险警示公告: mandatory measures and a public warning to consumers.</summary>
    Announcement,

    /// <summary>风险提示通告: general risks consumers should know of.</summary>
    Hint,
}

public static class NoticeKinds
{
    public static string ChineseName(this NoticeKind kind) => kind switch
    {
        NoticeKind.Bulletin => "风险警示通报",
        NoticeKind.Notice => "风险警示通告",
        NoticeKind.Announcement => "风险警示公告",
        _ => "风险提示通告",
    };

    public static string Audience(this NoticeKind kind) => kind switch
    {
        NoticeKind.Bulletin => "各市、州、直管市、神农架林区市场监督管理局",
        NoticeKind.Notice => "相关生产企业、销售者及电子商务平台经营者",
        NoticeKind.Announcement => "社会公众及相关生产经营者",
        _ => "广大消费者",
    };

    /// <summary>The kind a level calls for when no other measure is decided (thin rule; the warnings stage refines it).</summary>
    public static NoticeKind ForLevel(WarningLevel level) => level switch
    {
        WarningLevel.I => NoticeKind.Announcement,
        WarningLevel.II => NoticeKind.Bulletin,
        WarningLevel.III => NoticeKind.Notice,
        _ => NoticeKind.Hint,
    };

    public static NoticeKind Parse(string chineseName) =>
        Enum.GetValues<NoticeKind>().First(k => k.ChineseName() == chineseName);
}
