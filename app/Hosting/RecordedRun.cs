using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// Runs a job's body for one fire and records it in <see cref="JobRunLedger"/>: skipped when that fire already succeeded,
/// then <c>running</c>, then <c>succeeded</c> or <c>failed</c>. A failure is logged and rethrown so that Quartz sees it too.
/// </summary>
public static class RecordedRun
{
    /// <summary>The JobDataMap entry (round-trip UTC text) naming the missed fire a catch-up run stands for.</summary>
    public const string ScheduledForKey = "riskmonitor.scheduled-for";

    public static async ValueTask ExecuteAsync(
        IJobExecutionContext context, string job, JobRunLedger ledger, TimeProvider time, ILogger logger,
        Func<DateTimeOffset, CancellationToken, ValueTask<string?>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(body);
        var (scheduledFor, kind) = FireOf(context, time);
        if (ledger.Begin(job, scheduledFor, kind) is not { } runId)
        {
            HostingLog.RunSkipped(logger, job, scheduledFor);
            return;
        }

        HostingLog.RunStarted(logger, job, kind, scheduledFor);
        try
        {
            var message = await body(scheduledFor, cancellationToken);
            ledger.Finish(job, runId, "succeeded", message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ledger.Finish(job, runId, "interrupted", "the host stopped during the run");
            throw;
        }
        catch (Exception e)
        {
            ledger.Finish(job, runId, "failed", e.Message);
            HostingLog.RunFailed(logger, e, job, scheduledFor);
            throw;
        }
    }

    /// <summary>The fire a run stands for: the missed one a catch-up names, else the trigger's scheduled time.</summary>
    public static (DateTimeOffset ScheduledFor, string TriggerKind) FireOf(IJobExecutionContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        if (context.MergedJobDataMap.TryGetValue(ScheduledForKey, out var value) && value is string text)
        {
            return (DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), "catch-up");
        }

        return (context.ScheduledFireTimeUtc ?? time.GetUtcNow(), "schedule");
    }
}
