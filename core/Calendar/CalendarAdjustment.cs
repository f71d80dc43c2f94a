namespace RiskMonitor.Core.Calendar;

/// <summary>What a row of the holiday file says about its date.</summary>
public enum AdjustmentKind
{
    /// <summary>A public holiday (<c>holiday</c>): no work, even on a weekday.</summary>
    Holiday,

    /// <summary>A weekend day worked instead (<c>workday</c>, 调休上班).</summary>
    Workday,
}

/// <summary>How a date counts for deadlines.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday to Friday.</summary>
    WorkingDay,

    /// <summary>A Saturday or Sunday worked by State Council arrangement (调休上班日); it counts as a working day.</summary>
    AdjustedWorkingDay,

    /// <summary>An ordinary Saturday or Sunday (休息日).</summary>
    Weekend,

    /// <summary>A public holiday (法定节假日), whatever the day of the week.</summary>
    Holiday,
}

/// <summary>One row of the holiday file: a holiday or an adjusted working day.</summary>
/// <param name="Name">The holiday's name as the notice gives it, e.g. 春节 or 春节调休上班.</param>
public sealed record CalendarAdjustment(DateOnly Date, AdjustmentKind Kind, string Name);
