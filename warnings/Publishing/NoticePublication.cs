using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// Marks notices published once every enabled channel has taken them: the notice becomes <c>published</c> with its
/// <c>published_at</c>, its warning moves from <c>approved</c> to <c>published</c> (with a <c>publish</c> event), and an
/// <c>audit_log</c> row is written — all in one transaction per notice.
/// </summary>
/// <remarks>
/// This runs after the channels' deliveries rather than inside the last one, because channels deliver concurrently
/// and neither delivery's transaction would see the other's; as a sweep it also completes a notice whose last delivery
/// committed just before a crash. With no channel enabled nothing is ever marked published.
/// </remarks>
public static class NoticePublication
{
    public const string Actor = "system";

    /// <summary>Publishes every approved notice delivered on all of <paramref name="channels"/>; returns their ids.</summary>
    public static IReadOnlyList<long> PublishCompleted(DuckDbConnection connection, IReadOnlyCollection<string> channels, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            return [];
        }

        var delivered = connection.Query(
            """
            SELECT o.notice_id, o.channel FROM publication_outbox o JOIN notices n ON n.notice_id = o.notice_id
            WHERE n.status = 'approved' AND o.status = 'delivered'
            """,
            r => (NoticeId: r.GetInt64(0), Channel: r.GetString(1)));
        var complete = delivered.GroupBy(d => d.NoticeId)
            .Where(g => channels.All(c => g.Any(d => d.Channel == c)))
            .Select(g => g.Key).Order().ToList();
        var published = new List<long>();
        foreach (var noticeId in complete)
        {
            if (Publish(connection, noticeId, channels, nowUtc))
            {
                published.Add(noticeId);
            }
        }

        return published;
    }

    /// <remarks>The state change itself belongs to the warning lifecycle (<see cref="Lifecycle.WarningLifecycle.MarkPublished(long, DateTimeOffset)"/>):
    /// it re-renders the notice without the approval banner, moves the warning to published, adjusted or lifted as the
    /// notice's round decides, and audits it. The channels that carried it are recorded here.</remarks>
    private static bool Publish(DuckDbConnection connection, long noticeId, IReadOnlyCollection<string> channels, DateTime nowUtc)
    {
        var lifecycle = new Lifecycle.WarningLifecycle(connection, Core.Domain.ReferenceData.Default, Approval.UserDirectory.Empty, new FixedTime(nowUtc));
        var before = connection.ExecuteScalar<string>("SELECT status FROM notices WHERE notice_id = $1", noticeId);
        if (before != "approved")
        {
            return false;
        }

        lifecycle.MarkPublished(noticeId, new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)));
        connection.Execute(
            "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, 'system', 'publish_channels', $3, 'ok', $4)",
            nowUtc, Actor, $"notice:{noticeId}", $"已发布至 {string.Join("、", channels)}");
        return true;
    }

    /// <summary>The publishing pass's own "now", so the lifecycle records the same instant the outbox does.</summary>
    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
