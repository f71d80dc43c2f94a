using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Proposals;

/// <summary>A notice drafted for a warned risk, awaiting approval.</summary>
public sealed record DraftNotice(long NoticeId, long WarningId, NoticeContent Content, string Title, string Markdown);

/// <summary>
/// Turns a month's assessed levels into proposed warnings with a draft notice each. A risk already under an open warning
/// is not proposed again, and a region is not warned separately when its category is warned province-wide at the same or
/// a higher level. Nothing here publishes: drafts wait for an approver.
/// </summary>
public sealed class WarningProposer(ReferenceData reference, TimeProvider? time = null)
{
    private const int FeedbackDays = 15;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IReadOnlyList<DraftNotice> Propose(DuckDbConnection connection, DateOnly month, string actor)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var warned = connection.Query(
            """
            SELECT category_code, region_code, level, explanation FROM risk_assessments
            WHERE month = $1 AND level > 0 AND subject_kind IN ('category', 'category_region')
            ORDER BY level DESC, region_code = '' DESC, score DESC
            """,
            r => (Category: r.GetString(0), Region: r.GetString(1), Level: (WarningLevel)r.GetInt32(2), Explanation: r.GetString(3)), month);
        var provinceLevels = warned.Where(w => w.Region.Length == 0).ToDictionary(w => w.Category, w => w.Level);
        var now = _time.GetUtcNow().UtcDateTime;
        var drafts = new List<DraftNotice>();
        using var transaction = connection.BeginTransaction();
        foreach (var w in warned)
        {
            if (w.Region.Length > 0 && provinceLevels.TryGetValue(w.Category, out var provinceLevel) && provinceLevel >= w.Level)
            {
                continue;
            }

            var open = connection.ExecuteScalar<long?>(
                "SELECT max(warning_id) FROM warnings WHERE category_code = $1 AND region_code = $2 AND status IN ('proposed', 'approved', 'published')",
                w.Category, w.Region);
            if (open is { } openId)
            {
                connection.Execute("UPDATE warnings SET last_month = greatest(last_month, $2), updated_at = $3 WHERE warning_id = $1", openId, month, now);
                continue;
            }

            drafts.Add(Draft(connection, month, w.Category, w.Region, w.Level, w.Explanation, actor, now));
        }

        transaction.Commit();
        return drafts;
    }

    private DraftNotice Draft(DuckDbConnection connection, DateOnly month, string categoryCode, string regionCode, WarningLevel level, string explanation, string actor, DateTime now)
    {
        var warningId = connection.ExecuteScalar<long>("SELECT nextval('seq_warning_id')");
        connection.Execute(
            "INSERT INTO warnings VALUES ($1, $2, $3, $4, '', $5, 'proposed', $6, $6, $7, $7)",
            warningId, regionCode.Length == 0 ? "category" : "category_region", categoryCode, regionCode, (int)level, month, now);
        connection.Execute(
            "INSERT INTO warning_events VALUES ($1, 1, $2, $3, 'propose', NULL, $4, $5)", warningId, now, actor, (int)level, explanation);

        var noticeId = connection.ExecuteScalar<long>("SELECT nextval('seq_notice_id')");
        var kind = NoticeKinds.ForLevel(level);
        var content = new NoticeContent(
            noticeId, kind, level, month, reference.Category(categoryCode).Name,
            regionCode.Length == 0 ? null : reference.Region(regionCode).Name, [],
            $"经风险监测分析，{explanation}。", NoticeDocument.DefaultMeasures(level),
            DateOnly.FromDateTime(now).AddDays(FeedbackDays), "draft");
        var title = NoticeDocument.Title(content);
        var markdown = NoticeDocument.Markdown(content);
        connection.Execute(
            "INSERT INTO notices (notice_id, warning_id, kind, level, title, body_markdown, status, drafted_by, drafted_at, feedback_deadline) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9)",
            noticeId, warningId, kind.ChineseName(), (int)level, title, markdown, actor, now, content.FeedbackDeadline);
        connection.Execute(
            "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, 'system', 'draft_notice', $3, 'ok', $4)",
            now, actor, $"notice:{noticeId}", title);
        return new DraftNotice(noticeId, warningId, content, title, markdown);
    }
}
