using Microsoft.Extensions.Configuration;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Analytics.Model;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Monthly;
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
/// The rule matrix comes from configuration (section <c>RiskRules</c>) unless given; the active model, if any, from the
/// warehouse's <c>models</c> table.
/// </summary>
public sealed class MonthlyCycle(RiskWarehouse warehouse, string outputDirectory, TimeProvider? time = null, RiskRuleOptions? rules = null)
{
    public const string SystemActor = "system";

    private readonly RiskRuleOptions _rules = rules ?? RiskRulesConfiguration.Load();

    public CycleResult Run(DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.Connect();
        using var model = ModelRegistry.LoadActive(connection);
        var assessments = new AssessmentRunner(warehouse.Reference, _rules, model, time).Analyze(connection, month);
        var notices = new WarningProposer(warehouse.Reference, time).Propose(connection, month, SystemActor);
        var files = notices.Select(n => NoticeFiles.Write(outputDirectory, month, n.NoticeId, n.Content.Kind, n.Title, n.Markdown)).ToList();
        var report = MonthlyReport.Write(connection, month, outputDirectory);
        return new CycleResult(month, assessments, notices, files, report);
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
