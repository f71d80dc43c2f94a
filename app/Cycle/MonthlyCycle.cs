using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Monthly;
using RiskMonitor.Reports.Stations;
using RiskMonitor.Warnings.Notices;
using RiskMonitor.Warnings.Proposals;

namespace RiskMonitor.App.Cycle;

/// <summary>What one run of the monthly cycle produced.</summary>
public sealed record CycleResult(
    DateOnly Month, IReadOnlyList<RiskAssessment> Assessments, IReadOnlyList<DraftNotice> Notices, IReadOnlyList<string> NoticeFiles, string ReportPath)
{
    public int Warned => Assessments.Count(a => a.Level > WarningLevel.None);
}

/// <summary>
/// The monthly cycle: analyse a month, propose warnings with draft notices, write the notice files and the monthly report.
/// The same code runs from <c>analyze</c>/<c>demo</c> on the command line and from the scheduled job under <c>serve</c>.
/// </summary>
public sealed class MonthlyCycle(RiskWarehouse warehouse, string outputDirectory, TimeProvider? time = null)
{
    public const string SystemActor = "system";

    public CycleResult Run(DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.Connect();
        var assessments = new AssessmentRunner(warehouse.Reference, time).Analyze(connection, month);
        var notices = new WarningProposer(warehouse.Reference, time).Propose(connection, month, SystemActor);
        var files = notices.Select(n => NoticeFiles.Write(outputDirectory, month, n.NoticeId, n.Content.Kind, n.Title, n.Markdown)).ToList();
        var report = MonthlyReport.Write(connection, month, outputDirectory);
        StationReports.Write(connection, month, outputDirectory);
        return new CycleResult(month, assessments, notices, files, report);
    }

    /// <summary>Assesses only (no notices, no report): used to build up history month by month.</summary>
    public IReadOnlyList<RiskAssessment> Assess(DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.Connect();
        return new AssessmentRunner(warehouse.Reference, time).Analyze(connection, month);
    }
}
