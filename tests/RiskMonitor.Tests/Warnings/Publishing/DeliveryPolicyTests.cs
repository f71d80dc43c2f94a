using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.Tests.Warnings.Publishing;

public sealed class DeliveryPolicyTests
{
    private static readonly DeliveryPolicy Policy = new(5, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(6, 300)]
    [InlineData(1000, 300)]
    public void Backoff_DoublesFromTheBaseUpToTheCap(int failedAttempts, int seconds) =>
        Policy.Backoff(failedAttempts).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void IsExhausted_OnlyAtTheLastAttempt()
    {
        Policy.IsExhausted(4).Should().BeFalse();
        Policy.IsExhausted(5).Should().BeTrue();
    }

    [Fact]
    public void IdempotencyKey_NamesWarehouseNoticeAndChannel_AndRefusesUnsafeChannelNames()
    {
        IdempotencyKey.For("ab12cd34ef56", 17, "webhook").Should().Be("rm-ab12cd34ef56-notice-17-webhook");
        var act = () => IdempotencyKey.For("ab12cd34ef56", 17, "../x");
        act.Should().Throw<ArgumentException>();
    }
}
