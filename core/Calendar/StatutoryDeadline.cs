namespace RiskMonitor.Core.Calendar;

/// <summary>The one place statutory periods are counted.</summary>
/// <remarks>
/// <para>
/// Regulation 000 Art. 34 reads: "本办法中所称“日”为公历日。期间届满的最后一日为法定节假日的，以法定节假日后的第一个工作日为期间届满的日期。"
/// Periods are therefore counted in calendar days, holidays inside the period included, and only the last day can move.
/// </para>
/// <para>
/// The starting day is not counted: the regulation is silent on it, so the product follows the general rule of
/// the Civil Code (民法典第二百零一条: 开始的当日不计入，自下一日开始计算). A period of n days from day D ends on D + n.
/// </para>
/// <para>
/// Art. 34 names statutory holidays (法定节假日) only, not ordinary weekends. Product decision: a last day on any
/// non-working day, ordinary Saturdays and Sundays included, moves to the next working day, since nobody can act at
/// a closed office (the Civil Code's 第二百零三条 uses the wider 法定休假日). Adjusted working days (调休上班) are
/// working days, so a period ending on one does not move. The explanation says which of the two rules applied.
/// </para>
/// </remarks>
public static class StatutoryDeadline
{
    /// <summary>A period of <paramref name="days"/> calendar days from <paramref name="start"/>, under Art. 34 of regulation 000.</summary>
    /// <param name="start">The day of the triggering event; the period runs from the next day.</param>
    /// <param name="days">The period's length in calendar days, at least 1.</param>
    public static DeadlineResult Compute(DateOnly start, int days, WorkCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentNullException.ThrowIfNull(calendar);

        var last = start.AddDays(days);
        var kind = calendar.Classify(last);
        var due = calendar.IsWorkingDay(last) ? last : calendar.NextWorkingDay(last);
        // Only the days from the nominal last day to the due date decide the answer; holidays before it do not matter.
        var uncovered = UncoveredYears(calendar, last, due);
        var explanation = DeadlineExplanation.ForCalendarDays(start, days, last, due, calendar) + Suffix(uncovered);
        return new DeadlineResult(start, days, PeriodUnit.CalendarDays, last, due, kind, calendar.HolidayName(last), uncovered, explanation);
    }

    /// <summary>
    /// A period of <paramref name="workingDays"/> working days from <paramref name="start"/> (e.g. regulation 003 Art. 18,
    /// "5 working days"): the due date is the n-th working day after the starting day, so it never needs to move.
    /// </summary>
    /// <param name="start">The day of the triggering event; it is not counted even when it is a working day.</param>
    /// <param name="workingDays">The number of working days, at least 1.</param>
    public static DeadlineResult ComputeWorkingDays(DateOnly start, int workingDays, WorkCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentNullException.ThrowIfNull(calendar);

        var due = start;
        for (var counted = 0; counted < workingDays; counted++)
        {
            due = calendar.NextWorkingDay(due);
        }

        // Every day of the period decides which days count, so every year it touches must be covered.
        var uncovered = UncoveredYears(calendar, start.AddDays(1), due);
        var explanation = DeadlineExplanation.ForWorkingDays(start, workingDays, due, calendar) + Suffix(uncovered);
        return new DeadlineResult(start, workingDays, PeriodUnit.WorkingDays, due, due, calendar.Classify(due), calendar.HolidayName(due), uncovered, explanation);
    }

    private static int[] UncoveredYears(WorkCalendar calendar, DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !calendar.IsCovered(y)).ToArray();

    private static string Suffix(int[] uncovered) =>
        uncovered.Length == 0 ? string.Empty : DeadlineExplanation.CoverageWarning(uncovered);
}
