using RiskMonitor.Core;

namespace RiskMonitor.Warnings.Approval;

/// <summary>An action on warnings that the policy rules on, with its audit code and its Chinese verb.</summary>
public enum LifecycleAction
{
    Approve,
    Reject,
    RequestLift,
    Publish,
}

/// <summary>
/// Who may do what (regulation 003 Art. 8: nothing is published without the bureau's approval). Analysts draft;
/// approvers draft too, and approve or reject what someone else drafted; the system drafts monthly proposals and publishes what is
/// approved; viewers only read. Each rule returns the refusal in Chinese, or null when the action is allowed.
/// </summary>
public static class AccessPolicy
{
    public static string AuditCode(this LifecycleAction action) => action switch
    {
        LifecycleAction.Approve => "approve_notice",
        LifecycleAction.Reject => "reject_notice",
        LifecycleAction.RequestLift => "request_lift",
        _ => "publish_notice",
    };

    public static string ChineseVerb(this LifecycleAction action) => action switch
    {
        LifecycleAction.Approve => "审批通知",
        LifecycleAction.Reject => "退回通知",
        LifecycleAction.RequestLift => "起草解除预警通知",
        _ => "发布通知",
    };

    /// <summary>The refusal for <paramref name="actor"/> taking <paramref name="action"/>, or null when the role allows it.</summary>
    /// <param name="draftedBy">For approval: who drafted the notice (nobody approves their own draft).</param>
    public static string? Refusal(Actor actor, LifecycleAction action, string? draftedBy = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var who = $"用户“{actor.Name}”（{actor.Role.ChineseName()}）";
        if (actor.Role == UserRole.Viewer)
        {
            return $"{who}只能查看，无权{action.ChineseVerb()}。";
        }

        return action switch
        {
            LifecycleAction.Approve when actor.Role == UserRole.System =>
                "系统不能审批通知：预警信息须经审批人审批后方可发布（第八条）。",
            LifecycleAction.Approve or LifecycleAction.Reject when actor.Role != UserRole.Approver =>
                $"{who}无权{action.ChineseVerb()}，须由审批人办理。",
            LifecycleAction.Approve when string.Equals(actor.Name, draftedBy, StringComparison.OrdinalIgnoreCase) =>
                $"{who}不能审批本人起草的通知，须由其他审批人审批。",
            LifecycleAction.RequestLift when actor.Role is not (UserRole.Analyst or UserRole.Approver) =>
                $"{who}无权{action.ChineseVerb()}：解除通知由分析员或审批人起草，经另一位审批人审批后发布。",
            LifecycleAction.Publish when actor.Role is not (UserRole.System or UserRole.Approver) =>
                $"{who}无权{action.ChineseVerb()}。",
            _ => null,
        };
    }
}

/// <summary>An action refused by the lifecycle: a role without the right, one's own draft, or a notice in the wrong state. Already audited.</summary>
public sealed class ActionRefusedException : RiskMonitorException
{
    public ActionRefusedException() { }

    public ActionRefusedException(string message) : base(message) { }

    public ActionRefusedException(string message, Exception inner) : base(message, inner) { }
}
