using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Exports;
using RiskMonitor.Reports.Html;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.App.Dashboard;

public static partial class DashboardQueries
{
    /// <summary>Warnings with their notices and approval state.</summary>
    public static TableData Warnings(DuckDbConnection connection, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query(
            """
            SELECT w.warning_id, w.level, coalesce(c.name, w.category_code), coalesce(r.name, '全省'), w.status, w.first_month, w.last_month,
                   n.notice_id, n.kind, n.title, n.status, n.approved_by, n.approved_at, n.feedback_deadline
            FROM warnings w LEFT JOIN dim_category c ON c.code = w.category_code
            LEFT JOIN dim_region r ON r.code = w.region_code AND w.region_code <> ''
            LEFT JOIN notices n ON n.warning_id = w.warning_id
            -- A month shows the warnings open in it: raised by then and not yet ended before it.
            WHERE ($1::DATE IS NULL OR (w.first_month <= $1 AND (w.last_month >= $1 OR w.status NOT IN ('lifted', 'rejected', 'superseded'))))
              AND ($2::INTEGER IS NULL OR w.level = $2)
              AND ($3::VARCHAR IS NULL OR w.region_code = $3) AND ($4::VARCHAR IS NULL OR w.category_code = $4)
              AND ($5::VARCHAR IS NULL OR w.status = $5)
            ORDER BY w.first_month DESC, w.level DESC, w.warning_id DESC, n.notice_id
            LIMIT $6
            """,
            r => new object?[]
            {
                r.GetInt64(0), r.GetInt32(1), ((WarningLevel)r.GetInt32(1)).ChineseLabel(), r.GetString(2), r.GetString(3), r.GetString(4),
                WarningStatusText.Label(r.GetString(4)), r.GetDate(5), r.GetDate(6), r.GetInt64OrNull(7), r.GetStringOrNull(8), r.GetStringOrNull(9),
                r.GetStringOrNull(10) is { } s ? NoticeDocument.StatusLabel(s) : null, r.GetStringOrNull(11),
                r.IsNull(12) ? null : r.GetDateTime(12), r.GetDateOrNull(13),
            },
            filter.Month, (int?)filter.Level, filter.Region, filter.Category, filter.Status, DashboardFilter.MaxRows);
        return TableData.Of("warnings",
            [("id", "预警编号"), ("level", "级别代码"), ("levelLabel", "预警级别"), ("category", "产品类别"), ("region", "地区"), ("status", "状态代码"),
             ("statusLabel", "预警状态"), ("firstMonth", "提出月份"), ("lastMonth", "最近月份"), ("noticeId", "通知编号"), ("noticeKind", "通知类型"),
             ("noticeTitle", "通知标题"), ("noticeStatus", "审批状态"), ("approvedBy", "审批人"), ("approvedAt", "审批时间"), ("feedbackDeadline", "反馈期限")],
            rows);
    }
}
