using System.Text;
using RiskMonitor.Core.Data;
using RiskMonitor.Reports.Charts;

namespace RiskMonitor.Reports.Stations;

/// <summary>Where a month's station reports went.</summary>
public sealed record StationReportFiles(string ProvinceSummary, IReadOnlyList<string> Stations);

/// <summary>
/// Writes the month's station reports: <c>out/reports/YYYY-MM/stations/&lt;station_id&gt;.html</c> for every station expected
/// to report and <c>province-summary.html</c> beside the month's other reports. The pages share one copy of ECharts
/// (<c>out/reports/assets/</c>) instead of inlining it thirty times a month.
/// </summary>
public static class StationReports
{
    public static StationReportFiles Write(DuckDbConnection connection, DateOnly month, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var data = StationQueries.Load(connection, month);
        var reports = Path.Combine(outputDirectory, "reports");
        EChartsFile.Ensure(reports);
        var directory = Path.Combine(reports, $"{data.Month:yyyy-MM}");
        var stations = Path.Combine(directory, "stations");
        Directory.CreateDirectory(stations);
        var written = new List<string>();
        foreach (var station in data.Stations)
        {
            var path = Path.Combine(stations, FileName(station.StationId));
            WriteAtomically(path, StationPage.Render(data, station, "../../assets/echarts.min.js"));
            written.Add(path);
        }

        var summary = Path.Combine(directory, "province-summary.html");
        WriteAtomically(summary, ProvinceSummaryPage.Render(data, s => "stations/" + FileName(s.StationId)));
        return new StationReportFiles(summary, written);
    }

    /// <summary>The station id as a file name: kept when it is plain ASCII letters, digits, '-' and '_', else hex-encoded.</summary>
    public static string FileName(string stationId)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        var plain = stationId.Length is > 0 and <= 64 && stationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return (plain ? stationId : "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(stationId))) + ".html";
    }

    private static void WriteAtomically(string path, string content)
    {
        File.WriteAllText(path + ".partial", content);
        File.Move(path + ".partial", path, overwrite: true);
    }
}
