using Microsoft.Extensions.Logging;
using Quartz;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// The scheduled pass over the publication outbox (<c>Scheduler:PublishCron</c>, every minute by default): enqueues
/// approved notices, delivers what is due on every enabled channel and marks fully delivered notices published.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PublishJob(OutboxPublisher publisher, JobRunLedger ledger, TimeProvider time, ILogger<PublishJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        RecordedRun.ExecuteAsync(context, ScheduledJobs.Publish, ledger, time, logger, async (_, token) =>
        {
            var result = await publisher.RunOnceAsync(token);
            if (result.Enqueued + result.Delivered + result.FailedAttempts + result.GivenUp + result.Published.Count > 0)
            {
                HostingLog.PublishPass(logger, result.Enqueued, result.Delivered, result.FailedAttempts, result.GivenUp, result.Published.Count);
            }

            return $"enqueued {result.Enqueued}, delivered {result.Delivered}, failed {result.FailedAttempts}, given up {result.GivenUp}, published {result.Published.Count}";
        }, cancellationToken);
}
