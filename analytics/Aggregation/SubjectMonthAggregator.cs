using RiskMonitor.Core.Data;

namespace RiskMonitor.Analytics.Aggregation;

/// <summary>
/// Aggregates a month of the three sources per risk subject — product category × region, and product category
/// province-wide (region <c>''</c>) — into <c>agg_subject_month</c>, and per producer and category into
/// <c>agg_producer_month</c>, and per hazard into <c>agg_hazard_month</c>. Incremental: a month is recomputed on its own, so analysing a new month never rescans
/// history (only the spot-check streaks of the producers failing this month look back, at most 24 months).
/// </summary>
public static class SubjectMonthAggregator
{
    /// <summary>Recomputes one month; returns the number of subject rows written.</summary>
    public static long Aggregate(DuckDbConnection connection, DateOnly month, DateTime computedAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM agg_subject_month WHERE month = $1", month);
        connection.Execute("DELETE FROM agg_producer_month WHERE month = $1", month);
        var rows = connection.Execute(SubjectMonthSql.Insert, month, computedAt);
        connection.Execute("DELETE FROM agg_hazard_month WHERE month = $1", month);
        connection.Execute(SubjectMonthSql.InsertProducers, month, computedAt);
        connection.Execute(SubjectMonthSql.InsertHazards, month);
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
}
