using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>
/// What the warehouse knows about a risk subject (a category, province-wide or in one region) in one month: the counts
/// behind the warning and the parties a notice's scope must name (Art. 21: regions, producers, online platforms).
/// </summary>
public sealed record SubjectFacts(
    string CategoryCode,
    string CategoryName,
    string RegionCode,
    string? RegionName,
    DateOnly Month,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Producers,
    IReadOnlyList<string> OutOfProvinceProducers,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<string> Hazards,
    SubjectCounts Counts)
{
    /// <summary>"全省" or the region's name.</summary>
    public string Area => RegionName ?? "全省";

    /// <summary>Producers or platforms are named: they can be told in writing to act (Art. 23 (1)).</summary>
    public bool NamesParties => Producers.Count > 0 || Platforms.Count > 0;

    /// <summary>Queries the facts; <paramref name="top"/> bounds each list of names.</summary>
    public static SubjectFacts Query(DuckDbConnection connection, ReferenceData reference, string categoryCode, string regionCode, DateOnly month, int top)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reference);
        var producers = connection.Query(
            """
            SELECT producer, bool_or(out_of_province) FROM (
                SELECT s.producer, 1 AS failed, 0 AS complaints, coalesce(r.out_of_province, false) AS out_of_province
                FROM fact_spot_check s LEFT JOIN dim_region r ON r.code = s.producer_region_code
                WHERE s.month = $1 AND s.category_code = $2 AND ($3 = '' OR s.region_code = $3) AND NOT s.passed
                UNION ALL
                SELECT c.producer, 0, 1, false FROM fact_complaint c
                WHERE c.month = $1 AND c.category_code = $2 AND ($3 = '' OR c.region_code = $3)
                  AND (c.injury OR c.death OR coalesce(len(c.hazards), 0) > 0)
            ) WHERE coalesce(trim(producer), '') <> ''
            GROUP BY producer ORDER BY sum(failed) DESC, sum(complaints) DESC, producer LIMIT $4
            """,
            r => (Name: r.GetString(0), OutOfProvince: r.GetBoolean(1)), month, categoryCode, regionCode, top);
        var platforms = connection.Query(
            """
            SELECT platform FROM fact_spot_check
            WHERE month = $1 AND category_code = $2 AND ($3 = '' OR region_code = $3) AND online AND NOT passed
              AND coalesce(trim(platform), '') <> ''
            GROUP BY platform ORDER BY count(*) DESC, platform LIMIT $4
            """,
            r => r.GetString(0), month, categoryCode, regionCode, top);
        var hazards = connection.Query(
            """
            SELECT hazard FROM (
                SELECT unnest(hazards) AS hazard FROM fact_complaint WHERE month = $1 AND category_code = $2 AND ($3 = '' OR region_code = $3)
                UNION ALL
                SELECT hazard_code FROM fact_station_report WHERE month = $1 AND category_code = $2 AND ($3 = '' OR region_code = $3)
            ) WHERE coalesce(hazard, '') <> '' GROUP BY hazard ORDER BY count(*) DESC, hazard LIMIT 3
            """,
            r => r.GetString(0), month, categoryCode, regionCode);
        var regions = regionCode.Length > 0 ? [] : connection.Query(
            """
            SELECT region_code FROM agg_subject_month
            WHERE month = $1 AND category_code = $2 AND region_code <> '' AND hazard_complaints + station_cases + failures > 0
            ORDER BY hazard_complaints + station_cases + safety_failures DESC, region_code LIMIT $3
            """,
            r => r.GetString(0), month, categoryCode, top);
        var counts = connection.Query(
            """
            SELECT complaints, hazard_complaints, injury_complaints, station_cases, injuries, deaths, samples, failures, safety_failures
            FROM agg_subject_month WHERE month = $1 AND category_code = $2 AND region_code = $3
            """,
            r => new SubjectCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)),
            month, categoryCode, regionCode).FirstOrDefault() ?? SubjectCounts.None;

        return new SubjectFacts(
            categoryCode,
            reference.Categories.FirstOrDefault(c => c.Code == categoryCode)?.Name ?? categoryCode,
            regionCode,
            regionCode.Length == 0 ? null : NameOfRegion(reference, regionCode),
            month,
            regions.Select(code => NameOfRegion(reference, code)).ToList(),
            producers.Select(p => p.Name).ToList(),
            producers.Where(p => p.OutOfProvince).Select(p => p.Name).ToList(),
            platforms,
            hazards.Select(h => reference.FindHazard(h)?.Name ?? h).ToList(),
            counts);
    }

    private static string NameOfRegion(ReferenceData reference, string code) =>
        reference.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;
}

/// <summary>A subject's counts for the month (a row of <c>agg_subject_month</c>).</summary>
public sealed record SubjectCounts(
    int Complaints, int HazardComplaints, int InjuryComplaints, int StationCases, int Injuries, int Deaths, int Samples, int Failures, int SafetyFailures)
{
    public static SubjectCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Someone was hurt or killed: consumers are exposed.</summary>
    public bool Harmed => Injuries > 0 || Deaths > 0 || InjuryComplaints > 0;
}
