namespace RiskMonitor.Analytics.Aggregation;

/// <summary>The SQL behind <see cref="SubjectMonthAggregator"/>: one month of the three sources, parameter $1 the month, $2 the time.</summary>
internal static class SubjectMonthSql
{
    /// <summary>
    /// The month's failed samples and whether any failed item is safety-related (else labelling only): the one place that
    /// classifies a failed sample, shared by the subject and the producer aggregates.
    /// </summary>
    private const string FailedSampleItems = """

        items AS (
            SELECT sample_id, bool_or(safety_related) AS safety
            FROM fact_spot_check_failed_item
            WHERE sample_id IN (SELECT sample_id FROM fact_spot_check WHERE month = $1 AND NOT passed)
            GROUP BY sample_id),

        """;

    /// <summary>
    /// Rows per product category × region and per product category province-wide (region <c>''</c>). Regional sums are
    /// added up for the province; distinct producers and the worst hazard severity are counted at both grains with
    /// grouping sets, because they do not add up.
    /// </summary>
    public const string Insert = """
        INSERT INTO agg_subject_month (
            month, category_code, region_code, complaints, hazard_complaints, injury_complaints, station_cases, injuries, deaths,
            major_reports, samples, failures, safety_failures, regions_affected, computed_at, death_complaints, station_hazard_cases,
            labelling_failures, repeat_failure_producers, online_complaints, hazard_producers, top_producer_share,
            max_hazard_severity, population_10k)
        WITH complaints AS (
            SELECT category_code, region_code, producer, hazards, injury, death, coalesce(online, false) AS online
            FROM fact_complaint WHERE month = $1),
        """ + FailedSampleItems + """
        samples AS (
            SELECT s.category_code, s.region_code, s.producer, s.passed,
                   NOT s.passed AND coalesce(i.safety, false) AS safety_failed,
                   NOT s.passed AND i.safety IS NOT NULL AND NOT i.safety AS labelling_failed
            FROM fact_spot_check s LEFT JOIN items i USING (sample_id)
            WHERE s.month = $1),
        failing AS (
            SELECT DISTINCT producer, category_code FROM samples WHERE NOT passed AND producer IS NOT NULL),
        streak AS (
            -- Failed spot checks in a row, per producer and category, counting back from this month (000 Art. 27).
            SELECT producer, category_code, count(*) FILTER (WHERE passes_since = 0) AS consecutive
            FROM (
                SELECT s.producer, s.category_code,
                       sum(CASE WHEN s.passed THEN 1 ELSE 0 END) OVER (
                           PARTITION BY s.producer, s.category_code ORDER BY s.sampled_at DESC, s.sample_id DESC
                           ROWS UNBOUNDED PRECEDING) AS passes_since
                FROM fact_spot_check s JOIN failing f USING (producer, category_code)
                WHERE s.month <= $1 AND s.month > $1 - INTERVAL 24 MONTH)
            GROUP BY producer, category_code),
        signals AS (
            SELECT category_code, region_code, 1 AS complaints,
                   (len(hazards) > 0)::INT AS hazard_complaints, (injury OR death)::INT AS injury_complaints,
                   death::INT AS death_complaints, online::INT AS online_complaints,
                   0 AS station_cases, 0 AS station_hazard_cases, 0 AS injuries, 0 AS deaths, 0 AS major_reports,
                   0 AS samples, 0 AS failures, 0 AS safety_failures, 0 AS labelling_failures
            FROM complaints
            UNION ALL
            SELECT category_code, region_code, 0, 0, 0, 0, 0, cases, CASE WHEN hazard_code <> '' THEN cases ELSE 0 END,
                   injuries, deaths, major::INT, 0, 0, 0, 0
            FROM fact_station_report WHERE month = $1
            UNION ALL
            SELECT category_code, region_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (NOT passed)::INT, safety_failed::INT, labelling_failed::INT
            FROM samples),
        by_region AS (
            SELECT category_code, region_code,
                   sum(complaints) AS complaints, sum(hazard_complaints) AS hazard_complaints, sum(injury_complaints) AS injury_complaints,
                   sum(death_complaints) AS death_complaints, sum(online_complaints) AS online_complaints,
                   sum(station_cases) AS station_cases, sum(station_hazard_cases) AS station_hazard_cases, sum(injuries) AS injuries,
                   sum(deaths) AS deaths, sum(major_reports) AS major_reports, sum(samples) AS samples, sum(failures) AS failures,
                   sum(safety_failures) AS safety_failures, sum(labelling_failures) AS labelling_failures
            FROM signals GROUP BY category_code, region_code),
        by_subject AS (
            SELECT *, (hazard_complaints + station_hazard_cases + safety_failures > 0)::INT AS regions_affected FROM by_region
            UNION ALL
            SELECT category_code, '', sum(complaints), sum(hazard_complaints), sum(injury_complaints), sum(death_complaints),
                   sum(online_complaints), sum(station_cases), sum(station_hazard_cases), sum(injuries), sum(deaths),
                   sum(major_reports), sum(samples), sum(failures), sum(safety_failures), sum(labelling_failures),
                   count(*) FILTER (WHERE hazard_complaints + station_hazard_cases + safety_failures > 0)
            FROM by_region GROUP BY category_code),
        severity AS (
            SELECT x.category_code, coalesce(x.region_code, '') AS region_code, max(h.severity) AS severity
            FROM (SELECT category_code, region_code, unnest(hazards) AS hazard FROM complaints WHERE len(hazards) > 0
                  UNION ALL
                  SELECT category_code, region_code, hazard_code FROM fact_station_report
                  WHERE month = $1 AND hazard_code <> '' AND cases > 0) x
            JOIN dim_hazard h ON h.code = x.hazard
            GROUP BY GROUPING SETS ((x.category_code, x.region_code), (x.category_code))),
        implicated AS (
            SELECT category_code, coalesce(region_code, '') AS region_code, producer, count(*) AS n
            FROM (SELECT category_code, region_code, producer FROM complaints WHERE len(hazards) > 0 AND producer IS NOT NULL
                  UNION ALL
                  SELECT category_code, region_code, producer FROM samples WHERE NOT passed AND producer IS NOT NULL)
            GROUP BY GROUPING SETS ((category_code, region_code, producer), (category_code, producer))),
        producers AS (
            SELECT category_code, region_code, count(*) AS producers, max(n) / sum(n) AS top_share
            FROM implicated GROUP BY category_code, region_code),
        repeaters AS (
            SELECT s.category_code, coalesce(s.region_code, '') AS region_code, count(DISTINCT s.producer) AS repeaters
            FROM samples s JOIN streak t USING (producer, category_code)
            WHERE NOT s.passed AND t.consecutive >= 2
            GROUP BY GROUPING SETS ((s.category_code, s.region_code), (s.category_code))),
        exposure AS (
            SELECT code AS region_code, population_10k FROM dim_region
            UNION ALL
            SELECT '', sum(population_10k) FROM dim_region WHERE NOT out_of_province)
        SELECT $1, s.category_code, s.region_code, s.complaints, s.hazard_complaints, s.injury_complaints, s.station_cases,
               s.injuries, s.deaths, s.major_reports, s.samples, s.failures, s.safety_failures, s.regions_affected, $2,
               s.death_complaints, s.station_hazard_cases, s.labelling_failures, coalesce(r.repeaters, 0), s.online_complaints,
               coalesce(p.producers, 0), p.top_share, coalesce(v.severity, 0), e.population_10k
        FROM by_subject s
        LEFT JOIN severity v USING (category_code, region_code)
        LEFT JOIN producers p USING (category_code, region_code)
        LEFT JOIN repeaters r USING (category_code, region_code)
        LEFT JOIN exposure e USING (region_code)
        """;

    /// <summary>One month per producer and category; $1 the month, $2 the time.</summary>
    public const string InsertProducers = """
        INSERT INTO agg_producer_month
        WITH complaints AS (
            SELECT producer, category_code, region_code, (len(hazards) > 0)::INT AS hazard, (injury OR death)::INT AS injury,
                   coalesce(online, false)::INT AS online
            FROM fact_complaint WHERE month = $1 AND producer IS NOT NULL),
        """ + FailedSampleItems + """
        samples AS (
            SELECT s.producer, s.category_code, s.region_code, s.passed,
                   NOT s.passed AND coalesce(i.safety, false) AS safety_failed,
                   NOT s.passed AND i.safety IS NOT NULL AND NOT i.safety AS labelling_failed
            FROM fact_spot_check s LEFT JOIN items i USING (sample_id)
            WHERE s.month = $1 AND s.producer IS NOT NULL),
        streak AS (
            SELECT producer, category_code, count(*) FILTER (WHERE passes_since = 0) AS consecutive
            FROM (
                SELECT s.producer, s.category_code,
                       sum(CASE WHEN s.passed THEN 1 ELSE 0 END) OVER (
                           PARTITION BY s.producer, s.category_code ORDER BY s.sampled_at DESC, s.sample_id DESC
                           ROWS UNBOUNDED PRECEDING) AS passes_since
                FROM fact_spot_check s JOIN (SELECT DISTINCT producer, category_code FROM samples) f USING (producer, category_code)
                WHERE s.month <= $1 AND s.month > $1 - INTERVAL 24 MONTH)
            GROUP BY producer, category_code),
        rows AS (
            SELECT producer, category_code, region_code, 1 AS complaints, hazard, injury, online,
                   0 AS samples, 0 AS failures, 0 AS safety_failures, 0 AS labelling_failures
            FROM complaints
            UNION ALL
            SELECT producer, category_code, region_code, 0, 0, 0, 0, 1, (NOT passed)::INT, safety_failed::INT, labelling_failed::INT
            FROM samples)
        SELECT $1, r.producer, r.category_code, sum(complaints), sum(hazard), sum(injury), sum(online), sum(samples), sum(failures),
               sum(safety_failures), sum(labelling_failures), coalesce(any_value(t.consecutive), 0), count(DISTINCT region_code), $2
        FROM rows r LEFT JOIN streak t USING (producer, category_code)
        GROUP BY r.producer, r.category_code
        """;

    /// <summary>Complaints per hazard (<c>''</c> for none) for one month, per region and province-wide; $1 the month.</summary>
    public const string InsertHazards = """
        INSERT INTO agg_hazard_month
        SELECT $1, category_code, coalesce(region_code, ''), hazard, count(*)
        FROM (SELECT category_code, region_code, unnest(CASE WHEN len(hazards) = 0 THEN [''] ELSE hazards END) AS hazard
              FROM fact_complaint WHERE month = $1)
        GROUP BY GROUPING SETS ((category_code, region_code, hazard), (category_code, hazard))
        """;
}
