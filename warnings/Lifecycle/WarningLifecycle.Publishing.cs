using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>What the publication job calls: the notices it may publish, and the report that one was published.</summary>
public sealed partial class WarningLifecycle
{
    /// <summary>Approved notices whose whole round is approved, oldest approval first: the only notices that may be published.</summary>
    public IReadOnlyList<PublishableNotice> ReadyToPublish() => WarningStore.ReadyToPublish(connection)
        .Select(n => new PublishableNotice(
            n.NoticeId, n.WarningId, n.Kind, n.Action, n.Level, n.Title, n.Kind.Audience(), n.Number, n.ApprovedAt!.Value, WarningStore.Render(n) ?? string.Empty))
        .ToList();

    /// <summary>Records that the publication job published an approved notice at <paramref name="at"/>. Calling it again for the same notice does nothing.</summary>
    public NoticeRecord MarkPublished(long noticeId, DateTimeOffset at) => Publish(Actor.System, noticeId, at);

    /// <summary>Records a publication made by a user; only approvers may.</summary>
    public NoticeRecord MarkPublished(long noticeId, DateTimeOffset at, string userName) =>
        Publish(Resolve(userName, LifecycleAction.Publish, $"notice:{noticeId}"), noticeId, at);

    private NoticeRecord Publish(Actor actor, long noticeId, DateTimeOffset at)
    {
        lock (WarningWrites.Gate)
        {
            return PublishNow(actor, noticeId, at);
        }
    }

    private NoticeRecord PublishNow(Actor actor, long noticeId, DateTimeOffset at)
    {
        var target = $"notice:{noticeId}";
        var notice = FindNotice(actor, LifecycleAction.Publish, noticeId);
        Check(actor, LifecycleAction.Publish, target, AccessPolicy.Refusal(actor, LifecycleAction.Publish));
        if (notice.Status == NoticeStatus.Published)
        {
            return notice;
        }

        RequireStatus(actor, LifecycleAction.Publish, notice, NoticeStatus.Approved, "未经审批不得发布（第八条）");
        var round = WarningStore.Round(connection, notice.WarningId, notice.Round);
        var unapproved = round.Where(n => n.Status == NoticeStatus.Draft).Select(n => n.NoticeId).ToList();
        Check(actor, LifecycleAction.Publish, target, unapproved.Count == 0
            ? null
            : $"同批通知 {string.Join("、", unapproved)} 尚未审批，通知 {noticeId} 暂不得发布。");

        var now = Now;
        var publishedAt = at.UtcDateTime;
        using var transaction = connection.BeginTransaction();
        WarningStore.MarkPublished(connection, notice, publishedAt);
        WarningStore.AppendEvent(connection, notice.WarningId, publishedAt, actor.Name, "publish", notice.FromLevel, notice.Level, null, noticeId);
        if (round.All(n => n.Status != NoticeStatus.Published))
        {
            PutInForce(actor, notice, publishedAt);
        }

        AuditLog.Write(connection, now, actor, LifecycleAction.Publish.AuditCode(), target, AuditLog.Ok,
            $"{notice.Number} {notice.Title}（发布时间 {publishedAt:yyyy-MM-dd HH:mm} UTC）");
        transaction.Commit();
        return WarningStore.Notice(connection, noticeId)!;
    }

    /// <summary>The first publication of a round puts its decision in force.</summary>
    private void PutInForce(Actor actor, NoticeRecord notice, DateTime at)
    {
        var warning = WarningStore.Warning(connection, notice.WarningId)!;
        var reason = notice.Content?.Reason is { Length: > 0 } r ? r : null;
        switch (notice.Action)
        {
            case NoticeAction.Issue:
                WarningStore.UpdateWarning(connection, warning.WarningId, warning.Level, WarningStatus.Published, at);
                break;
            case NoticeAction.Lift:
                WarningStore.UpdateWarning(connection, warning.WarningId, warning.Level, WarningStatus.Lifted, at);
                WarningStore.AppendEvent(connection, warning.WarningId, at, actor.Name, "lift", warning.Level, WarningLevel.None, reason, notice.NoticeId);
                break;
            default:
                WarningStore.UpdateWarning(connection, warning.WarningId, notice.Level, WarningStatus.Adjusted, at);
                WarningStore.AppendEvent(connection, warning.WarningId, at, actor.Name, "adjust", warning.Level, notice.Level, reason, notice.NoticeId);
                break;
        }
    }
}
