using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>
/// The states of a warning (regulation 003 Art. 24): proposed → approved → published → adjusted (up or down, any number of
/// times) → lifted; a proposal an approver refuses ends as rejected. The level of a published warning changes only when
/// a notice announcing the new level is published.
/// </summary>
public enum WarningStatus
{
    /// <summary>Drafted by the monthly analysis; its first notices await approval.</summary>
    Proposed,

    /// <summary>Its first notices are approved and wait for publication.</summary>
    Approved,

    /// <summary>In force at its first level.</summary>
    Published,

    /// <summary>In force at a level changed by a published adjustment.</summary>
    Adjusted,

    /// <summary>Ended by a published lifting notice.</summary>
    Lifted,

    /// <summary>Its proposal was refused; it never came into force.</summary>
    Rejected,
}

public static class WarningStatuses
{
    /// <summary>The warning is in force: its level has been published.</summary>
    public static bool InForce(this WarningStatus status) => status is WarningStatus.Published or WarningStatus.Adjusted;

    /// <summary>The warning is not yet over: the monthly analysis keeps watching it and proposes no second one.</summary>
    public static bool IsOpen(this WarningStatus status) => status is not (WarningStatus.Lifted or WarningStatus.Rejected);

    public static string Code(this WarningStatus status) => status switch
    {
        WarningStatus.Proposed => "proposed",
        WarningStatus.Approved => "approved",
        WarningStatus.Published => "published",
        WarningStatus.Adjusted => "adjusted",
        WarningStatus.Lifted => "lifted",
        _ => "rejected",
    };

    public static WarningStatus Parse(string code) => NoticeTerms.Parse<WarningStatus>(code, s => s.Code());

    public static string ChineseLabel(this WarningStatus status) => status switch
    {
        WarningStatus.Proposed => "待审批",
        WarningStatus.Approved => "已审批，待发布",
        WarningStatus.Published => "已发布",
        WarningStatus.Adjusted => "已调整",
        WarningStatus.Lifted => "已解除",
        _ => "已退回",
    };
}

/// <summary>The bureau's calendar day, in China Standard Time (UTC+8, no daylight saving), from an injected clock.</summary>
public static class BureauClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
    }

    /// <summary>The bureau's day of a stored UTC timestamp.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(utc + Offset);
}

/// <summary>Chinese labels of the actions recorded in <c>warning_events</c>.</summary>
public static class WarningEventActions
{
    public static string ChineseLabel(string action) => action switch
    {
        "propose" => "提出预警",
        "revise" => "按新级别重新起草",
        "propose_upgrade" => "建议升级",
        "propose_downgrade" => "建议降级",
        "propose_lift" => "建议解除",
        "request_lift" => "申请解除",
        "supersede" => "草稿被替代",
        "approve" => "审批通过",
        "reject" => "退回",
        "publish" => "发布",
        "adjust" => "调整级别",
        "lift" => "解除预警",
        _ => action,
    };
}
