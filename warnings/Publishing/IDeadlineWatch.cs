namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// The daily watch over spot-check follow-up deadlines, run by the host's <c>DeadlineWatchJob</c>
/// (<c>Scheduler:DeadlineWatchCron</c>). The follow-up stage implements it; the host only schedules it.
/// </summary>
public interface IDeadlineWatch
{
    /// <summary>Flags every follow-up step whose deadline passed before <paramref name="today"/> (the bureau's calendar
    /// date) and is not done; returns how many were newly flagged. Running twice for the same day flags nothing new.</summary>
    int FlagOverdue(DateOnly today);
}
