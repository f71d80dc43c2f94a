using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Briefing;

namespace RiskMonitor.App.Dashboard;

/// <summary>What the dashboard reads from the warehouse. Only the foundation schema's columns; no personal data.</summary>
public static partial class DashboardQueries
{
    /// <summary>Where each division sits on the overview's map-like grid (row, column), roughly as on a map of Hubei.</summary>
    private static readonly Dictionary<string, (int Row, int Column)> GridPositions = new(StringComparer.Ordinal)
    {
        ["420300"] = (0, 1), ["420600"] = (0, 3), ["421300"] = (0, 4),
        ["429021"] = (1, 1), ["420800"] = (1, 3), ["420900"] = (1, 4), ["421100"] = (1, 6),
        ["422800"] = (2, 0), ["420500"] = (2, 1), ["429006"] = (2, 3), ["420100"] = (2, 5), ["420700"] = (2, 6),
        ["421000"] = (3, 2), ["429005"] = (3, 3), ["429004"] = (3, 4), ["420200"] = (3, 6),
        ["421200"] = (4, 5),
    };

    public static List<DateOnly> Months(DuckDbConnection connection) =>
        connection.Query("SELECT DISTINCT month FROM agg_subject_month ORDER BY month DESC", r => r.GetDate(0));

    public static object Meta(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new
        {
            levels = WarningLevels.Descending.Select(l => new { value = (int)l, roman = l.Roman(), label = l.ChineseLabel(), colour = l.ColourHex() }),
            regions = reference.Regions.Select(r => new { code = r.Code, name = r.Name }),
            categories = reference.Categories.Select(c => new { code = c.Code, name = c.Name }),
        };
    }

    public static object Overview(DuckDbConnection connection, DateOnly month, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var first = month.AddMonths(-11);
        var counts = connection.Query(
            """
            SELECT month, coalesce(override_level, level) AS lvl, count(*) FROM risk_assessments
            WHERE month >= $1 AND month <= $2 AND coalesce(override_level, level) > 0 GROUP BY ALL
            """,
            r => (Month: r.GetDate(0), Level: (WarningLevel)r.GetInt32(1), Count: r.GetInt64(2)), first, month);
        var months = Enumerable.Range(0, 12).Select(first.AddMonths).ToList();
        var divisions = connection.Query(
            """
            WITH a AS (SELECT region_code, max(coalesce(override_level, level)) AS lvl,
                              count(*) FILTER (WHERE coalesce(override_level, level) > 0) AS warned
                       FROM risk_assessments WHERE month = $1 GROUP BY region_code),
                 g AS (SELECT region_code, sum(hazard_complaints + station_cases + safety_failures) AS signals
                       FROM agg_subject_month WHERE month = $1 GROUP BY region_code)
            SELECT r.code, coalesce(a.lvl, 0), coalesce(a.warned, 0), coalesce(g.signals, 0)
            FROM dim_region r LEFT JOIN a ON a.region_code = r.code LEFT JOIN g ON g.region_code = r.code
            WHERE NOT r.out_of_province ORDER BY r.code
            """,
            r => (Code: r.GetString(0), Level: r.GetInt32(1), Warned: r.GetInt64(2), Signals: r.GetInt64(3)), month);
        var headline = BriefingQueries.Headline(connection, month);
        return new
        {
            month = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            headline,
            levelsByMonth = new
            {
                months = months.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
                series = WarningLevels.Descending.Select(l => new
                {
                    level = (int)l,
                    label = $"{l.Roman()}级{l.ColourName()}",
                    colour = l.ColourHex(),
                    counts = months.Select(m => counts.Where(c => c.Month == m && c.Level == l).Sum(c => c.Count)),
                }),
            },
            divisions = divisions.Select(d =>
            {
                var region = reference.FindRegion(d.Code);
                var (row, column) = GridPositions.GetValueOrDefault(d.Code, (5, 0));
                return new { code = d.Code, name = region?.ShortName ?? d.Code, level = d.Level, warned = d.Warned, signals = d.Signals, row, column };
            }),
        };
    }
}
