namespace RiskMonitor.Warnings.Notices;

/// <summary>Where a notice stands in approval and publication (column <c>notices.status</c>).</summary>
public enum NoticeStatus
{
    /// <summary>Drafted, awaiting an approver.</summary>
    Draft,

    /// <summary>Approved and numbered, waiting for the publication job.</summary>
    Approved,

    /// <summary>Published: its content is in force.</summary>
    Published,

    /// <summary>Refused by an approver, with a reason.</summary>
    Rejected,

    /// <summary>Replaced, before approval, by a newer round drafted from a later month's analysis.</summary>
    Superseded,
}

/// <summary>What a round of notices decides (column <c>notices.action</c>).</summary>
public enum NoticeAction
{
    /// <summary>A new warning.</summary>
    Issue,

    /// <summary>A higher level for a warning in force.</summary>
    Upgrade,

    /// <summary>A lower level for a warning in force.</summary>
    Downgrade,

    /// <summary>The warning ends.</summary>
    Lift,
}

/// <summary>Storage codes and Chinese labels of <see cref="NoticeStatus"/> and <see cref="NoticeAction"/>.</summary>
public static class NoticeTerms
{
    public static string Code(this NoticeStatus status) => status switch
    {
        NoticeStatus.Draft => "draft",
        NoticeStatus.Approved => "approved",
        NoticeStatus.Published => "published",
        NoticeStatus.Rejected => "rejected",
        _ => "superseded",
    };

    public static NoticeStatus ParseStatus(string code) => Parse<NoticeStatus>(code, s => s.Code());

    public static string ChineseLabel(this NoticeStatus status) => status switch
    {
        NoticeStatus.Draft => "草稿，待审批",
        NoticeStatus.Approved => "已审批，待发布",
        NoticeStatus.Published => "已发布",
        NoticeStatus.Rejected => "已退回",
        _ => "已被替代",
    };

    public static string Code(this NoticeAction action) => action switch
    {
        NoticeAction.Issue => "issue",
        NoticeAction.Upgrade => "upgrade",
        NoticeAction.Downgrade => "downgrade",
        _ => "lift",
    };

    public static NoticeAction ParseAction(string code) => Parse<NoticeAction>(code, a => a.Code());

    public static string ChineseLabel(this NoticeAction action) => action switch
    {
        NoticeAction.Issue => "发布预警",
        NoticeAction.Upgrade => "升级预警",
        NoticeAction.Downgrade => "降级预警",
        _ => "解除预警",
    };

    internal static T Parse<T>(string code, Func<T, string> codeOf) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (codeOf(value) == code)
            {
                return value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(code), code, $"unknown {typeof(T).Name} code");
    }
}
