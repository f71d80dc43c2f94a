using RiskMonitor.App.Dashboard;

namespace RiskMonitor.Tests.App.Dashboard;

public sealed class SignInThrottleTests
{
    private readonly TestClock _clock = TestClock.Frozen(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8)));

    private SignInThrottle Throttle(int perName = 3, int perAddress = 10) =>
        new(new SignInThrottleOptions { MaxFailuresPerName = perName, MaxFailuresPerAddress = perAddress, Window = TimeSpan.FromMinutes(15) }, _clock);

    [Fact]
    public void Name_IsRefusedAfterItsLimit_UntilTheOldestCountedFailureLeavesTheWindow()
    {
        var throttle = Throttle();
        throttle.Failed("li", "10.0.0.1");
        _clock.Advance(TimeSpan.FromMinutes(5));
        throttle.Failed("li", "10.0.0.2");
        throttle.RetryAfter("li", "10.0.0.3").Should().BeNull("two failures are under the limit of three");
        throttle.Failed("LI ", "10.0.0.3");

        throttle.RetryAfter("li", "10.0.0.4").Should().Be(TimeSpan.FromMinutes(10), "the first failure, 5 minutes old, counts for 10 more");
        _clock.Advance(TimeSpan.FromMinutes(10));
        throttle.RetryAfter("li", "10.0.0.4").Should().BeNull();
    }

    [Fact]
    public void Address_IsRefusedAfterItsLimit_WhateverNamesItTries()
    {
        var throttle = Throttle(perName: 100, perAddress: 4);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            throttle.RetryAfter(name, "10.9.9.9").Should().BeNull();
            throttle.Failed(name, "10.9.9.9");
        }

        throttle.RetryAfter("e", "10.9.9.9").Should().Be(TimeSpan.FromMinutes(15));
        throttle.RetryAfter("e", "10.1.1.1").Should().BeNull("another address is not affected");
    }

    [Fact]
    public void Success_ClearsTheNamesFailures_ButNotTheAddresss()
    {
        var throttle = Throttle(perName: 2, perAddress: 3);
        throttle.Failed("wang", "10.0.0.7");
        throttle.Failed("wang", "10.0.0.7");
        throttle.RetryAfter("wang", "10.0.0.8").Should().NotBeNull();

        throttle.Succeeded("Wang");
        throttle.RetryAfter("wang", "10.0.0.8").Should().BeNull();
        throttle.Failed("zhao", "10.0.0.7");
        throttle.RetryAfter("zhou", "10.0.0.7").Should().NotBeNull("the address has three failures in the window");
    }

    [Fact]
    public void Options_OutOfRange_AreRefused()
    {
        var act = () => new SignInThrottle(new SignInThrottleOptions { MaxFailuresPerName = 0 }, _clock);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
