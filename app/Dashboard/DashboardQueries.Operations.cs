using System.Text.RegularExpressions;
using RiskMonitor.Core.Data;
using RiskMonitor.Reports.Exports;

namespace RiskMonitor.App.Dashboard;

public static partial class DashboardQueries
{
    /// <summary>Follow-up steps of spot-check cases with their statutory due dates, judged on <paramref name="today"/>.</summary>
    public static TableData FollowUp(DuckDbConnection connection, DashboardFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query(
            """
            SELECT c.case_id, coalesce(cat.name, c.category_code, ''), coalesce(r.name, c.region_code, ''), coalesce(c.producer, ''), c.status,
                   c.opened_on, s.step, s.started_on, s.due_on, s.done_on,
                   CASE WHEN s.done_on IS NULL AND s.due_on < $1 THEN datediff('day', s.due_on, $1::DATE) ELSE 0 END, s.rule
            FROM followup_cases c JOIN followup_steps s USING (case_id)
            LEFT JOIN dim_category cat ON cat.code = c.category_code LEFT JOIN dim_region r ON r.code = c.region_code
            WHERE ($2::VARCHAR IS NULL OR c.region_code = $2) AND ($3::VARCHAR IS NULL OR c.category_code = $3) AND ($4::VARCHAR IS NULL OR c.status = $4)
            ORDER BY (s.done_on IS NULL) DESC, s.due_on, c.case_id, s.step
            LIMIT $5
            """,
            r => new object?[]
            {
                r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4) == "closed" ? "已结案" : "办理中", r.GetDate(5),
                r.GetString(6), r.GetDate(7), r.GetDate(8), r.GetDateOrNull(9), r.GetInt64(10), r.GetString(11),
            },
            today, filter.Region, filter.Category, filter.Status, DashboardFilter.MaxRows);
        return TableData.Of("followup",
            [("caseId", "案件编号"), ("category", "产品类别"), ("region", "地区"), ("producer", "生产者"), ("status", "案件状态"), ("openedOn", "立案日期"),
             ("step", "环节"), ("startedOn", "起算日期"), ("dueOn", "法定期限"), ("doneOn", "完成日期"), ("overdueDays", "逾期天数"), ("rule", "期限规则")],
            rows);
    }

    public static TableData Batches(DuckDbConnection connection, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query(
            """
            SELECT batch_id, source, file_name, started_at, finished_at, status, rows_read, rows_loaded, rows_quarantined, rows_duplicate,
                   rows_replaced, coalesce(message, '')
            FROM ingest_batches WHERE ($1::VARCHAR IS NULL OR status = $1) ORDER BY batch_id DESC LIMIT $2
            """,
            r => new object?[]
            {
                r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDateTime(3), r.IsNull(4) ? null : r.GetDateTime(4), r.GetString(5),
                r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), MaskDigits(r.GetString(11)),
            },
            filter.Status, DashboardFilter.MaxRows);
        return TableData.Of("batches",
            [("batchId", "批次"), ("source", "来源"), ("file", "文件"), ("startedAt", "开始时间"), ("finishedAt", "完成时间"), ("status", "状态"),
             ("read", "读取行"), ("loaded", "导入行"), ("quarantined", "隔离行"), ("duplicate", "重复行"), ("replaced", "替换行"), ("message", "说明")],
            rows);
    }

    /// <summary>Quarantined rows with their reasons; the raw line is never sent (it may hold a complainant's name and phone).</summary>
    public static TableData Quarantine(DuckDbConnection connection, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query(
            """
            SELECT q.batch_id, b.source, b.file_name, q.line, q.reason FROM quarantine q JOIN ingest_batches b USING (batch_id)
            WHERE ($1::BIGINT IS NULL OR q.batch_id = $1) ORDER BY q.batch_id DESC, q.line LIMIT $2
            """,
            r => new object?[] { r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), MaskDigits(r.GetString(4)) },
            filter.Batch, DashboardFilter.MaxRows);
        return TableData.Of("quarantine", [("batchId", "批次"), ("source", "来源"), ("file", "文件"), ("line", "行号"), ("reason", "隔离原因")], rows);
    }

    /// <summary>Long digit runs (phone, ID numbers a reason may quote from the bad value) keep only their ends.</summary>
    public static string MaskDigits(string text) =>
        LongDigits().Replace(text ?? string.Empty, m => m.Value[..3] + new string('*', m.Value.Length - 5) + m.Value[^2..]);

    [GeneratedRegex("[0-9]{7,}")]
    private static partial Regex LongDigits();
}
