using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class FarringtonReferenceTests
{
    private static readonly FarringtonOptions Improved = new();

    [Fact]
    public void Select_MonthlyDefaults_TakesEveryPeriodFromBYearsAndWBackToWPlusOneBeforeNow()
    {
        // t = 63: first = 63 − 5 × 12 − 3 = 0, last = 63 − 3 − 1 = 59.
        var reference = FarringtonReference.Select(63, 12, Improved);

        reference.Should().NotBeNull();
        reference!.Select(r => r.Index).Should().Equal(Enumerable.Range(0, 60));
    }

    [Fact]
    public void Select_TooLittleHistory_ReturnsNull() =>
        FarringtonReference.Select(62, 12, Improved).Should().BeNull();

    [Theory]
    // Offsets from the current period, monthly, w = 3: the windows are phases 0 … 3 and 9 … 11 of the year,
    // the 5-month gap between them is split into 9 blocks of which only the first five (one month each) occur,
    // numbered back from the start of the next window.
    [InlineData(-12, 0)]
    [InlineData(-9, 0)]
    [InlineData(-15, 0)]
    [InlineData(-16, 1)]
    [InlineData(-17, 2)]
    [InlineData(-18, 3)]
    [InlineData(-19, 4)]
    [InlineData(-20, 5)]
    [InlineData(-21, 0)]
    [InlineData(-4, 1)]
    [InlineData(-8, 5)]
    public void LevelOf_Monthly_PlacesWindowsOnLevelZeroAndSplitsTheGap(int offset, int level) =>
        FarringtonReference.LevelOf(offset, 12, Improved).Should().Be(level);

    [Theory]
    // Weekly, w = 3: a 45-week gap in nine blocks of five weeks.
    [InlineData(-52, 0)]
    [InlineData(-49, 0)]
    [InlineData(-56, 1)]
    [InlineData(-60, 1)]
    [InlineData(-61, 2)]
    [InlineData(-100, 9)]
    [InlineData(-4, 1)]
    public void LevelOf_Weekly_SplitsTheGapIntoNineBlocksOfFive(int offset, int level) =>
        FarringtonReference.LevelOf(offset, 52, Improved).Should().Be(level);

    [Fact]
    public void Select_OriginalMethod_TakesOnlyTheWindows()
    {
        var reference = FarringtonReference.Select(63, 12, Improved with { NoPeriods = 1 });

        // Five windows t − 12i − 3 … t − 12i + 3, i = 1 … 5.
        var expected = Enumerable.Range(1, 5).SelectMany(i => Enumerable.Range(63 - (12 * i) - 3, 7)).Order();
        reference!.Select(r => r.Index).Should().Equal(expected);
        reference.Should().OnlyContain(r => r.Level == 0);
    }
}
