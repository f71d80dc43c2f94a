using Quartz;
using RiskMonitor.App.Hosting;

namespace RiskMonitor.Tests.App.Hosting;

public sealed class MissedFireRuleTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly TimeZoneInfo Zone = BureauTime.Zone("Asia/Shanghai");
    private static readonly CronExpression Monthly = new("0 0 6 3 * ?", Zone);
    private static readonly CronExpression Daily = new("0 30 7 * * ?", Zone);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Shanghai);

    [Fact]
    public void LatestMissed_TwoMonthlyFiresMissed_ReturnsOnlyTheLatest() =>
        MissedFireRule.LatestMissed(Monthly, At(9, 3, 6), At(12, 1, 10)).Should().Be(At(11, 3, 6));

    [Fact]
    public void LatestMissed_DownBetweenFires_ReturnsNothing() =>
        MissedFireRule.LatestMissed(Monthly, At(11, 3, 6), At(11, 20, 10)).Should().BeNull();

    [Fact]
    public void LatestMissed_RestartedBeforeTheDayTime_ReturnsNothing() =>
        MissedFireRule.LatestMissed(Monthly, At(10, 3, 6), At(11, 3, 5, 59)).Should().BeNull();

    [Fact]
    public void LatestMissed_FireDueThisVerySecond_IsLeftToQuartz() =>
        MissedFireRule.LatestMissed(Monthly, At(10, 3, 6), At(11, 3, 6)).Should().BeNull();

    [Fact]
    public void LatestMissed_DailyWatchDownThreeDays_RunsForTheLatestDayInShanghai() =>
        MissedFireRule.LatestMissed(Daily, At(11, 18, 7, 30), At(11, 21, 8)).Should().Be(At(11, 21, 7, 30));

    [Fact]
    public void LatestMissed_DailyWatchAtMidnightUtc_UsesTheBureauZoneNotUtc()
    {
        // 07:30 in Shanghai is 23:30 UTC the day before.
        var missed = MissedFireRule.LatestMissed(Daily, At(11, 20, 7, 30), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        missed.Should().Be(new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero));
    }
}
