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
    /// <summary>The kinds in the order a round lists them: the most binding first.</summary>
    public static IReadOnlyList<NoticeKind> ByWeight { get; } =
        [NoticeKind.Announcement, NoticeKind.Bulletin, NoticeKind.Notice, NoticeKind.Hint];

    public static string ChineseName(this NoticeKind kind) => kind switch
    {
        NoticeKind.Bulletin => "风险警示通报",
        NoticeKind.Notice => "风险警示通告",
        NoticeKind.Announcement => "风险警示公告",
        _ => "风险提示通告",
    };

    /// <summary>The addressee (主送) line of the document.</summary>
    public static string Audience(this NoticeKind kind) => kind switch
    {
        NoticeKind.Bulletin => "各市、州、直管市、神农架林区市场监督管理局",
        NoticeKind.Notice => "相关生产企业、销售者及电子商务平台经营者",
        NoticeKind.Announcement => "社会公众及相关生产经营者",
        _ => "广大消费者",
    };

    /// <summary>What Art. 20 issues this kind for, in its own words.</summary>
    public static string Purpose(this NoticeKind kind) => kind switch
    {
        NoticeKind.Bulletin => "需监管部门实施快速反应措施",
        NoticeKind.Notice => "需提醒生产经营者及时采取风险消减措施",
        NoticeKind.Announcement => "需实施强制性措施控制风险和危害，并及时警示消费者",
        _ => "需提醒消费者关注的一般性风险",
    };

    public static NoticeKind Parse(string chineseName) =>
        Enum.GetValues<NoticeKind>().First(k => k.ChineseName() == chineseName);
}
