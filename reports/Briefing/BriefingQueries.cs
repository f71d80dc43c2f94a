using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Html;

namespace RiskMonitor.Reports.Briefing;

/// <summary>Reads <see cref="BriefingData"/> from the warehouse. Only the foundation schema's columns are relied on.</summary>
public static class BriefingQueries
{
    /// <summary>How many top risks and level changes the briefing lists; it must fit on three pages.</summary>
    public const int TopRiskCount = 5;
    public const int ChangeRows = 10;
    public const int HeatCategories = 10;
    public const int OverdueRows = 8;
    public const int TrendMonths = 12;

    public static BriefingData Load(DuckDbConnection connection, DateOnly month, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        month = new DateOnly(month.Year, month.Month, 1);
        reference ??= ReferenceData.Default;
        var asOf = month.AddMonths(1).AddDays(-1);
        return new BriefingData(
            month, asOf,
            Headline(connection, month),
            Headline(connection, month.AddMonths(-1)),
            LevelCounts(connection, "SELECT level, count(*) FROM warnings WHERE first_month = $1 GROUP BY level", month),
            LevelCounts(connection, $"SELECT level, count(*) FROM warnings WHERE first_month <= $1 AND {WarningStatusText.OpenCondition} GROUP BY level", month),
            Changes(connection, month),
            TopRisks(connection, month),
            Trend(connection, month),
            Heat(connection, month, reference),
            FollowUp(connection, month, asOf));
    }

    /// <summary>The month's headline counts straight from the facts (and the assessments for the warned subjects).</summary>
    public static HeadlineCounts Headline(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query(
            """
            SELECT (SELECT count(*) FROM fact_complaint WHERE month = $1),
                   (SELECT count(*) FROM fact_complaint WHERE month = $1 AND len(hazards) > 0),
                   (SELECT count(*) FROM fact_spot_check WHERE month = $1),
                   (SELECT count(*) FROM fact_spot_check WHERE month = $1 AND NOT passed),
                   (SELECT coalesce(sum(cases), 0) FROM fact_station_report WHERE month = $1),
                   (SELECT coalesce(sum(injuries), 0) FROM fact_station_report WHERE month = $1),
                   (SELECT coalesce(sum(deaths), 0) FROM fact_station_report WHERE month = $1),
                   (SELECT count(*) FROM risk_assessments WHERE month = $1 AND coalesce(override_level, level) > 0)
            """,
            r => new HeadlineCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
            month).Single();
    }

    private static Dictionary<WarningLevel, int> LevelCounts(DuckDbConnection connection, string sql, DateOnly month)
    {
        var counts = WarningLevels.Descending.ToDictionary(l => l, _ => 0);
        foreach (var (level, count) in connection.Query(sql, r => ((WarningLevel)r.GetInt32(0), r.GetInt32(1)), month))
        {
            if (counts.ContainsKey(level))
            {
                counts[level] += count;
            }
        }

        return counts;
    }

    private static List<LevelChange> Changes(DuckDbConnection connection, DateOnly month) => connection.Query(
        """
        WITH cur AS (SELECT subject_kind, category_code, region_code, producer, coalesce(override_level, level) AS level
                     FROM risk_assessments WHERE month = $1),
             prev AS (SELECT subject_kind, category_code, region_code, producer, coalesce(override_level, level) AS level
                      FROM risk_assessments WHERE month = $2),
             moved AS (SELECT category_code, region_code, coalesce(prev.level, 0) AS was, coalesce(cur.level, 0) AS now
                       FROM cur FULL JOIN prev USING (subject_kind, category_code, region_code, producer)
                       WHERE coalesce(prev.level, 0) <> coalesce(cur.level, 0))
        SELECT coalesce(c.name, m.category_code), coalesce(r.name, '全省'), m.was, m.now
        FROM moved m LEFT JOIN dim_category c ON c.code = m.category_code
        LEFT JOIN dim_region r ON r.code = m.region_code AND m.region_code <> ''
        ORDER BY greatest(m.was, m.now) DESC, m.now DESC, m.category_code, m.region_code
        """,
        r => new LevelChange(r.GetString(0), r.GetString(1), (WarningLevel)r.GetInt32(2), (WarningLevel)r.GetInt32(3)),
        month, month.AddMonths(-1));

    private static List<TopRisk> TopRisks(DuckDbConnection connection, DateOnly month) => connection.Query(
        """
        SELECT coalesce(a.override_level, a.level) AS lvl, coalesce(c.name, a.category_code), coalesce(r.name, '全省'),
               a.score, a.factors, a.explanation
        FROM risk_assessments a LEFT JOIN dim_category c ON c.code = a.category_code
        LEFT JOIN dim_region r ON r.code = a.region_code AND a.region_code <> ''
        WHERE a.month = $1 AND coalesce(a.override_level, a.level) > 0
        ORDER BY lvl DESC, a.score DESC, a.category_code, a.region_code
        LIMIT $2
        """,
        r => new TopRisk((WarningLevel)r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetDouble(3),
            PlainReason.From(r.GetStringOrNull(4), r.GetString(5))),
        month, TopRiskCount);

    private static List<TrendPoint> Trend(DuckDbConnection connection, DateOnly month) => connection.Query(
        """
        WITH months AS (SELECT CAST(unnest(generate_series($1::DATE, $2::DATE, INTERVAL 1 MONTH)) AS DATE) AS month)
        SELECT m.month,
               (SELECT count(*) FROM fact_complaint f WHERE f.month = m.month),
               (SELECT count(*) FROM fact_complaint f WHERE f.month = m.month AND len(f.hazards) > 0),
               (SELECT coalesce(sum(s.cases), 0) FROM fact_station_report s WHERE s.month = m.month),
               (SELECT count(*) FROM fact_spot_check k WHERE k.month = m.month AND NOT k.passed)
        FROM months m ORDER BY m.month
        """,
        r => new TrendPoint(r.GetDate(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)),
        month.AddMonths(1 - TrendMonths), month);

    /// <summary>Signals (hazard complaints, station cases, safety failures) per division and category; the categories with most signals.</summary>
    private static HeatMap Heat(DuckDbConnection connection, DateOnly month, ReferenceData reference)
    {
        var divisions = reference.Divisions.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var rows = connection.Query(
            """
            SELECT category_code, region_code, hazard_complaints + station_cases + safety_failures AS signals
            FROM agg_subject_month WHERE month = $1 AND region_code <> ''
            """,
            r => (Category: r.GetString(0), Region: r.GetString(1), Signals: r.GetInt64(2)), month);
        var categories = rows.GroupBy(r => r.Category)
            .Select(g => (Code: g.Key, Total: g.Sum(r => r.Signals)))
            .Where(c => c.Total > 0)
            .OrderByDescending(c => c.Total).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(HeatCategories)
            .Select(c => c.Code)
            .ToList();
        var cells = new List<HeatCell>();
        for (var ri = 0; ri < divisions.Count; ri++)
        {
            for (var ci = 0; ci < categories.Count; ci++)
            {
                var signals = rows.Where(r => r.Region == divisions[ri].Code && r.Category == categories[ci]).Sum(r => r.Signals);
                cells.Add(new HeatCell(ri, ci, signals));
            }
        }

        return new HeatMap(
            divisions.Select(d => d.ShortName).ToList(),
            categories.Select(c => reference.FindCategory(c)?.Name ?? c).ToList(),
            cells);
    }

    private static FollowUpStatus FollowUp(DuckDbConnection connection, DateOnly month, DateOnly asOf)
    {
        var counts = connection.Query(
            """
            SELECT (SELECT count(*) FROM followup_cases WHERE opened_on <= $2 AND (closed_on IS NULL OR closed_on > $2)),
                   (SELECT count(DISTINCT s.case_id) FROM followup_steps s JOIN followup_cases c USING (case_id)
                    WHERE c.opened_on <= $2 AND (c.closed_on IS NULL OR c.closed_on > $2)
                      AND s.due_on < $2 AND (s.done_on IS NULL OR s.done_on > $2)),
                   (SELECT count(DISTINCT s.case_id) FROM followup_steps s JOIN followup_cases c USING (case_id)
                    WHERE c.opened_on <= $2 AND (c.closed_on IS NULL OR c.closed_on > $2)
                      AND s.due_on >= $2 AND s.due_on <= $2 + INTERVAL 7 DAY AND (s.done_on IS NULL OR s.done_on > $2)),
                   (SELECT count(*) FROM followup_cases WHERE closed_on >= $1 AND closed_on <= $2)
            """,
            r => (Open: r.GetInt64(0), Overdue: r.GetInt64(1), Soon: r.GetInt64(2), Closed: r.GetInt64(3)), month, asOf).Single();
        var overdue = connection.Query(
            """
            SELECT s.case_id, coalesce(cat.name, c.category_code, ''), coalesce(r.name, ''), coalesce(c.producer, ''),
                   s.step, s.due_on, datediff('day', s.due_on, $1::DATE)
            FROM followup_steps s JOIN followup_cases c USING (case_id)
            LEFT JOIN dim_category cat ON cat.code = c.category_code LEFT JOIN dim_region r ON r.code = c.region_code
            WHERE c.opened_on <= $1 AND (c.closed_on IS NULL OR c.closed_on > $1)
              AND s.due_on < $1 AND (s.done_on IS NULL OR s.done_on > $1)
            ORDER BY s.due_on, s.case_id, s.step
            LIMIT $2
            """,
            r => new OverdueStep(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDate(5), r.GetInt32(6)),
            asOf, OverdueRows);
        return new FollowUpStatus(counts.Open, counts.Overdue, counts.Soon, counts.Closed, overdue);
    }
}
