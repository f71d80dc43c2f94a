using Quartz;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// Which fire of a job, if any, was missed while the service was down: the latest fire of its cron after the last
/// completed run and before now. Several missed fires collapse into that one, so a job down for three months runs once
/// at start-up, for the latest fire — never once per missed fire, and never twice.
/// </summary>
public static class MissedFireRule
{
    // Windows searched back from now, narrowest first, so that a frequent cron (every minute) after a long outage walks
    // through a day of fires rather than months of them; the last window reaches back to the last completed run.
    private static readonly TimeSpan[] Windows = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(400)];

    public static DateTimeOffset? LatestMissed(CronExpression cron, DateTimeOffset lastCompleted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cron);
        foreach (var window in Windows)
        {
            var from = now - window;
            if (from <= lastCompleted)
            {
                break;
            }

            if (LatestBetween(cron, from, now) is { } fire)
            {
                return fire;
            }
        }

        return LatestBetween(cron, lastCompleted, now);
    }

    /// <summary>The latest fire strictly after <paramref name="after"/> and strictly before <paramref name="now"/>: a fire
    /// due this very second is Quartz's own to fire.</summary>
    private static DateTimeOffset? LatestBetween(CronExpression cron, DateTimeOffset after, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        for (var next = cron.GetNextValidTimeAfter(after); next is { } fire && fire < now; next = cron.GetNextValidTimeAfter(fire))
        {
            latest = fire;
        }

        return latest;
    }
}
