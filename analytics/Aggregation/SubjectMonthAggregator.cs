using RiskMonitor.Core.Data;

namespace RiskMonitor.Analytics.Aggregation;

/// <summary>
/// Aggregates a month of the three sources per risk subject — product category × region, and product category
/// province-wide (region <c>''</c>) — into <c>agg_subject_month</c>. Incremental: a month is recomputed on its own, so
/// analysing a new month never rescans history.
/// </summary>
public static class SubjectMonthAggregator
{
    /// <summary>Recomputes one month; returns the number of subject rows written.</summary>
    public static long Aggregate(DuckDbConnection connection, DateOnly month, DateTime computedAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM agg_subject_month WHERE month = $1", month);
        var rows = connection.Execute(AggregateSql, month, computedAt);
        transaction.Commit();
        return rows;
    }

    /// <summary>Months that have input data but no aggregate yet (or older aggregates than their newest batch).</summary>
    public static IReadOnlyList<DateOnly> StaleMonths(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query("""
            WITH input AS (
                SELECT month, max(b.finished_at) AS loaded_at FROM (
                    SELECT month, batch_id FROM fact_complaint
                    UNION ALL SELECT month, batch_id FROM fact_spot_check
                    UNION ALL SELECT month, batch_id FROM fact_station_report) f
                JOIN ingest_batches b USING (batch_id)
                GROUP BY month)
            SELECT i.month FROM input i
            LEFT JOIN (SELECT month, min(computed_at) AS computed_at FROM agg_subject_month GROUP BY month) a USING (month)
            WHERE a.computed_at IS NULL OR a.computed_at < i.loaded_at
            ORDER BY i.month
            """, r => r.GetDate(0));
    }

    private const string AggregateSql = """
        INSERT INTO agg_subject_month
        WITH signals AS (
            SELECT category_code, region_code,
                   1 AS complaints,
                   CASE WHEN len(hazards) > 0 THEN 1 ELSE 0 END AS hazard_complaints,
                   CASE WHEN injury OR death THEN 1 ELSE 0 END AS injury_complaints,
                   0 AS station_cases, 0 AS injuries, 0 AS deaths, 0 AS major_reports,
                   0 AS samples, 0 AS failures, 0 AS safety_failures
            FROM fact_complaint WHERE month = $1
            UNION ALL
            SELECT category_code, region_code, 0, 0, 0, cases, injuries, deaths, CASE WHEN major THEN 1 ELSE 0 END, 0, 0, 0
            FROM fact_station_report WHERE month = $1
            UNION ALL
            SELECT s.category_code, s.region_code, 0, 0, 0, 0, 0, 0, 0, 1,
                   CASE WHEN NOT s.passed THEN 1 ELSE 0 END,
                   CASE WHEN NOT s.passed AND coalesce(i.safety_items, 0) > 0 THEN 1 ELSE 0 END
            FROM fact_spot_check s
            LEFT JOIN (SELECT sample_id, count(*) FILTER (WHERE safety_related) AS safety_items
                       FROM fact_spot_check_failed_item GROUP BY sample_id) i USING (sample_id)
            WHERE s.month = $1),
        by_region AS (
            SELECT category_code, region_code,
                   sum(complaints) AS complaints, sum(hazard_complaints) AS hazard_complaints, sum(injury_complaints) AS injury_complaints,
                   sum(station_cases) AS station_cases, sum(injuries) AS injuries, sum(deaths) AS deaths, sum(major_reports) AS major_reports,
                   sum(samples) AS samples, sum(failures) AS failures, sum(safety_failures) AS safety_failures
            FROM signals GROUP BY category_code, region_code)
        SELECT $1, category_code, region_code, complaints, hazard_complaints, injury_complaints, station_cases, injuries, deaths,
               major_reports, samples, failures, safety_failures,
               CASE WHEN hazard_complaints + station_cases + safety_failures > 0 THEN 1 ELSE 0 END, $2
        FROM by_region
        UNION ALL
        SELECT $1, category_code, '', sum(complaints), sum(hazard_complaints), sum(injury_complaints), sum(station_cases), sum(injuries),
               sum(deaths), sum(major_reports), sum(samples), sum(failures), sum(safety_failures),
               count(*) FILTER (WHERE hazard_complaints + station_cases + safety_failures > 0), $2
        FROM by_region GROUP BY category_code
        """;
}
