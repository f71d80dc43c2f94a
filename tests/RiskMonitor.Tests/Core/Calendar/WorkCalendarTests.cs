using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Tests.Core.Calendar;

public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Shipped = WorkCalendar.Shipped;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Shipped_CoversExactly2025And2026()
    {
        Shipped.CoveredYears.Should().Equal(2025, 2026);
        Shipped.IsCovered(2024).Should().BeFalse();
        Shipped.IsCovered(2027).Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-03-10", DayKind.WorkingDay)]          // Tuesday, no holiday near
    [InlineData("2026-03-07", DayKind.Weekend)]             // ordinary Saturday
    [InlineData("2026-03-08", DayKind.Weekend)]             // ordinary Sunday
    [InlineData("2026-02-16", DayKind.Holiday)]             // Monday inside Spring Festival
    [InlineData("2026-02-21", DayKind.Holiday)]             // Saturday inside Spring Festival: a holiday, not a mere weekend
    [InlineData("2026-02-14", DayKind.AdjustedWorkingDay)]  // Saturday worked before Spring Festival
    [InlineData("2026-01-04", DayKind.AdjustedWorkingDay)]  // Sunday worked after New Year
    public void Classify_KnownDates_GivesTheirKind(string date, DayKind expected)
    {
        Shipped.Classify(D(date)).Should().Be(expected);
        Shipped.IsWorkingDay(D(date)).Should().Be(expected is DayKind.WorkingDay or DayKind.AdjustedWorkingDay);
        Shipped.IsHoliday(D(date)).Should().Be(expected == DayKind.Holiday);
    }

    [Fact]
    public void AdjustedWorkingDays_AreTheWorkdayRowsOfTheShippedFile_AllOnWeekendsAndAllWorked()
    {
        // The workday rows of cn-workday-adjustments.csv, as published in the two State Council notices.
        var expected = new[]
        {
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        }.Select(D);

        var workdays = Shipped.Adjustments.Where(a => a.Kind == AdjustmentKind.Workday).Select(a => a.Date).ToList();

        workdays.Should().Equal(expected);
        workdays.Should().OnlyContain(d => d.DayOfWeek == DayOfWeek.Saturday || d.DayOfWeek == DayOfWeek.Sunday);
        workdays.Should().OnlyContain(d => Shipped.IsWorkingDay(d));
    }

    [Fact]
    public void HolidayName_NamesHolidaysAndAdjustedDays_AndNothingElse()
    {
        Shipped.HolidayName(D("2026-02-16")).Should().Be("春节");
        Shipped.HolidayName(D("2026-10-01")).Should().Be("国庆节");
        Shipped.HolidayName(D("2026-02-28")).Should().Be("春节调休上班");
        Shipped.HolidayName(D("2026-03-10")).Should().BeNull();
    }

    [Theory]
    [InlineData("2026-03-10", "2026-03-11")] // Tue → Wed
    [InlineData("2026-03-06", "2026-03-09")] // Fri → over the weekend to Mon
    [InlineData("2026-02-13", "2026-02-14")] // Fri → the adjusted Saturday
    [InlineData("2026-02-14", "2026-02-24")] // adjusted Saturday → over Spring Festival 15..23 to Tue 24
    [InlineData("2026-01-01", "2026-01-04")] // New Year 1..3 → the adjusted Sunday
    [InlineData("2026-10-02", "2026-10-08")] // National Day 1..7 → Thu 8
    public void NextWorkingDay_IsStrictlyAfterTheDate(string date, string expected)
    {
        Shipped.NextWorkingDay(D(date)).Should().Be(D(expected));
    }

    [Fact]
    public void Classify_UncoveredYear_KnowsWeekendsOnly()
    {
        // 2027-10-01 will surely be National Day, but the data does not say so: the calendar cannot know, and says it.
        Shipped.IsCovered(2027).Should().BeFalse();
        Shipped.Classify(D("2027-10-01")).Should().Be(DayKind.WorkingDay);
        Shipped.Classify(D("2027-10-02")).Should().Be(DayKind.Weekend);
    }
}
