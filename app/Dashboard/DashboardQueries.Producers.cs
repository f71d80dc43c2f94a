using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Exports;

namespace RiskMonitor.App.Dashboard;

public static partial class DashboardQueries
{
    /// <summary>Producer assessments matching the filter (month, level, category, part of the name); without a level, all of them.</summary>
    public static TableData Producers(DuckDbConnection connection, DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = connection.Query(
            """
            SELECT p.month, p.level, p.producer, coalesce(c.name, p.category_code), p.category_code, p.elevated, p.score,
                   p.harm, p.urgency, p.scope, p.frequency, p.duration, p.explanation
            FROM producer_assessments p LEFT JOIN dim_category c ON c.code = p.category_code
            WHERE ($1::DATE IS NULL OR p.month = $1) AND ($2::INTEGER IS NULL OR p.level = $2)
              AND ($3::VARCHAR IS NULL OR p.category_code = $3) AND ($4::VARCHAR IS NULL OR contains(p.producer, $4))
            ORDER BY p.month DESC, p.level DESC, p.score DESC, p.producer, p.category_code
            LIMIT $5
            """,
            r => new object?[]
            {
                r.GetDate(0), r.GetInt32(1), ((WarningLevel)r.GetInt32(1)).ChineseLabel(), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetBoolean(5), Math.Round(r.GetDouble(6), 2), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), r.GetString(12),
            },
            filter.Month, (int?)filter.Level, filter.Category, filter.Producer, DashboardFilter.MaxRows);
        return TableData.Of("producers",
            [("month", "月份"), ("level", "级别代码"), ("levelLabel", "规则分级"), ("producer", "生产企业"), ("category", "产品类别"), ("categoryCode", "品类代码"),
             ("elevated", "是否升高"), ("score", "综合评分"), ("harm", "危害程度"), ("urgency", "紧急程度"), ("scope", "影响范围"),
             ("frequency", "发生频率"), ("duration", "持续时间"), ("explanation", "评估依据")],
            rows);
    }
}
