using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Tests.Core.Calendar;

/// <summary>
/// Calendar-day periods (regulation 000 Art. 34). Every expected date is derived by hand in the comment:
/// last day = start + n (the starting day is not counted); then, if that day is not a working day, the next one.
/// Weekday anchors: 2026-01-01 is a Thursday, 2026-02-01 and 2026-03-01 are Sundays, 2027-01-01 is a Friday.
/// </summary>
public sealed class StatutoryDeadlineTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Shipped;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Compute_EndingOnAnOrdinaryWeekday_DoesNotMove()
    {
        // 2026-02-10 + 15 = 2026-02-25; Feb 1 2026 is a Sunday, so the 25th is a Wednesday, after Spring Festival (15..23).
        var result = StatutoryDeadline.Compute(D("2026-02-10"), 15, Calendar);

        result.NominalLastDay.Should().Be(D("2026-02-25"));
        result.DueDate.Should().Be(D("2026-02-25"));
        result.Moved.Should().BeFalse();
        result.MoveReason.Should().BeNull();
        result.Warning.Should().BeNull();
        result.Explanation.Should().StartWith("自2026年2月10日起算（当日不计入），15日期满为2026年2月25日（星期三），为工作日");
    }

    [Theory]
    // 2026-03-06 + 15 = 03-21; Mar 1 2026 is a Sunday, so the 21st is a Saturday → Mon 03-23.
    [InlineData("2026-03-06", "2026-03-21", "2026-03-23")]
    // 2026-03-07 + 15 = 03-22, a Sunday → Mon 03-23.
    [InlineData("2026-03-07", "2026-03-22", "2026-03-23")]
    public void Compute_EndingOnAnOrdinaryWeekend_MovesToMonday(string start, string last, string due)
    {
        var result = StatutoryDeadline.Compute(D(start), 15, Calendar);

        result.NominalLastDay.Should().Be(D(last));
        result.DueDate.Should().Be(D(due));
        result.NominalLastDayKind.Should().Be(DayKind.Weekend);
        result.Moved.Should().BeTrue();
        result.MoveReason.Should().EndWith("为休息日");
        result.Explanation.Should().Contain("本系统对周六、周日等休息日同样顺延").And.Contain("2026年3月23日（星期一）");
    }

    [Theory]
    // 2026-02-01 + 15 = 02-16 (Mon, 春节); holidays run to Mon 02-23 → Tue 02-24.
    [InlineData("2026-02-01", 15, "2026-02-16")]
    // 2026-01-31 + 15 = 02-15 (Sun, first day of 春节; the Saturday before was worked) → Tue 02-24.
    [InlineData("2026-01-31", 15, "2026-02-15")]
    // 2026-02-16 + 7 = 02-23 (Mon, last day of 春节) → Tue 02-24.
    [InlineData("2026-02-16", 7, "2026-02-23")]
    public void Compute_EndingInsideSpringFestival2026_MovesToTheFirstWorkingDayAfterIt(string start, int days, string last)
    {
        var result = StatutoryDeadline.Compute(D(start), days, Calendar);

        result.NominalLastDay.Should().Be(D(last));
        result.DueDate.Should().Be(D("2026-02-24"));
        result.NominalLastDayKind.Should().Be(DayKind.Holiday);
        result.NominalLastDayName.Should().Be("春节");
        result.MoveReason.Should().EndWith("为法定节假日（春节）");
        result.Explanation.Should().Contain("第三十四条").And.Contain("即2026年2月24日（星期二）");
    }

    [Fact]
    public void Compute_SpanningNewYear2026_MovesOntoTheAdjustedSunday()
    {
        // 2025-12-18 + 15: 13 days to Dec 31, 2 more → 2026-01-02 (Fri, 元旦); 01-03 (Sat) is 元旦 too;
        // 01-04 is a Sunday worked instead (元旦调休上班), so it is the first working day.
        var result = StatutoryDeadline.Compute(D("2025-12-18"), 15, Calendar);

        result.NominalLastDay.Should().Be(D("2026-01-02"));
        result.DueDate.Should().Be(D("2026-01-04"));
        result.DueDate.DayOfWeek.Should().Be(DayOfWeek.Sunday);
        result.Explanation.Should().Contain("即2026年1月4日（星期日，调休上班日）");
    }

    [Theory]
    // 2025-12-20 + 15: 11 days to Dec 31, 4 more → 2026-01-04, the Sunday worked after New Year.
    [InlineData("2025-12-20", 15, "2026-01-04")]
    // 2026-02-07 + 7 = 02-14, the Saturday worked before Spring Festival (result delivery, Art. 5).
    [InlineData("2026-02-07", 7, "2026-02-14")]
    // 2026-02-13 + 15 = 02-28, the Saturday worked after Spring Festival (objection window, Art. 7).
    [InlineData("2026-02-13", 15, "2026-02-28")]
    // 2026-09-13 + 7 = 09-20, the Sunday worked before Mid-Autumn / National Day.
    [InlineData("2026-09-13", 7, "2026-09-20")]
    // 2026-09-25 + 15: 5 days to Sep 30, 10 more → 10-10, the Saturday worked after National Day.
    [InlineData("2026-09-25", 15, "2026-10-10")]
    public void Compute_EndingOnAnAdjustedWorkingWeekend_DoesNotMove(string start, int days, string last)
    {
        var result = StatutoryDeadline.Compute(D(start), days, Calendar);

        result.NominalLastDay.Should().Be(D(last));
        result.DueDate.Should().Be(D(last));
        result.NominalLastDayKind.Should().Be(DayKind.AdjustedWorkingDay);
        result.Moved.Should().BeFalse();
        result.Explanation.Should().Contain("该日为调休上班日").And.Contain("不顺延");
    }

    [Theory]
    // 2026-09-20 + 15: 10 days to Sep 30, 5 more → 10-05 (Mon, 国庆节); holidays to Wed 10-07 → Thu 10-08.
    [InlineData("2026-09-20", "2026-10-05", "2026-10-08", "国庆节")]
    // 2026-09-11 + 15 = 09-26 (Sat, 中秋节); 09-27 (Sun) is 中秋节 too → Mon 09-28.
    [InlineData("2026-09-11", "2026-09-26", "2026-09-28", "中秋节")]
    public void Compute_EndingInsideTheAutumnHolidays2026_MovesPastThem(string start, string last, string due, string holiday)
    {
        var result = StatutoryDeadline.Compute(D(start), 15, Calendar);

        result.NominalLastDay.Should().Be(D(last));
        result.DueDate.Should().Be(D(due));
        result.NominalLastDayName.Should().Be(holiday);
    }

    [Fact]
    public void Compute_SixtyDayRectificationEndingInSpringFestival_MovesToTheFirstWorkingDayAfterIt()
    {
        // Correction order received 2025-12-24: 7 days to Dec 31 (53 left), 31 in January (22 left) → 2026-02-22,
        // a Sunday inside 春节 (15..23) → Tue 02-24. The holidays inside the period count as ordinary days.
        var result = StatutoryDeadline.Compute(D("2025-12-24"), 60, Calendar);

        result.NominalLastDay.Should().Be(D("2026-02-22"));
        result.DueDate.Should().Be(D("2026-02-24"));
    }

    [Fact]
    public void Compute_SixtyDaysAcrossSpringFestival_CountsTheHolidaysAsCalendarDays()
    {
        // 2026-01-10 + 60: 21 days to Jan 31 (39 left), 28 in February (11 left) → 2026-03-11, a Wednesday: no move,
        // although New Year is behind and all of Spring Festival lies inside the period.
        var result = StatutoryDeadline.Compute(D("2026-01-10"), 60, Calendar);

        result.DueDate.Should().Be(D("2026-03-11"));
        result.Moved.Should().BeFalse();
    }

    [Fact]
    public void Compute_EndingInAYearTheDataDoesNotCover_WarnsThatOnlyWeekendsWereConsidered()
    {
        // 2027-09-16 + 15: 14 days to Sep 30, 1 more → 2027-10-01. Jan 1 2027 is a Friday and Oct 1 is 273 days (39 weeks)
        // later, so a Friday too: a working day as far as the data knows, although it will almost surely be National Day.
        var result = StatutoryDeadline.Compute(D("2027-09-16"), 15, Calendar);

        result.DueDate.Should().Be(D("2027-10-01"));
        result.IsFullyCovered.Should().BeFalse();
        result.UncoveredYears.Should().Equal(2027);
        result.Warning.Should().Contain("2027年").And.Contain("仅按周六、周日休息计算");
        result.Explanation.Should().EndWith(result.Warning);
    }

    [Fact]
    public void Compute_RunningIntoAnUncoveredYear_Warns()
    {
        // 2026-12-20 + 15: 11 days to Dec 31, 4 more → 2027-01-04 (Mon); 2027 is not in the data.
        var result = StatutoryDeadline.Compute(D("2026-12-20"), 15, Calendar);

        result.DueDate.Should().Be(D("2027-01-04"));
        result.UncoveredYears.Should().Equal(2027);
    }

    [Fact]
    public void Compute_StartingInAnUncoveredYearButEndingInACoveredOne_NeedsNoWarning()
    {
        // 2024-12-20 + 15: 11 days to Dec 31, 4 more → 2025-01-04 (Sat) → 01-05 (Sun) → Mon 01-06.
        // Days before the last one never change a calendar-day period, so 2024 is not looked at.
        var result = StatutoryDeadline.Compute(D("2024-12-20"), 15, Calendar);

        result.DueDate.Should().Be(D("2025-01-06"));
        result.Warning.Should().BeNull();
    }

    [Fact]
    public void Compute_WithAUserHolidayIn2027_MovesAndNoLongerWarns()
    {
        // Made-up holiday 2027-03-16 (Tue). 2027-03-01 + 15 = 03-16 → Wed 03-17.
        var calendar = WorkCalendar.Merge(new StringReader("date,kind,name\n2027-03-16,holiday,测试假日\n"), "user.csv");

        var result = StatutoryDeadline.Compute(D("2027-03-01"), 15, calendar);

        result.DueDate.Should().Be(D("2027-03-17"));
        result.MoveReason.Should().Be("2027年3月16日（星期二）为法定节假日（测试假日）");
        result.Warning.Should().BeNull();
    }

    [Fact]
    public void Compute_NonPositiveLength_IsRefused()
    {
        var act = () => StatutoryDeadline.Compute(D("2026-03-10"), 0, Calendar);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
