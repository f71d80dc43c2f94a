using RiskMonitor.Core;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>One outbox row due for an attempt.</summary>
public sealed record OutboxRow(string IdempotencyKey, long NoticeId, string Channel, int Attempts);

/// <summary>A row that failed at least once and is not delivered.</summary>
public sealed record OutboxProblem(long NoticeId, string Channel, string Status, int Attempts, string LastError, DateTime? NextAttemptUtc);

/// <summary>What enqueuing found: rows added, and approved notices refused for want of a proper approval.</summary>
public sealed record EnqueueResult(int Enqueued, IReadOnlyList<(long NoticeId, string Reason)> Refused);

/// <summary>
/// The SQL of the publication outbox (<c>publication_outbox</c>): one row per approved notice and enabled channel,
/// keyed by <see cref="IdempotencyKey"/>, moving from <c>pending</c> to <c>delivered</c>, or to <c>failed</c> when its
/// channel's attempts run out, or to <c>cancelled</c> when its notice is no longer publishable.
/// </summary>
/// <remarks>
/// The notice's own status is the durable intent to publish: approval commits <c>notices.status = 'approved'</c>, and every
/// run enqueues what is approved and has no row yet (<c>ON CONFLICT DO NOTHING</c> on the key), so an approval can never
/// be lost between committing it and enqueuing it. Only <c>approved</c> notices are enqueued; drafts, rejected and
/// already published notices never are.
/// </remarks>
public static class PublicationOutbox
{
    public static string SourceId(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteScalar<string>("SELECT min(source_id) FROM publication_source")
            ?? throw new RiskMonitorException("publication_source is empty: the warehouse was not migrated to version 004");
    }

    /// <summary>Adds a pending row for every approved notice and channel that has none yet.</summary>
    public static EnqueueResult Enqueue(DuckDbConnection connection, IReadOnlyCollection<string> channels, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(channels);
        var source = SourceId(connection);
        var approved = connection.Query(
            // A round's notices go out together: none while any notice of its round still waits for approval.
            """
            SELECT notice_id, drafted_by, approved_by, approved_at FROM notices n
            WHERE status = 'approved' AND NOT EXISTS (
                SELECT 1 FROM notices s WHERE s.warning_id = n.warning_id AND coalesce(s.round, 1) = coalesce(n.round, 1) AND s.status = 'draft')
            ORDER BY notice_id
            """,
            r => (Id: r.GetInt64(0), DraftedBy: r.GetString(1), ApprovedBy: r.GetStringOrNull(2), Approved: !r.IsNull(3)));
        var refused = new List<(long, string)>();
        var enqueued = 0;
        using var transaction = connection.BeginTransaction();
        using var insert = connection.Prepare("""
            INSERT INTO publication_outbox (idempotency_key, notice_id, channel, status, attempts, next_attempt_at, created_at)
            VALUES ($1, $2, $3, 'pending', 0, $4, $4)
            ON CONFLICT DO NOTHING
            """);
        foreach (var notice in approved)
        {
            // Four eyes: an approved notice must name an approver other than its drafter (regulation 003 Art. 8).
            if (string.IsNullOrWhiteSpace(notice.ApprovedBy) || !notice.Approved)
            {
                refused.Add((notice.Id, "approved without an approver or approval time"));
                continue;
            }

            if (string.Equals(notice.ApprovedBy, notice.DraftedBy, StringComparison.Ordinal))
            {
                refused.Add((notice.Id, $"approved by its own drafter '{notice.DraftedBy}'"));
                continue;
            }

            foreach (var channel in channels)
            {
                enqueued += (int)insert.BindAll(IdempotencyKey.For(source, notice.Id, channel), notice.Id, channel, nowUtc).ExecuteNonQuery();
            }
        }

        transaction.Commit();
        return new EnqueueResult(enqueued, refused);
    }

    /// <summary>The channel's pending rows whose next attempt is due, oldest notice first.</summary>
    public static IReadOnlyList<OutboxRow> Due(DuckDbConnection connection, string channel, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query(
            """
            SELECT idempotency_key, notice_id, channel, attempts FROM publication_outbox
            WHERE channel = $1 AND status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
            ORDER BY notice_id
            """,
            r => new OutboxRow(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3)), channel, nowUtc);
    }

    /// <summary>The envelope for a row, or the notice's status when it may not be published (anything but
    /// <c>approved</c> or <c>published</c>).</summary>
    public static (PublicationEnvelope? Envelope, string Status) Envelope(DuckDbConnection connection, OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(row);
        var found = connection.Query(
            """
            SELECT warning_id, kind, level, title, body_markdown, approved_by, approved_at, feedback_deadline, status
            FROM notices WHERE notice_id = $1
            """,
            r => (Envelope: new PublicationEnvelope(
                    row.IdempotencyKey, row.Channel, row.NoticeId, r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3),
                    r.GetString(4), r.GetStringOrNull(5) ?? string.Empty, r.IsNull(6) ? default : r.GetDateTime(6), r.GetDateOrNull(7)),
                Status: r.GetString(8)),
            row.NoticeId);
        if (found.Count == 0)
        {
            return (null, "missing");
        }

        var (envelope, status) = found[0];
        return status is "approved" or "published" ? (envelope, status) : (null, status);
    }

    /// <summary>Records the delivery; <c>last_error</c> stays as a record of what earlier attempts met.</summary>
    public static void MarkDelivered(DuckDbConnection connection, string key, string receipt, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute(
            """
            UPDATE publication_outbox
            SET status = 'delivered', attempts = attempts + 1, last_attempt_at = $2, delivered_at = $2,
                next_attempt_at = NULL, receipt = $3
            WHERE idempotency_key = $1 AND status = 'pending'
            """,
            key, nowUtc, receipt);
    }

    /// <summary>Records a failed attempt: pending again at <paramref name="nextAttemptUtc"/>, or failed when null.</summary>
    public static void RecordFailure(DuckDbConnection connection, string key, string error, DateTime nowUtc, DateTime? nextAttemptUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute(
            """
            UPDATE publication_outbox
            SET status = CASE WHEN $4 IS NULL THEN 'failed' ELSE 'pending' END, attempts = attempts + 1,
                last_attempt_at = $2, next_attempt_at = $4, last_error = $3
            WHERE idempotency_key = $1 AND status = 'pending'
            """,
            key, nowUtc, error, nextAttemptUtc);
    }

    public static void Cancel(DuckDbConnection connection, string key, string reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute(
            "UPDATE publication_outbox SET status = 'cancelled', last_attempt_at = $2, next_attempt_at = NULL, last_error = $3 WHERE idempotency_key = $1 AND status = 'pending'",
            key, nowUtc, reason);
    }

    /// <summary>Puts failed rows back to pending, due now, with their attempts reset, and audits it under
    /// <paramref name="actor"/>; returns how many.</summary>
    public static int RetryFailed(DuckDbConnection connection, string actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        var count = (int)connection.Execute(
            "UPDATE publication_outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 WHERE status = 'failed'", nowUtc);
        if (count > 0)
        {
            connection.Execute(
                "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, 'operator', 'publish_retry', 'publication_outbox', 'ok', $3)",
                nowUtc, actor, $"{count} 条已放弃的投递重新置为待投递");
        }

        transaction.Commit();
        return count;
    }

    /// <summary>When the earliest pending row is next due, or null when nothing is pending.</summary>
    public static DateTime? NextDue(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteScalar<DateTime?>(
            "SELECT min(coalesce(next_attempt_at, created_at)) FROM publication_outbox WHERE status = 'pending'");
    }

    /// <summary>Rows that failed at least once and are not delivered: pending retries and given-up rows.</summary>
    public static IReadOnlyList<OutboxProblem> Problems(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query(
            """
            SELECT notice_id, channel, status, attempts, last_error, next_attempt_at FROM publication_outbox
            WHERE status IN ('pending', 'failed', 'cancelled') AND last_error IS NOT NULL
            ORDER BY notice_id, channel
            """,
            r => new OutboxProblem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.IsNull(5) ? null : r.GetDateTime(5)));
    }

    /// <summary>Rows by status (pending, delivered, failed, cancelled).</summary>
    public static IReadOnlyDictionary<string, long> Counts(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query("SELECT status, count(*) FROM publication_outbox GROUP BY status", r => (r.GetString(0), r.GetInt64(1)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }
}
