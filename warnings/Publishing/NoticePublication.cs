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

    private static bool Publish(DuckDbConnection connection, long noticeId, IReadOnlyCollection<string> channels, DateTime nowUtc)
    {
        using var transaction = connection.BeginTransaction();
        if (connection.Execute("UPDATE notices SET status = 'published', published_at = $2 WHERE notice_id = $1 AND status = 'approved'", noticeId, nowUtc) == 0)
        {
            return false;
        }

        var warningId = connection.ExecuteScalar<long>("SELECT warning_id FROM notices WHERE notice_id = $1", noticeId);
        var channelList = string.Join("、", channels);
        if (connection.Execute("UPDATE warnings SET status = 'published', updated_at = $2 WHERE warning_id = $1 AND status = 'approved'", warningId, nowUtc) > 0)
        {
            connection.Execute(
                """
                INSERT INTO warning_events
                SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, 'publish', NULL, NULL, $4 FROM warning_events WHERE warning_id = $1
                """,
                warningId, nowUtc, Actor, $"通知 {noticeId} 已通过 {channelList} 发布");
        }

        connection.Execute(
            "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, 'system', 'publish_notice', $3, 'ok', $4)",
            nowUtc, Actor, $"notice:{noticeId}", $"已发布至 {channelList}");
        transaction.Commit();
        return true;
    }
}
