using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RiskMonitor.App.Configuration;

namespace RiskMonitor.App.Hosting;

/// <summary>A missed fire to run once now.</summary>
public sealed record CatchUp(ScheduledJob Job, DateTimeOffset ScheduledFor, DateTimeOffset LastCompleted);

/// <summary>
/// At start-up, runs once each job whose fire was missed while the service was down. Quartz's in-memory triggers start
/// afresh with every process and know nothing of fires before it, so the decision comes from <see cref="JobRunLedger"/>:
/// the latest fire after the job's last completed run and before now (<see cref="MissedFireRule"/>) is fired immediately,
/// with that fire's time in the JobDataMap. The run records itself under that time, so a second restart finds it
/// completed and does not repeat it.
/// </summary>
public sealed class MissedRunCatchUp(
    ISchedulerFactory schedulers, JobRunLedger ledger, RiskMonitorSettings settings, TimeProvider time, ILogger<MissedRunCatchUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = ledger.MarkInterrupted();
        if (interrupted > 0)
        {
            HostingLog.Interrupted(logger, interrupted);
        }

        var plan = Plan(ledger, ScheduledJobs.From(settings.Scheduler), BureauTime.Zone(settings.Scheduler.TimeZone), time.GetUtcNow(), logger);
        if (plan.Count == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var catchUp in plan)
        {
            var data = new JobDataMap();
            data.PutAsString(RecordedRun.ScheduledForKey, catchUp.ScheduledFor.ToUniversalTime());
            await scheduler.TriggerJob(catchUp.Job.Key, data, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Decides which jobs to catch up; writes a baseline for a job that has never run on this warehouse.</summary>
    public static IReadOnlyList<CatchUp> Plan(
        JobRunLedger ledger, IReadOnlyList<ScheduledJob> jobs, TimeZoneInfo zone, DateTimeOffset now, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(jobs);
        var plan = new List<CatchUp>();
        foreach (var job in jobs)
        {
            if (ledger.LastCompleted(job.Name) is not { } last)
            {
                ledger.RecordBaseline(job.Name, now);
                HostingLog.Baseline(logger, job.Name, now);
                continue;
            }

            if (MissedFireRule.LatestMissed(job.Expression(zone), last, now) is { } missed)
            {
                HostingLog.CatchingUp(logger, job.Name, missed, last);
                plan.Add(new CatchUp(job, missed, last));
            }
        }

        return plan;
    }
}
