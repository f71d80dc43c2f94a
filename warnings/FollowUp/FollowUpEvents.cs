namespace RiskMonitor.Warnings.FollowUp;

/// <summary>What can happen to a follow-up case (regulation 000), in the order it usually happens.</summary>
public enum FollowUpEventKind
{
    ResultDelivered,
    ResultReceived,
    ObjectionFiled,
    NoObjection,
    ObjectionLapsed,
    ObjectionResultNotice,
    AuthenticityCheckRequested,
    AuthenticityCheckDone,
    RetestSamplesConfirmed,
    RetestResult,
    ObjectionWithdrawn,
    RetestTerminated,
    Transferred,
    CorrectionOrderIssued,
    CorrectionOrderReceived,
    RectificationRefused,
    SalesBeforeRecheck,
    RecheckApplied,
    RecheckDone,
    RecheckReportReceived,
    RecheckReportDelivered,
    RecheckObjectionFiled,
    RecheckObjectionLapsed,
    RecheckObjectionResult,
    OutcomeReported,
    Closed,
}

/// <summary>One possible outcome of an event, e.g. the objection result notice orders a re-test.</summary>
public sealed record EventOutcome(string Code, string Name);

/// <summary>An event type: its stored code, its Chinese name (as the clerk and the CSV say it) and its outcomes.</summary>
/// <param name="OutcomeRequired">Whether the event must name one of <paramref name="Outcomes"/>.</param>
/// <param name="NoteRequired">Whether the event must say why (e.g. which item of Art. 10 ended the re-test).</param>
/// <param name="SystemOnly">Recorded by the product itself when a period runs out, never by a clerk.</param>
public sealed record FollowUpEventType(
    FollowUpEventKind Kind, string Code, string Name, string Article, IReadOnlyList<EventOutcome> Outcomes,
    bool OutcomeRequired = false, bool NoteRequired = false, bool SystemOnly = false)
{
    /// <summary>The outcome named by <paramref name="text"/> (its code or Chinese name), or null.</summary>
    public EventOutcome? FindOutcome(string text) =>
        Outcomes.FirstOrDefault(o => string.Equals(o.Code, text, StringComparison.OrdinalIgnoreCase) || o.Name == text);
}

/// <summary>The catalogue of follow-up events; the one place their codes and Chinese names live.</summary>
public static class FollowUpEvents
{
    public static IReadOnlyList<FollowUpEventType> All { get; } =
    [
        new(FollowUpEventKind.ResultDelivered, "result_delivered", "送达检验报告和检验结果通知单", "第五条", []),
        new(FollowUpEventKind.ResultReceived, "result_received", "收到检验结果通知单", "第五条、第七条", []),
        new(FollowUpEventKind.ObjectionFiled, "objection_filed", "提出书面异议申请", "第七条", []),
        new(FollowUpEventKind.NoObjection, "no_objection", "无异议", "第七条", []),
        new(FollowUpEventKind.ObjectionLapsed, "objection_lapsed", "异议期届满未提出异议，视为无异议", "第七条", [], SystemOnly: true),
        new(FollowUpEventKind.ObjectionResultNotice, "objection_result_notice", "收到异议申请结果通知书", "第九条、第十三条、第十四条",
        [
            new("retest", "需要复检"),
            new("rejected", "不予受理或异议不成立，维持原检验结论"),
            new("upheld", "异议成立，撤回原检验结论"),
        ], OutcomeRequired: true),
        new(FollowUpEventKind.AuthenticityCheckRequested, "authenticity_check_requested", "收到样品真实性协助调查函", "第十五条", []),
        new(FollowUpEventKind.AuthenticityCheckDone, "authenticity_check_done", "协助调查情况已书面报告省局", "第十五条",
        [
            new("rejected", "异议不成立，维持原检验结论"),
            new("upheld", "异议成立，不公开标称生产者信息"),
        ], OutcomeRequired: true),
        new(FollowUpEventKind.RetestSamplesConfirmed, "retest_samples_confirmed", "填写复检样品确认书，办理复检手续", "第九条", []),
        new(FollowUpEventKind.RetestResult, "retest_result", "复检结论已书面告知", "第十一条",
        [
            new("consistent", "复检结论与初检结论一致，维持原检验结论"),
            new("inconsistent", "复检结论与初检结论不一致，撤回原检验结论"),
        ], OutcomeRequired: true),
        new(FollowUpEventKind.ObjectionWithdrawn, "objection_withdrawn", "撤回异议和复检申请", "第十条第五项", []),
        new(FollowUpEventKind.RetestTerminated, "retest_terminated", "终止复检或调查核实，维持原检验结论", "第十条", [], NoteRequired: true),
        new(FollowUpEventKind.Transferred, "transferred", "收到不合格结果移交处理通知书", "第十六条",
        [
            new("in_province", "省内：移交被抽样生产者、销售者所在地市场监督管理部门"),
            new("out_of_province", "省外：送达生产者所在地省级市场监督管理部门"),
        ]),
        new(FollowUpEventKind.CorrectionOrderIssued, "correction_order_issued", "下达责令改正通知书", "第十七条", []),
        new(FollowUpEventKind.CorrectionOrderReceived, "correction_order_received", "收到责令改正通知书", "第十七条、第二十条", []),
        new(FollowUpEventKind.RectificationRefused, "rectification_refused", "无正当理由拒绝整改", "第二十条、第二十七条", []),
        new(FollowUpEventKind.SalesBeforeRecheck, "sales_before_recheck", "整改复查合格前继续生产、销售同一规格型号产品", "第二十条、第二十七条", []),
        new(FollowUpEventKind.RecheckApplied, "recheck_applied", "提交整改复查申请书", "第二十条", []),
        new(FollowUpEventKind.RecheckDone, "recheck_done", "完成整改复查", "第二十一条、第二十四条",
        [
            new("passed", "复查合格"),
            new("failed", "复查不合格"),
            new("labelling_passed", "仅标识项目不合格，核查整改后的标识符合要求，直接认定复查合格"),
        ], OutcomeRequired: true),
        new(FollowUpEventKind.RecheckReportReceived, "recheck_report_received", "收到复查检验报告", "第二十二条", []),
        new(FollowUpEventKind.RecheckReportDelivered, "recheck_report_delivered", "送达复查检验报告和复查检验结果通知书", "第二十二条", []),
        new(FollowUpEventKind.RecheckObjectionFiled, "recheck_objection_filed", "对复查结果提出书面异议", "第二十二条", []),
        new(FollowUpEventKind.RecheckObjectionLapsed, "recheck_objection_lapsed", "复查结果异议期届满未提出异议，视为无异议", "第二十二条、第七条", [],
            SystemOnly: true),
        new(FollowUpEventKind.RecheckObjectionResult, "recheck_objection_result", "复查结果异议处理结论", "第二十二条、第三章",
        [
            new("rejected", "异议不成立，维持复查结论"),
            new("upheld", "异议成立，认定复查合格"),
        ], OutcomeRequired: true),
        new(FollowUpEventKind.OutcomeReported, "outcome_reported", "通过信息系统报送处理结果", "第二十五条", []),
        new(FollowUpEventKind.Closed, "closed", "结案", "", []),
    ];

    public static FollowUpEventType Of(FollowUpEventKind kind) => All.First(e => e.Kind == kind);

    /// <summary>The event named by <paramref name="text"/>: its code (result_received) or its Chinese name; null if none.</summary>
    public static FollowUpEventType? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        return All.FirstOrDefault(e => string.Equals(e.Code, t, StringComparison.OrdinalIgnoreCase) || e.Name == t);
    }
}
