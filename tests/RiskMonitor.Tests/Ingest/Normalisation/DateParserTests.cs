using RiskMonitor.Ingest.Normalisation;

namespace RiskMonitor.Tests.Ingest.Normalisation;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2026-03-05")]
    [InlineData("2026/3/5")]
    [InlineData("2026/03/05")]
    [InlineData("2026.3.5")]
    [InlineData("2026年3月5日")]
    [InlineData("2026年3月5号")]
    [InlineData("20260305")]
    [InlineData("46086")]
    [InlineData(" 2026-03-05 ")]
    public void TryParseDateTime_EveryDateForm_ReadsMarchTheFifthAtMidnight(string text)
    {
        DateParser.TryParseDateTime(text, out var value).Should().BeTrue();

        value.Should().Be(new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Unspecified));
    }

    [Theory]
    [InlineData("2026-03-05 14:02", 0)]
    [InlineData("2026-03-05 14:02:11", 11)]
    [InlineData("2026-03-05T14:02:11", 11)]
    [InlineData("2026-03-05 14:02:11.250", 11)]
    [InlineData("2026/3/5 14:02", 0)]
    [InlineData("2026.3.5 14:02:11", 11)]
    [InlineData("2026年3月5日 14时02分", 0)]
    [InlineData("2026年3月5日14时02分11秒", 11)]
    [InlineData("2026年3月5日 14:02", 0)]
    [InlineData("20260305 14:02:11", 11)]
    public void TryParseDateTime_DateWithTime_ReadsTwoMinutesPastTwo(string text, int second)
    {
        DateParser.TryParseDateTime(text, out var value).Should().BeTrue();

        value.Should().Be(new DateTime(2026, 3, 5, 14, 2, second, DateTimeKind.Unspecified));
    }

    [Theory]
    [InlineData("46086.5847222222", 0)]
    [InlineData("46086.58472222222", 0)]
    [InlineData("46086.584722222219", 0)]
    [InlineData("46086.584849537", 11)]
    [InlineData("46086.5848495370", 11)]
    public void TryParseDateTime_ExcelSerialWithFraction_RoundsToTheNearestSecond(string text, int second)
    {
        // 46086 is 2026-03-05 counted from Excel's 1899-12-30; 14:02 is 842/1440 of a day, 14:02:11 is 50531/86400.
        DateParser.TryParseDateTime(text, out var value).Should().BeTrue();

        value.Should().Be(new DateTime(2026, 3, 5, 14, 2, second, DateTimeKind.Unspecified));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-02-29")]
    [InlineData("2025-13-01")]
    [InlineData("2026-04-31")]
    [InlineData("2026年2月30日")]
    [InlineData("2026/9/31 13:37")]
    [InlineData("20260230")]
    [InlineData("2026-00-10")]
    [InlineData("2026-03-00")]
    [InlineData("2026-03-05 24:00")]
    [InlineData("2026-03-05 14:60")]
    [InlineData("2026-03-05 下午")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("不详")]
    [InlineData("2026")]
    [InlineData("12345")]
    [InlineData("2026-03")]
    public void TryParseDateTime_ImpossibleOrNonDate_IsRejected(string text)
    {
        DateParser.TryParseDateTime(text, out _).Should().BeFalse();
    }

    [Fact]
    public void TryParseDateTime_LeapDayInALeapYear_IsAccepted()
    {
        DateParser.TryParseDateTime("2028-02-29", out var value).Should().BeTrue();

        value.Should().Be(new DateTime(2028, 2, 29));
    }

    [Theory]
    [InlineData("2026-03-05 14:02:11")]
    [InlineData("2026年3月5日 14时02分")]
    [InlineData("46086.5847222222")]
    public void TryParseDate_DateWithTime_KeepsTheDayOnly(string text)
    {
        DateParser.TryParseDate(text, out var value).Should().BeTrue();

        value.Should().Be(new DateOnly(2026, 3, 5));
    }

    [Theory]
    [InlineData("2026-03")]
    [InlineData("2026/3")]
    [InlineData("2026/03")]
    [InlineData("2026.3")]
    [InlineData("2026年3月")]
    [InlineData("2026年03月份")]
    [InlineData("202603")]
    [InlineData("2026-03-05")]
    [InlineData("2026年3月5日")]
    public void TryParseMonth_EveryMonthForm_ReadsTheFirstOfMarch(string text)
    {
        DateParser.TryParseMonth(text, out var month).Should().BeTrue();

        month.Should().Be(new DateOnly(2026, 3, 1));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026/13")]
    [InlineData("202613")]
    [InlineData("2026年13月")]
    [InlineData("2026-00")]
    [InlineData("2026")]
    [InlineData("三月")]
    [InlineData("")]
    [InlineData("2026-02-30")]
    public void TryParseMonth_ImpossibleMonth_IsRejected(string text)
    {
        DateParser.TryParseMonth(text, out _).Should().BeFalse();
    }
}
