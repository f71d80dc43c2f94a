using Microsoft.Extensions.Configuration;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Analytics.Model;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Monthly;
using RiskMonitor.Reports.Stations;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Proposals;

namespace RiskMonitor.App.Cycle;

/// <summary>What one run of the monthly cycle produced.</summary>
/// <param name="Notices">Notices drafted this month: new warnings, and upgrades, downgrades or liftings of open ones.</param>
/// <param name="NoticeFiles">The Markdown files of those notices (each has a .docx beside it).</param>
public sealed record CycleResult(
    DateOnly Month, IReadOnlyList<RiskAssessment> Assessments, IReadOnlyList<DraftNotice> Notices, IReadOnlyList<string> NoticeFiles, string ReportPath)
{
    public int Warned => Assessments.Count(a => a.Level > WarningLevel.None);
}

/// <summary>
/// The monthly cycle: analyse a month, re-evaluate open warnings and propose new ones with draft notices, write the notice
/// files and the monthly report. The same code runs from <c>analyze</c>/<c>demo</c> on the command line and from the
/// scheduled job under <c>serve</c>. The rule matrix comes from configuration (section <c>RiskRules</c>) unless given; the
/// active model, if any, from the warehouse's <c>models</c> table.
/// </summary>
/// <param name="lifecycle">Re-evaluation options; by default the <c>WarningLifecycle</c> section of the configuration.</param>
public sealed class MonthlyCycle(
    RiskWarehouse warehouse, string outputDirectory, TimeProvider? time = null, LifecycleOptions? lifecycle = null, RiskRuleOptions? rules = null)
{
    public const string SystemActor = Actor.SystemName;

    private readonly RiskRuleOptions _rules = rules ?? RiskRulesConfiguration.Load();

    public CycleResult Run(DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.Connect();
        using var model = ModelRegistry.LoadActive(connection);
        var assessments = new AssessmentRunner(warehouse.Reference, _rules, model, time).Analyze(connection, month);
        var notices = new WarningProposer(warehouse.Reference, time, lifecycle ?? WarningsConfiguration.Lifecycle()).Propose(connection, month, SystemActor);
        // Every notice of a touched warning is rewritten, so that drafts a newer round superseded say so on disk too.
        var files = NoticeOutputs.Write(connection, outputDirectory, notices.Select(n => n.WarningId));
        var report = MonthlyReport.Write(connection, month, outputDirectory);
        StationReports.Write(connection, month, outputDirectory);
        return new CycleResult(month, assessments, notices, notices.Select(n => files[n.NoticeId].Markdown).ToList(), report);
    }

    /// <summary>Assesses only (no notices, no report): used to build up history month by month.</summary>
    public IReadOnlyList<RiskAssessment> Assess(DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.Connect();
        using var model = ModelRegistry.LoadActive(connection);
        return new AssessmentRunner(warehouse.Reference, _rules, model, time).Analyze(connection, month);
    }
}

/// <summary>Binds <see cref="RiskRuleOptions"/> from the <c>RiskRules</c> section of the usual configuration sources.</summary>
public static class RiskRulesConfiguration
{
    /// <summary>The configured options, checked; every problem is reported at once.</summary>
    /// <exception cref="RiskMonitorException">The section has unusable values.</exception>
    public static RiskRuleOptions Load(IConfiguration? configuration = null)
    {
        configuration ??= RiskMonitorSettings.AddRiskMonitorSources(new ConfigurationBuilder()).Build();
        var options = configuration.GetSection(RiskRuleOptions.SectionName).Get<RiskRuleOptions>() ?? new RiskRuleOptions();
        var errors = options.Validate();
        return errors.Count == 0 ? options : throw new RiskMonitorException("配置错误：" + string.Join("；", errors));
    }
}
