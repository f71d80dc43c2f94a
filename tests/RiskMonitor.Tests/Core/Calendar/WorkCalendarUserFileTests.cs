using RiskMonitor.Core;
using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Tests.Core.Calendar;

public sealed class WorkCalendarUserFileTests
{
    // A made-up 2027 arrangement: Tue 16 March off, Sat 20 March worked instead.
    private const string User2027 = """
        date,kind,name
        2027-03-16,holiday,测试假日
        2027-03-20,workday,测试假日调休上班
        """;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Merge_UserFileFor2027_AddsTheYearAndKeepsTheShippedOnes()
    {
        var calendar = WorkCalendar.Merge(new StringReader(User2027), "user.csv");

        calendar.CoveredYears.Should().Equal(2025, 2026, 2027);
        calendar.IsHoliday(D("2027-03-16")).Should().BeTrue();
        calendar.HolidayName(D("2027-03-16")).Should().Be("测试假日");
        calendar.IsWorkingDay(D("2027-03-20")).Should().BeTrue();
        calendar.IsHoliday(D("2026-02-16")).Should().BeTrue();
        WorkCalendar.Shipped.IsCovered(2027).Should().BeFalse("merging builds a new calendar");
    }

    [Fact]
    public void Merge_UserRowForAShippedDate_ReplacesIt()
    {
        var calendar = WorkCalendar.Merge(new StringReader("date,kind,name\n2026-02-28,holiday,更正测试\n"), "user.csv");

        calendar.IsHoliday(D("2026-02-28")).Should().BeTrue();
        calendar.HolidayName(D("2026-02-28")).Should().Be("更正测试");
    }

    [Fact]
    public void Load_UserFileOnDisk_IsMerged()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("holidays-2027.csv"), User2027);

        var calendar = WorkCalendar.Load(dir.File("holidays-2027.csv"));

        calendar.IsCovered(2027).Should().BeTrue();
        calendar.IsHoliday(D("2027-03-16")).Should().BeTrue();
    }

    [Fact]
    public void Load_MissingUserFile_SaysSoInChinese()
    {
        using var dir = new TempDirectory();
        var act = () => WorkCalendar.Load(dir.File("missing.csv"));
        act.Should().Throw<RiskMonitorException>().WithMessage("节假日文件不存在*");
    }

    [Theory]
    [InlineData("day,kind,name\n2027-03-16,holiday,x", "*第 1 行*表头*")]
    [InlineData("date,kind,name\n2027-13-01,holiday,x", "*第 2 行*日期“2027-13-01”格式不正确*")]
    [InlineData("date,kind,name\n2027-03-16,rest,x", "*第 2 行*类型“rest”无效*")]
    [InlineData("date,kind,name\n2027-03-16,holiday", "*第 2 行*三列*")]
    [InlineData("date,kind,name\n2027-03-16,holiday,", "*第 2 行*名称不能为空*")]
    [InlineData("date,kind,name\n\n2027-03-16,workday,x", "*第 3 行*2027-03-16 不是周六或周日*")]
    [InlineData("date,kind,name\n2027-03-16,holiday,x\n2027-03-16,holiday,y", "*第 3 行*重复*")]
    public void Merge_MalformedUserFile_NamesTheFileAndLine(string csv, string expectedMessage)
    {
        var act = () => WorkCalendar.Merge(new StringReader(csv), "user.csv");
        act.Should().Throw<RiskMonitorException>().WithMessage("节假日文件 user.csv*").WithMessage(expectedMessage);
    }
}
