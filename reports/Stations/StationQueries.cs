using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Html;

namespace RiskMonitor.Reports.Stations;

/// <summary>
/// Reads <see cref="StationMonth"/> in a handful of set-based queries for all stations at once (the cycle writes every
/// station's report each month). Only the foundation schema's columns are relied on.
/// </summary>
public static class StationQueries
{
    public const int SeriesMonths = 13;

    /// <summary>A station is expected to report from its first month on, until it has been silent for a year.</summary>
    private const int RetiredAfterMonths = 12;

    public static StationMonth Load(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        month = new DateOnly(month.Year, month.Month, 1);
        var first = month.AddMonths(1 - SeriesMonths);
        var stations = connection.Query(
            """
            SELECT s.station_id, coalesce(s.name, s.station_id), s.kind, s.region_code, coalesce(r.name, s.region_code)
            FROM dim_station s LEFT JOIN dim_region r ON r.code = s.region_code
            WHERE s.first_month <= $1 AND s.last_month >= $2
            ORDER BY s.region_code, s.kind, s.station_id
            """,
            r => (Id: r.GetString(0), Name: r.GetString(1), Kind: r.GetString(2), RegionCode: r.GetString(3), Region: r.GetString(4)),
            month, month.AddMonths(-RetiredAfterMonths));
        var rows = Rows(connection, month);
        var late = connection.Query(
            """
            SELECT DISTINCT f.station_id FROM fact_station_report f
            JOIN (SELECT batch_id, max(month) AS latest FROM fact_station_report GROUP BY batch_id) b USING (batch_id)
            WHERE f.month = $1 AND b.latest > f.month
            """,
            r => r.GetString(0), month).ToHashSet(StringComparer.Ordinal);
        var recent = connection.Query(
            """
            SELECT DISTINCT f.station_id, f.category_code, coalesce(c.name, f.category_code)
            FROM fact_station_report f LEFT JOIN dim_category c ON c.code = f.category_code
            WHERE f.month >= $1 AND f.month < $2
            """,
            r => (Station: r.GetString(0), Code: r.GetString(1), Name: r.GetString(2)), month.AddMonths(-3), month);
        var series = connection.Query(
            "SELECT station_id, month, sum(cases) FROM fact_station_report WHERE month >= $1 AND month <= $2 GROUP BY ALL",
            r => (Station: r.GetString(0), Month: r.GetDate(1), Cases: r.GetInt64(2)), month.AddMonths(-12), month)
            .ToDictionary(s => (s.Station, s.Month), s => s.Cases);
        var quarantine = Quarantine(connection, month);

        var byKind = stations.ToLookup(s => s.Kind);
        var months = Enumerable.Range(0, SeriesMonths).Select(first.AddMonths).ToList();
        var summaries = stations.Select(s =>
        {
            var mine = rows.Where(r => r.Station == s.Id).Select(r => r.Row).ToList();
            var peers = byKind[s.Kind].ToList();
            var peerAverage = months.Select(m => PeerAverage(peers.Select(p => p.Id), m, series)).ToList();
            var ranked = peers.Select(p => (p.Id, Cases: series.GetValueOrDefault((p.Id, month)))).OrderByDescending(p => p.Cases).ToList();
            var reportedCategories = mine.Select(r => r.CategoryCode).ToHashSet(StringComparer.Ordinal);
            return new StationSummary(
                s.Id, s.Name, s.Kind, s.RegionCode, s.Region, mine,
                late.Contains(s.Id),
                recent.Where(c => c.Station == s.Id && !reportedCategories.Contains(c.Code)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList(),
                quarantine.Where(q => Mentions(q.Raw, s.Id, s.Name)).Select(q => q.Row).ToList(),
                months.Select(m => series.GetValueOrDefault((s.Id, m))).ToList(),
                peerAverage,
                series.TryGetValue((s.Id, month.AddMonths(-12)), out var lastYear) ? lastYear : null,
                peers.Count,
                1 + ranked.FindIndex(p => p.Id == s.Id));
        }).ToList();
        var unattributed = quarantine.Where(q => !stations.Any(s => Mentions(q.Raw, s.Id, s.Name))).Select(q => q.Row).ToList();
        return new StationMonth(month, summaries, Warnings(connection, month), unattributed);
    }

    private static List<(string Station, StationRow Row)> Rows(DuckDbConnection connection, DateOnly month) => connection.Query(
        """
        SELECT f.station_id, f.category_code, coalesce(c.name, f.category_code), coalesce(h.name, f.hazard_code),
               f.cases, f.injuries, f.deaths, f.major, coalesce(f.description, '')
        FROM fact_station_report f LEFT JOIN dim_category c ON c.code = f.category_code LEFT JOIN dim_hazard h ON h.code = f.hazard_code
        WHERE f.month = $1
        ORDER BY f.station_id, f.cases DESC, f.category_code, f.hazard_code
        """,
        r => (r.GetString(0), new StationRow(r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetBoolean(7), r.GetString(8))),
        month);

    /// <summary>Rows quarantined from the station-report files that delivered this month's reports, raw text kept only for matching.</summary>
    private static List<(string Raw, QuarantinedRow Row)> Quarantine(DuckDbConnection connection, DateOnly month) => connection.Query(
        """
        SELECT coalesce(q.raw_text, ''), b.file_name, q.line, q.reason
        FROM quarantine q JOIN ingest_batches b USING (batch_id)
        WHERE b.source = 'station-reports' AND q.batch_id IN (SELECT DISTINCT batch_id FROM fact_station_report WHERE month = $1)
        ORDER BY b.batch_id, q.line
        """,
        r => (r.GetString(0), new QuarantinedRow(r.GetString(1), r.GetInt64(2), r.GetString(3))), month);

    private static List<ActiveWarning> Warnings(DuckDbConnection connection, DateOnly month) => connection.Query(
        $"""
        SELECT w.warning_id, w.category_code, coalesce(c.name, w.category_code), w.region_code, coalesce(r.name, '全省'),
               w.level, w.status, w.first_month
        FROM warnings w LEFT JOIN dim_category c ON c.code = w.category_code
        LEFT JOIN dim_region r ON r.code = w.region_code AND w.region_code <> ''
        WHERE w.first_month <= $1 AND w.{WarningStatusText.OpenCondition}
        ORDER BY w.level DESC, w.first_month DESC, w.warning_id
        """,
        r => new ActiveWarning(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), (WarningLevel)r.GetInt32(5), r.GetString(6), r.GetDate(7)),
        month);

    private static double PeerAverage(IEnumerable<string> peers, DateOnly month, Dictionary<(string, DateOnly), long> series)
    {
        var reported = peers.Where(p => series.ContainsKey((p, month))).Select(p => series[(p, month)]).ToList();
        return reported.Count == 0 ? 0 : Math.Round(reported.Average(), 2);
    }

    /// <summary>Whether a raw quarantined line names the station: its id as a whole field, or its name.</summary>
    private static bool Mentions(string raw, string id, string name) =>
        (name.Length > 0 && raw.Contains(name, StringComparison.Ordinal))
        || raw.Split([',', '\t', ';', '|'], StringSplitOptions.TrimEntries).Any(field => field.Trim('"') == id);
}
