using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Pdf;

namespace RiskMonitor.Reports.Briefing;

/// <summary>Where the briefing's two files went.</summary>
public sealed record BriefingFiles(string Html, string Pdf);

/// <summary>
/// The leadership briefing (领导专报) of a month: <c>out/reports/YYYY-MM/briefing.html</c>, self-contained (charts inline),
/// and <c>briefing.pdf</c> printed from it by headless Chromium.
/// </summary>
public static class BriefingReport
{
    public static BriefingFiles Write(
        DuckDbConnection connection, DateOnly month, string outputDirectory, ChromiumPdf? printer = null, TimeProvider? time = null, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var data = BriefingQueries.Load(connection, month, reference);
        var now = (time ?? TimeProvider.System).GetLocalNow();
        var directory = Path.Combine(outputDirectory, "reports", $"{data.Month:yyyy-MM}");
        Directory.CreateDirectory(directory);
        var html = Path.Combine(directory, "briefing.html");
        File.WriteAllText(html + ".partial", BriefingPage.Render(data, now));
        File.Move(html + ".partial", html, overwrite: true);
        var pdf = Path.Combine(directory, "briefing.pdf");
        (printer ?? new ChromiumPdf()).Print(html, pdf);
        return new BriefingFiles(html, pdf);
    }
}
