using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>Reads and writes warnings, their events and notices. All SQL of the lifecycle lives here.</summary>
public static class WarningStore
{
    private const string WarningColumns = "warning_id, category_code, region_code, level, status, first_month, last_month";

    private const string NoticeColumns = """
        notice_id, warning_id, coalesce(round, 1), coalesce(action, 'issue'), kind, level, coalesce(from_level, 0), status, title,
        drafted_by, drafted_at, approved_by, approved_at, published_at, coalesce(data_month, CAST(drafted_at AS DATE)),
        doc_year, doc_seq, feedback_deadline, reject_reason, content_json
        """;

    public static WarningRecord? Warning(DuckDbConnection connection, long warningId) =>
        Guard(connection).Query($"SELECT {WarningColumns} FROM warnings WHERE warning_id = $1", MapWarning, warningId).FirstOrDefault();

    /// <summary>Warnings not lifted or rejected, oldest first.</summary>
    public static List<WarningRecord> OpenWarnings(DuckDbConnection connection) => Guard(connection).Query(
        $"SELECT {WarningColumns} FROM warnings WHERE status NOT IN ('lifted', 'rejected') ORDER BY warning_id", MapWarning);

    public static long InsertWarning(DuckDbConnection connection, string categoryCode, string regionCode, WarningLevel level, DateOnly month, DateTime now)
    {
        var id = Guard(connection).ExecuteScalar<long>("SELECT nextval('seq_warning_id')");
        connection.Execute(
            """
            INSERT INTO warnings (warning_id, subject_kind, category_code, region_code, producer, level, status, first_month, last_month, created_at, updated_at)
            VALUES ($1, $2, $3, $4, '', $5, 'proposed', $6, $6, $7, $7)
            """,
            id, regionCode.Length == 0 ? "category" : "category_region", categoryCode, regionCode, (int)level, month, now);
        return id;
    }

    public static void UpdateWarning(DuckDbConnection connection, long warningId, WarningLevel level, WarningStatus status, DateTime now) =>
        Guard(connection).Execute(
            "UPDATE warnings SET level = $2, status = $3, updated_at = $4 WHERE warning_id = $1", warningId, (int)level, status.Code(), now);

    /// <summary>Records the last month whose analysis still warned the subject.</summary>
    public static void TouchLastMonth(DuckDbConnection connection, long warningId, DateOnly month, DateTime now) =>
        Guard(connection).Execute(
            "UPDATE warnings SET last_month = greatest(last_month, $2), updated_at = $3 WHERE warning_id = $1", warningId, month, now);

    /// <summary>Appends an event and returns its sequence number within the warning.</summary>
    public static int AppendEvent(
        DuckDbConnection connection, long warningId, DateTime at, string actor, string action, WarningLevel? from, WarningLevel? to, string? reason, long? noticeId = null)
    {
        var seq = Guard(connection).ExecuteScalar<int>("SELECT coalesce(max(seq), 0) + 1 FROM warning_events WHERE warning_id = $1", warningId);
        connection.Execute(
            "INSERT INTO warning_events (warning_id, seq, event_at, actor, action, from_level, to_level, reason, notice_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            warningId, seq, at, actor, action, from is { } f ? (int)f : null, to is { } t ? (int)t : null, reason, noticeId);
        return seq;
    }

    public static List<WarningEvent> Events(DuckDbConnection connection, long warningId) => Guard(connection).Query(
        "SELECT warning_id, seq, event_at, actor, action, from_level, to_level, reason, notice_id FROM warning_events WHERE warning_id = $1 ORDER BY seq",
        r => new WarningEvent(
            r.GetInt64(0), r.GetInt32(1), r.GetDateTime(2), r.GetString(3), r.GetString(4),
            r.IsNull(5) ? null : (WarningLevel)r.GetInt32(5), r.IsNull(6) ? null : (WarningLevel)r.GetInt32(6), r.GetStringOrNull(7), r.GetInt64OrNull(8)),
        warningId);

    public static long NextNoticeId(DuckDbConnection connection) => Guard(connection).ExecuteScalar<long>("SELECT nextval('seq_notice_id')");

    public static void InsertNotice(DuckDbConnection connection, long noticeId, long warningId, int round, NoticeContent content, string draftedBy, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(content);
        Guard(connection).Execute(
            """
            INSERT INTO notices (notice_id, warning_id, kind, level, title, body_markdown, status, drafted_by, drafted_at,
                                 round, action, from_level, data_month, content_json)
            VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11, $12, $13)
            """,
            noticeId, warningId, content.Kind.ChineseName(), (int)content.Level, content.Title, NoticeDocument.Markdown(content, NoticeSeal.Draft(noticeId)),
            draftedBy, at, round, content.Action.Code(), (int)content.FromLevel, content.DataMonth, content.ToJson());
    }

    public static NoticeRecord? Notice(DuckDbConnection connection, long noticeId) =>
        Guard(connection).Query($"SELECT {NoticeColumns} FROM notices WHERE notice_id = $1", MapNotice, noticeId).FirstOrDefault();

    public static List<NoticeRecord> Notices(DuckDbConnection connection, long warningId) => Guard(connection).Query(
        $"SELECT {NoticeColumns} FROM notices WHERE warning_id = $1 ORDER BY notice_id", MapNotice, warningId);

    public static List<NoticeRecord> Round(DuckDbConnection connection, long warningId, int round) => Guard(connection).Query(
        $"SELECT {NoticeColumns} FROM notices WHERE warning_id = $1 AND coalesce(round, 1) = $2 ORDER BY notice_id", MapNotice, warningId, round);

    /// <summary>Notices still to be approved or published, with their rounds.</summary>
    public static List<NoticeRecord> PendingNotices(DuckDbConnection connection, long warningId) => Guard(connection).Query(
        $"SELECT {NoticeColumns} FROM notices WHERE warning_id = $1 AND status IN ('draft', 'approved') ORDER BY notice_id", MapNotice, warningId);

    /// <summary>Every notice awaiting approval, oldest first.</summary>
    public static List<NoticeRecord> Drafts(DuckDbConnection connection) => Guard(connection).Query(
        $"SELECT {NoticeColumns} FROM notices WHERE status = 'draft' ORDER BY notice_id", MapNotice);

    /// <summary>Approved notices of rounds with nothing left in draft, oldest approval first.</summary>
    public static List<NoticeRecord> ReadyToPublish(DuckDbConnection connection) => Guard(connection).Query(
        $"""
        SELECT {NoticeColumns} FROM notices n
        WHERE status = 'approved' AND NOT EXISTS (
            SELECT 1 FROM notices s WHERE s.warning_id = n.warning_id AND coalesce(s.round, 1) = coalesce(n.round, 1) AND s.status = 'draft')
        ORDER BY approved_at, notice_id
        """,
        MapNotice);

    /// <summary>The next number of the bureau's series for the year.</summary>
    public static DocumentNumber NextDocumentNumber(DuckDbConnection connection, int year) =>
        new(year, Guard(connection).ExecuteScalar<int>("SELECT coalesce(max(doc_seq), 0) + 1 FROM notices WHERE doc_year = $1", year));

    public static void MarkApproved(DuckDbConnection connection, NoticeRecord notice, string approver, DateTime at, DocumentNumber number, DateOnly feedbackDeadline) =>
        Guard(connection).Execute(
            """
            UPDATE notices SET status = 'approved', approved_by = $2, approved_at = $3, doc_year = $4, doc_seq = $5, feedback_deadline = $6, body_markdown = coalesce($7, body_markdown)
            WHERE notice_id = $1
            """,
            notice.NoticeId, approver, at, number.Year, number.Sequence, feedbackDeadline,
            Render(notice with { Status = NoticeStatus.Approved, ApprovedAt = at, Number = number, FeedbackDeadline = feedbackDeadline }));

    public static void MarkPublished(DuckDbConnection connection, NoticeRecord notice, DateTime at) =>
        Guard(connection).Execute(
            "UPDATE notices SET status = 'published', published_at = $2, body_markdown = coalesce($3, body_markdown) WHERE notice_id = $1",
            notice.NoticeId, at, Render(notice with { Status = NoticeStatus.Published, PublishedAt = at }));

    /// <summary>Ends a notice that will never be published: rejected by an approver, or superseded by a newer round.</summary>
    public static void MarkClosed(DuckDbConnection connection, NoticeRecord notice, NoticeStatus status, string actor, DateTime at, string reason) =>
        Guard(connection).Execute(
            "UPDATE notices SET status = $2, rejected_by = $3, rejected_at = $4, reject_reason = $5, body_markdown = coalesce($6, body_markdown) WHERE notice_id = $1",
            notice.NoticeId, status.Code(), actor, at, reason, Render(notice with { Status = status }));

    /// <summary>The Markdown of a notice as it stands; null for notices from before migration 003, which keep their stored text.</summary>
    public static string? Render(NoticeRecord notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Content is { } content ? NoticeDocument.Markdown(content, notice.Seal) : null;
    }

    private static WarningRecord MapWarning(DuckDbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), (WarningLevel)r.GetInt32(3), WarningStatuses.Parse(r.GetString(4)), r.GetDate(5), r.GetDate(6));

    private static NoticeRecord MapNotice(DuckDbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), NoticeTerms.ParseAction(r.GetString(3)), NoticeKinds.Parse(r.GetString(4)),
        (WarningLevel)r.GetInt32(5), (WarningLevel)r.GetInt32(6), NoticeTerms.ParseStatus(r.GetString(7)), r.GetString(8), r.GetString(9),
        r.GetDateTime(10), r.GetStringOrNull(11), r.IsNull(12) ? null : r.GetDateTime(12), r.IsNull(13) ? null : r.GetDateTime(13), r.GetDate(14),
        r.IsNull(15) || r.IsNull(16) ? null : new DocumentNumber(r.GetInt32(15), r.GetInt32(16)), r.GetDateOrNull(17), r.GetStringOrNull(18),
        r.GetStringOrNull(19) is { } json ? NoticeContent.FromJson(json) : null);

    private static DuckDbConnection Guard(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection;
    }
}
