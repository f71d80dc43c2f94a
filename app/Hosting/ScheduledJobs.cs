using Quartz;
using RiskMonitor.App.Configuration;

namespace RiskMonitor.App.Hosting;

/// <summary>A job the host schedules: its name (the Quartz identity and <c>job_runs.job</c>), its type and its cron.</summary>
public sealed record ScheduledJob(string Name, Type JobType, string Cron)
{
    public JobKey Key => new(Name);

    /// <summary>The cron in the bureau's time zone.</summary>
    public CronExpression Expression(TimeZoneInfo zone) => new(Cron, zone);
}

/// <summary>Every job of the host, with its cron from <see cref="SchedulerSettings"/>: the one list both the Quartz
/// registration and the start-up catch-up read.</summary>
public static class ScheduledJobs
{
    public const string MonthlyCycle = "monthly-cycle";
    public const string Publish = "publish";
    public const string DeadlineWatch = "deadline-watch";

    public static IReadOnlyList<ScheduledJob> From(SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            new(MonthlyCycle, typeof(MonthlyCycleJob), settings.MonthlyCycleCron),
            new(Publish, typeof(PublishJob), settings.PublishCron),
            new(DeadlineWatch, typeof(DeadlineWatchJob), settings.DeadlineWatchCron),
        ];
    }
}
