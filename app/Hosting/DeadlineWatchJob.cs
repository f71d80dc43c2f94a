using Microsoft.Extensions.Logging;
using Quartz;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// The daily watch over spot-check follow-up deadlines (<c>Scheduler:DeadlineWatchCron</c>, 07:30 by default). The host
/// owns when it runs; the follow-up stage owns what it does, through <see cref="IDeadlineWatch"/>. "Today" is the bureau's
/// calendar date of the fire, so a run caught up after an outage watches the day it was due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineWatchJob(
    IDeadlineWatch watch, JobRunLedger ledger, RiskMonitorSettings settings, TimeProvider time, ILogger<DeadlineWatchJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        RecordedRun.ExecuteAsync(context, ScheduledJobs.DeadlineWatch, ledger, time, logger, (scheduledFor, _) =>
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scheduledFor, BureauTime.Zone(settings.Scheduler.TimeZone)).DateTime);
            var flagged = watch.FlagOverdue(today);
            HostingLog.DeadlineWatch(logger, today, flagged);
            return ValueTask.FromResult<string?>($"{flagged} newly overdue");
        }, cancellationToken);
}

/// <summary>
/// Stands in for <see cref="IDeadlineWatch"/> until the follow-up stage registers its own: each run fails loudly (and
/// is caught up at the next start) rather than quietly watching nothing.
/// </summary>
public sealed class MissingDeadlineWatch : IDeadlineWatch
{
    public int FlagOverdue(DateOnly today) =>
        throw new RiskMonitorException("no IDeadlineWatch is registered: the follow-up stage's deadline watch is not installed");
}
