using System.Globalization;
using System.Text.Json;
using RiskMonitor.Analytics.Aggregation;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>
/// <c>analyze --month</c>: brings the month's aggregates (and any stale earlier month) up to date, scores every subject
/// active in the month against its recent history, and stores the assessments.
/// </summary>
public sealed class AssessmentRunner(ReferenceData reference, TimeProvider? time = null)
{
    private const int HistoryMonths = 13;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IReadOnlyList<RiskAssessment> Analyze(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        month = new DateOnly(month.Year, month.Month, 1);
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var stale in SubjectMonthAggregator.StaleMonths(connection).Where(m => m <= month))
        {
            SubjectMonthAggregator.Aggregate(connection, stale, now);
        }

        var assessments = History(connection, month)
            .GroupBy(h => h.Subject)
            .Where(g => g.Last().Month == month)
            .Select(g => Assess(g.ToList()))
            .OrderByDescending(a => a.Level).ThenByDescending(a => a.Factors.Score)
            .ToList();
        Store(connection, month, assessments, now);
        return assessments;
    }

    private RiskAssessment Assess(IReadOnlyList<SubjectMonth> history)
    {
        var current = history[^1];
        var category = reference.Categories.FirstOrDefault(c => c.Code == current.Subject.CategoryCode);
        var severity = category?.Hazards.Select(h => reference.FindHazard(h)?.Severity ?? 1).DefaultIfEmpty(1).Max() ?? 1;
        var factors = RuleAssessor.Score(history, severity);
        var level = RuleAssessor.Level(factors, current);
        return new RiskAssessment(current.Month, current.Subject, factors, level, level, Explain(factors));
    }

    /// <summary>Why, in Chinese, factor by factor.</summary>
    public static string Explain(FactorScores f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var i = f.Inputs;
        var parts = new List<string>
        {
            $"危害程度{f.Harm}（" + (i.Deaths > 0 ? $"报告死亡{i.Deaths}例" : i.Injuries > 0 ? $"报告受伤{i.Injuries}人" : $"产品类别典型危害严重度{i.CategorySeverity}") + "）",
            $"发生频率{f.Frequency}（危害信号{i.Signal}，基线" + (i.Baseline is { } b ? $"{b.ToString("0.0", CultureInfo.InvariantCulture)}，为基线的{i.Ratio.ToString("0.0", CultureInfo.InvariantCulture)}倍" : "历史不足") + "）",
            $"紧急程度{f.Urgency}（上月信号{i.PreviousSignal}" + (i.MajorReports > 0 ? $"，重大风险报告{i.MajorReports}起" : string.Empty) + "）",
            $"影响范围{f.Scope}（涉及{i.RegionsAffected}个地区）",
            $"持续时间{f.Duration}（连续{i.ElevatedMonths}个月升高）",
        };
        return string.Join("；", parts.OrderByDescending(p => p[4] - '0'));
    }

    private static List<SubjectMonth> History(DuckDbConnection connection, DateOnly month) => connection.Query(
        """
        SELECT month, category_code, region_code, complaints, hazard_complaints, injury_complaints, station_cases, injuries, deaths,
               major_reports, samples, failures, safety_failures, regions_affected
        FROM agg_subject_month
        WHERE month BETWEEN $1 AND $2
        ORDER BY category_code, region_code, month
        """,
        r => new SubjectMonth(r.GetDate(0), new RiskSubject(r.GetString(1), r.GetString(2)), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
            r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), r.GetInt32(13)),
        month.AddMonths(-HistoryMonths + 1), month);

    private static void Store(DuckDbConnection connection, DateOnly month, IReadOnlyList<RiskAssessment> assessments, DateTime now)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM risk_assessments WHERE month = $1 AND override_level IS NULL", month);
        using var insert = connection.Prepare("""
            INSERT INTO risk_assessments (assessment_id, month, subject_kind, category_code, region_code, rule_level, level, score, factors, explanation, created_at)
            VALUES (nextval('seq_assessment_id'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT DO NOTHING
            """);
        foreach (var a in assessments)
        {
            insert.BindAll(month, a.Subject.ProvinceWide ? "category" : "category_region", a.Subject.CategoryCode, a.Subject.RegionCode,
                (int)a.RuleLevel, (int)a.Level, a.Factors.Score, JsonSerializer.Serialize(a.Factors), a.Explanation, now).ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
