using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>
/// The approval side of a warning's life, with the roles enforced here rather than in any front end: approving and
/// rejecting notices, requesting a lifting, and marking notices published. Every action, allowed or refused, is written to
/// <c>audit_log</c> with who and when; a refusal throws <see cref="ActionRefusedException"/> with the reason in Chinese.
/// </summary>
/// <remarks>
/// A round's notices carry one decision: it is approved when all of them are, it can be published only then, and
/// rejecting one rejects the round. The first publication of a round puts its decision in force: the warning is
/// published, takes the adjusted level, or is lifted.
/// </remarks>
public sealed partial class WarningLifecycle(
    DuckDbConnection connection, ReferenceData reference, UserDirectory users, TimeProvider? time = null, LifecycleOptions? options = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly LifecycleOptions _options = options ?? LifecycleOptions.Default;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>Approves a draft: gives it its document number, date of issue and feedback deadline.</summary>
    public NoticeRecord Approve(long noticeId, string userName)
    {
        lock (WarningWrites.Gate)
        {
            return ApproveNow(noticeId, userName);
        }
    }

    /// <summary>Rejects a draft with a reason; the other notices of its round, carrying the same decision, are rejected with it.</summary>
    public IReadOnlyList<NoticeRecord> Reject(long noticeId, string userName, string reason)
    {
        lock (WarningWrites.Gate)
        {
            return RejectNow(noticeId, userName, reason);
        }
    }

    /// <summary>Drafts a lifting round for a warning in force, at an analyst's request; it needs approval like any other.</summary>
    public IReadOnlyList<DraftNotice> RequestLift(long warningId, string userName, string reason)
    {
        lock (WarningWrites.Gate)
        {
            return RequestLiftNow(warningId, userName, reason);
        }
    }

    private NoticeRecord ApproveNow(long noticeId, string userName)
    {
        var target = $"notice:{noticeId}";
        var actor = Resolve(userName, LifecycleAction.Approve, target);
        var notice = FindNotice(actor, LifecycleAction.Approve, noticeId);
        Check(actor, LifecycleAction.Approve, target, AccessPolicy.Refusal(actor, LifecycleAction.Approve, notice.DraftedBy));
        RequireStatus(actor, LifecycleAction.Approve, notice, NoticeStatus.Draft, "只有草稿可以审批");

        var now = Now;
        var today = BureauClock.Today(_time);
        var days = notice.Content?.FeedbackDays ?? _options.FeedbackDays;
        var deadline = StatutoryDeadline.Compute(today, days, WorkCalendar.Shipped).DueDate;
        using var transaction = connection.BeginTransaction();
        var number = WarningStore.NextDocumentNumber(connection, today.Year);
        WarningStore.MarkApproved(connection, notice, actor.Name, now, number, deadline);
        WarningStore.AppendEvent(connection, notice.WarningId, now, actor.Name, "approve", notice.FromLevel, notice.Level, null, noticeId);
        var warning = WarningStore.Warning(connection, notice.WarningId)!;
        if (notice.Action == NoticeAction.Issue && warning.Status == WarningStatus.Proposed
            && WarningStore.Round(connection, notice.WarningId, notice.Round).All(n => n.Status == NoticeStatus.Approved))
        {
            WarningStore.UpdateWarning(connection, warning.WarningId, warning.Level, WarningStatus.Approved, now);
        }

        AuditLog.Write(connection, now, actor, LifecycleAction.Approve.AuditCode(), target, AuditLog.Ok, $"{number} {notice.Title}");
        transaction.Commit();
        return WarningStore.Notice(connection, noticeId)!;
    }

    private List<NoticeRecord> RejectNow(long noticeId, string userName, string reason)
    {
        var target = $"notice:{noticeId}";
        var actor = Resolve(userName, LifecycleAction.Reject, target);
        var notice = FindNotice(actor, LifecycleAction.Reject, noticeId);
        Check(actor, LifecycleAction.Reject, target, AccessPolicy.Refusal(actor, LifecycleAction.Reject));
        Check(actor, LifecycleAction.Reject, target, string.IsNullOrWhiteSpace(reason) ? "退回通知须填写理由。" : null);
        RequireStatus(actor, LifecycleAction.Reject, notice, NoticeStatus.Draft, "只有草稿可以退回");

        var now = Now;
        using var transaction = connection.BeginTransaction();
        var round = WarningStore.Round(connection, notice.WarningId, notice.Round).Where(n => n.Pending).ToList();
        foreach (var n in round)
        {
            WarningStore.MarkClosed(connection, n, NoticeStatus.Rejected, actor.Name, now, reason.Trim());
            WarningStore.AppendEvent(connection, n.WarningId, now, actor.Name, "reject", n.FromLevel, n.Level, reason.Trim(), n.NoticeId);
        }

        var warning = WarningStore.Warning(connection, notice.WarningId)!;
        if (notice.Action == NoticeAction.Issue && warning.Status == WarningStatus.Proposed)
        {
            WarningStore.UpdateWarning(connection, warning.WarningId, warning.Level, WarningStatus.Rejected, now);
        }

        var siblings = round.Where(n => n.NoticeId != noticeId).Select(n => n.NoticeId).ToList();
        AuditLog.Write(connection, now, actor, LifecycleAction.Reject.AuditCode(), target, AuditLog.Ok,
            reason.Trim() + (siblings.Count > 0 ? $"（同批通知 {string.Join("、", siblings)} 一并退回）" : string.Empty));
        transaction.Commit();
        return round.Select(n => WarningStore.Notice(connection, n.NoticeId)!).ToList();
    }

    private IReadOnlyList<DraftNotice> RequestLiftNow(long warningId, string userName, string reason)
    {
        var target = $"warning:{warningId}";
        var actor = Resolve(userName, LifecycleAction.RequestLift, target);
        Check(actor, LifecycleAction.RequestLift, target, AccessPolicy.Refusal(actor, LifecycleAction.RequestLift));
        var warning = WarningStore.Warning(connection, warningId);
        Check(actor, LifecycleAction.RequestLift, target, warning is null ? $"预警 {warningId} 不存在。" : null);
        Check(actor, LifecycleAction.RequestLift, target, string.IsNullOrWhiteSpace(reason) ? "解除预警须填写理由。" : null);
        Check(actor, LifecycleAction.RequestLift, target, warning!.Status.InForce()
            ? null
            : $"预警 {warningId} 当前状态为“{warning.Status.ChineseLabel()}”，只有已发布的预警可以解除。");
        var pending = WarningStore.PendingNotices(connection, warningId);
        Check(actor, LifecycleAction.RequestLift, target, pending.Count == 0
            ? null
            : $"预警 {warningId} 尚有待审批或待发布的通知（{string.Join("、", pending.Select(n => n.NoticeId))}），请先审批或退回。");

        var now = Now;
        var month = connection.ExecuteScalar<DateOnly?>("SELECT max(month) FROM risk_assessments") is { } latest && latest > warning.LastMonth
            ? latest
            : warning.LastMonth;
        using var transaction = connection.BeginTransaction();
        var drafter = new RoundDrafter(connection, reference, _options, actor, now);
        var drafts = drafter.Draft(
            warning, NoticeAction.Lift, WarningLevel.None, month, "request_lift", reason.Trim(), string.Empty, drafter.LiftKinds(warning, month));
        AuditLog.Write(connection, now, actor, LifecycleAction.RequestLift.AuditCode(), target, AuditLog.Ok, reason.Trim());
        transaction.Commit();
        return drafts;
    }

    /// <summary>The warning, its notices and its full history.</summary>
    public (WarningRecord? Warning, IReadOnlyList<NoticeRecord> Notices, IReadOnlyList<WarningEvent> Events) Show(long warningId) =>
        (WarningStore.Warning(connection, warningId), WarningStore.Notices(connection, warningId), WarningStore.Events(connection, warningId));

    private Actor Resolve(string userName, LifecycleAction action, string target)
    {
        if (users.Find(userName) is { } user)
        {
            return user.Actor;
        }

        var name = string.IsNullOrWhiteSpace(userName) ? "（未指定）" : userName.Trim();
        AuditLog.Write(connection, Now, name, null, action.AuditCode(), target, AuditLog.Refused, $"用户“{name}”未配置，操作被拒绝。");
        throw new ActionRefusedException($"用户“{name}”未配置，无权{action.ChineseVerb()}。");
    }

    private NoticeRecord FindNotice(Actor actor, LifecycleAction action, long noticeId)
    {
        var notice = WarningStore.Notice(connection, noticeId);
        Check(actor, action, $"notice:{noticeId}", notice is null ? $"通知 {noticeId} 不存在。" : null);
        return notice!;
    }

    private void RequireStatus(Actor actor, LifecycleAction action, NoticeRecord notice, NoticeStatus status, string rule) =>
        Check(actor, action, $"notice:{notice.NoticeId}", notice.Status == status
            ? null
            : $"通知 {notice.NoticeId} 当前状态为“{notice.Status.ChineseLabel()}”，{rule}。");

    /// <summary>Audits and throws when <paramref name="refusal"/> is not null. Called before any transaction, so the audit row stays.</summary>
    private void Check(Actor actor, LifecycleAction action, string target, string? refusal)
    {
        if (refusal is null)
        {
            return;
        }

        AuditLog.Write(connection, Now, actor, action.AuditCode(), target, AuditLog.Refused, refusal);
        throw new ActionRefusedException(refusal);
    }
}
