namespace RiskMonitor.Core.Calendar;

/// <summary>How a statutory period is counted.</summary>
public enum PeriodUnit
{
    /// <summary>公历日: every day counts, holidays included; only the last day may move.</summary>
    CalendarDays,

    /// <summary>工作日: only working days count (regulation 003 Art. 18).</summary>
    WorkingDays,
}

/// <summary>A computed statutory deadline, with the reasoning a clerk needs to check it by hand.</summary>
/// <param name="Start">The day of the triggering event (received, issued…); it is not counted.</param>
/// <param name="Length">The number of days of the period.</param>
/// <param name="NominalLastDay">The last day of the period before any move (for working days, the same as <paramref name="DueDate"/>).</param>
/// <param name="DueDate">The last day on which the act is still on time.</param>
/// <param name="NominalLastDayKind">How the nominal last day counts; a holiday or weekend is why the deadline moved.</param>
/// <param name="NominalLastDayName">The holiday or adjusted-working-day name of the nominal last day, if any.</param>
/// <param name="UncoveredYears">Years the computation looked at that the holiday data does not cover (weekends only were known).</param>
/// <param name="Explanation">The rule as applied, in Chinese, including any warning.</param>
public sealed record DeadlineResult(
    DateOnly Start,
    int Length,
    PeriodUnit Unit,
    DateOnly NominalLastDay,
    DateOnly DueDate,
    DayKind NominalLastDayKind,
    string? NominalLastDayName,
    IReadOnlyList<int> UncoveredYears,
    string Explanation)
{
    /// <summary>Whether the due date is later than the nominal last day.</summary>
    public bool Moved => DueDate != NominalLastDay;

    /// <summary>Why the deadline moved, in Chinese (e.g. "2026年2月16日（星期一）为法定节假日（春节）"); null when it did not.</summary>
    public string? MoveReason => Moved ? DeadlineExplanation.NonWorkingDay(NominalLastDay, NominalLastDayKind, NominalLastDayName) : null;

    /// <summary>Whether the holiday data covered every year the computation looked at.</summary>
    public bool IsFullyCovered => UncoveredYears.Count == 0;

    /// <summary>A Chinese warning that holidays of some year were unknown; null when the data covered everything.</summary>
    public string? Warning => IsFullyCovered ? null : DeadlineExplanation.CoverageWarning(UncoveredYears);
}
