using Microsoft.Extensions.Logging;
using Quartz;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Cycle;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// The scheduled monthly cycle: ingests what waits in the inbox, then analyses the previous calendar month (in the bureau's
/// time zone), proposes warnings and writes the report. Never runs twice at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class MonthlyCycleJob(
    RiskWarehouse warehouse, RiskMonitorSettings settings, TimeProvider time, ILogger<MonthlyCycleJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), BureauTime.Zone(settings.Scheduler.TimeZone));
        var month = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
        var ingested = InboxIngest.Run(warehouse, settings);
        LogInbox(logger, ingested.Count);
        var result = new MonthlyCycle(warehouse, settings.Output.Directory, time).Run(month);
        LogCycle(logger, month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), result.Assessments.Count, result.Warned, result.Notices.Count, result.ReportPath);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Monthly cycle ingested {Files} inbox file(s)")]
    private static partial void LogInbox(ILogger logger, int files);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Monthly cycle for {Month}: {Subjects} subjects, {Warned} at a warning level, {Notices} new draft notices, report {Report}")]
    private static partial void LogCycle(ILogger logger, string month, int subjects, int warned, int notices, string report);
}

/// <summary>The bureau's time zone (Asia/Shanghai), with a fixed UTC+8 fallback where the system has no zone database.</summary>
public static class BureauTime
{
    public static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
