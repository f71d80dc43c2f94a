using RiskMonitor.Core;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>What an override changed.</summary>
public sealed record OverrideResult(long AssessmentId, WarningLevel From, WarningLevel To);

/// <summary>
/// An analyst's decision replacing the computed level of one subject-month (<c>riskmonitor risks override</c>): the
/// override columns of <c>risk_assessments</c> and a row in <c>audit_log</c>, in one transaction. Re-analysing the month
/// keeps it.
/// </summary>
public static class RiskOverrides
{
    public static OverrideResult Apply(
        DuckDbConnection connection, DateOnly month, RiskSubject subject, WarningLevel level, string reason, string user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(subject);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("调整预警级别必须说明理由（--reason）");
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            throw new UsageException("调整预警级别必须注明操作人（--user）");
        }

        using var transaction = connection.BeginTransaction();
        var current = connection.Query(
            """
            SELECT assessment_id, level FROM risk_assessments
            WHERE month = $1 AND category_code = $2 AND region_code = $3 AND subject_kind IN ('category', 'category_region')
            """,
            r => (Id: r.GetInt64(0), Level: (WarningLevel)r.GetInt32(1)), month, subject.CategoryCode, subject.RegionCode).FirstOrDefault();
        if (current.Id == 0)
        {
            throw new RiskMonitorException($"{month:yyyy-MM} 没有该风险对象的评估结果（请先运行 analyze --month {month:yyyy-MM}）");
        }

        connection.Execute(
            """
            UPDATE risk_assessments SET override_level = $2, override_reason = $3, override_by = $4, override_at = $5, level = $2
            WHERE assessment_id = $1
            """,
            current.Id, (int)level, reason.Trim(), user.Trim(), now);
        connection.Execute(
            "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, 'analyst', 'override_level', $3, 'ok', $4)",
            now, user.Trim(), $"risk_assessment:{current.Id}",
            $"{month:yyyy-MM} {subject.CategoryCode}/{(subject.ProvinceWide ? "全省" : subject.RegionCode)}：{Name(current.Level)} → {Name(level)}；理由：{reason.Trim()}");
        transaction.Commit();
        return new OverrideResult(current.Id, current.Level, level);
    }

    private static string Name(WarningLevel level) => level == WarningLevel.None ? "无预警" : level.Roman() + "级";
}
