using Microsoft.Extensions.Logging;
using Quartz;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Cycle;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// The scheduled monthly cycle: ingests what waits in the inbox, then analyses the calendar month before the fire (in the
/// bureau's time zone), proposes warnings and writes the report. Never runs twice at once, nor twice for one fire; a fire
/// missed while the service was down is caught up at start-up and analyses the month that fire was for.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyCycleJob(
    RiskWarehouse warehouse, RiskMonitorSettings settings, JobRunLedger ledger, TimeProvider time, ILogger<MonthlyCycleJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        RecordedRun.ExecuteAsync(context, ScheduledJobs.MonthlyCycle, ledger, time, logger, (scheduledFor, _) =>
        {
            var local = TimeZoneInfo.ConvertTime(scheduledFor, BureauTime.Zone(settings.Scheduler.TimeZone));
            var month = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
            var ingested = InboxIngest.Run(warehouse, settings);
            HostingLog.Inbox(logger, ingested.Count);
            var result = new MonthlyCycle(warehouse, settings.Output.Directory, time).Run(month);
            var label = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            HostingLog.Cycle(logger, label, result.Assessments.Count, result.Warned, result.Notices.Count, result.ReportPath);
            return ValueTask.FromResult<string?>($"month {label}: {result.Notices.Count} draft notice(s)");
        }, cancellationToken);
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
