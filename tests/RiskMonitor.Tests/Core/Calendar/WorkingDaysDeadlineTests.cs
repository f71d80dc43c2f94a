using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Tests.Core.Calendar;

/// <summary>Working-day periods (regulation 003 Art. 18): the n-th working day after the starting day.</summary>
public sealed class WorkingDaysDeadlineTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Shipped;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ComputeWorkingDays_OrdinaryWeek_SkipsTheWeekend()
    {
        // From Tue 2026-03-10: Wed 11 (1), Thu 12 (2), Fri 13 (3), Sat/Sun skipped, Mon 16 (4), Tue 17 (5).
        var result = StatutoryDeadline.ComputeWorkingDays(D("2026-03-10"), 5, Calendar);

        result.DueDate.Should().Be(D("2026-03-17"));
        result.NominalLastDay.Should().Be(result.DueDate);
        result.Unit.Should().Be(PeriodUnit.WorkingDays);
        result.Moved.Should().BeFalse();
    }

    [Fact]
    public void ComputeWorkingDays_AcrossSpringFestival_CountsTheAdjustedSaturdayAndSkipsTheHolidays()
    {
        // From Thu 2026-02-12: Fri 13 (1), Sat 14 worked (2), 15..23 春节 skipped (9 days), Tue 24 (3), Wed 25 (4), Thu 26 (5).
        var result = StatutoryDeadline.ComputeWorkingDays(D("2026-02-12"), 5, Calendar);

        result.DueDate.Should().Be(D("2026-02-26"));
        result.Explanation.Should().Be(
            "自2026年2月12日起算（当日不计入），按工作日计算，第5个工作日为2026年2月26日（星期四），期限届满日即为该日；" +
            "其间不计入的休息日和法定节假日共9天（含春节假期）；2026年2月14日为调休上班日，计入工作日。");
    }

    [Fact]
    public void ComputeWorkingDays_AcrossNationalDay2026_CountsTheAdjustedSaturday()
    {
        // From Wed 2026-09-30: 10-01..07 国庆节 skipped, Thu 08 (1), Fri 09 (2), Sat 10 worked (3), Sun 11 skipped,
        // Mon 12 (4), Tue 13 (5).
        var result = StatutoryDeadline.ComputeWorkingDays(D("2026-09-30"), 5, Calendar);

        result.DueDate.Should().Be(D("2026-10-13"));
        result.Explanation.Should().Contain("共8天（含国庆节假期）");
    }

    [Fact]
    public void ComputeWorkingDays_InAnUncoveredYear_WarnsThatOnlyWeekendsWereConsidered()
    {
        // From Wed 2027-09-29: Thu 30 (1), Fri 10-01 (2, National Day unknown to the data), Mon 04 (3), Tue 05 (4), Wed 06 (5).
        var result = StatutoryDeadline.ComputeWorkingDays(D("2027-09-29"), 5, Calendar);

        result.DueDate.Should().Be(D("2027-10-06"));
        result.UncoveredYears.Should().Equal(2027);
        result.Warning.Should().Contain("2027年");
    }
}
