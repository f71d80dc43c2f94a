using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>
/// Drafts one round of notices: records the proposing event, chooses the kinds of publication (unless given), writes one
/// notice per kind from the month's facts, and audits each draft. Runs inside the caller's transaction.
/// </summary>
public sealed class RoundDrafter(DuckDbConnection connection, ReferenceData reference, LifecycleOptions options, Actor actor, DateTime now)
{
    /// <param name="eventAction">The event recorded for the proposal: propose, revise, propose_upgrade, propose_downgrade, propose_lift or request_lift.</param>
    /// <param name="assessment">The month's explanation of the Art. 19 factors, for the warning items.</param>
    /// <param name="kinds">The kinds to draft; by default those <see cref="NoticePlanner"/> chooses for the level.</param>
    /// <param name="eventReason">The reason recorded on the event when it differs from the notices' own (a redraft).</param>
    public IReadOnlyList<DraftNotice> Draft(
        WarningRecord warning, NoticeAction action, WarningLevel level, DateOnly month, string eventAction, string reason, string assessment,
        IReadOnlyList<NoticeKind>? kinds = null, string? eventReason = null)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var facts = SubjectFacts.Query(connection, reference, warning.CategoryCode, warning.RegionCode, month, options.TopParties);
        var from = action == NoticeAction.Issue ? WarningLevel.None : warning.Level;
        kinds ??= NoticePlanner.KindsFor(level, facts);
        var round = WarningStore.AppendEvent(
            connection, warning.WarningId, now, actor.Name, eventAction, from, level, eventReason ?? (reason.Length > 0 ? reason : assessment));
        var drafts = new List<DraftNotice>();
        foreach (var kind in kinds)
        {
            var content = NoticeComposer.Compose(kind, action, level, from, facts, assessment, reason, options.FeedbackDays);
            var noticeId = WarningStore.NextNoticeId(connection);
            WarningStore.InsertNotice(connection, noticeId, warning.WarningId, round, content, actor.Name, now);
            AuditLog.Write(connection, now, actor, "draft_notice", $"notice:{noticeId}", AuditLog.Ok, content.Title);
            drafts.Add(new DraftNotice(noticeId, warning.WarningId, content, content.Title, NoticeDocument.Markdown(content, NoticeSeal.Draft(noticeId))));
        }

        return drafts;
    }

    /// <summary>
    /// Withdraws notices still in draft because a newer round replaces them; each is recorded on the warning and audited.
    /// </summary>
    public void Supersede(IEnumerable<NoticeRecord> drafts, string reason)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        foreach (var notice in drafts.Where(n => n.Status == NoticeStatus.Draft))
        {
            WarningStore.MarkClosed(connection, notice, NoticeStatus.Superseded, actor.Name, now, reason);
            WarningStore.AppendEvent(connection, notice.WarningId, now, actor.Name, "supersede", notice.FromLevel, notice.Level, reason, notice.NoticeId);
            AuditLog.Write(connection, now, actor, "supersede_notice", $"notice:{notice.NoticeId}", AuditLog.Ok, reason);
        }
    }

    /// <summary>The kinds a lifting round uses: those of the notices that put the current level in force, so every audience hears of the end.</summary>
    public IReadOnlyList<NoticeKind> LiftKinds(WarningRecord warning, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var published = WarningStore.Notices(connection, warning.WarningId).Where(n => n.Status == NoticeStatus.Published).ToList();
        if (published.Count > 0)
        {
            var round = published.Max(n => n.Round);
            return NoticeKinds.ByWeight.Where(k => published.Any(n => n.Round == round && n.Kind == k)).ToList();
        }

        var facts = SubjectFacts.Query(connection, reference, warning.CategoryCode, warning.RegionCode, month, options.TopParties);
        return NoticePlanner.KindsFor(warning.Level, facts);
    }
}
