namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// How hard the outbox tries one channel: at most <see cref="MaxAttempts"/> attempts, waiting
/// <c>BaseBackoff × 2^(n−1)</c> after the n-th failure, never more than <see cref="MaxBackoff"/>; after the last
/// attempt the row is marked <c>failed</c> and waits for an operator (<c>riskmonitor publish --retry-failed</c>).
/// <see cref="Pause"/> spaces deliveries out for receivers that limit their rate.
/// </summary>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan BaseBackoff, TimeSpan MaxBackoff, TimeSpan Pause)
{
    public static DeliveryPolicy Default { get; } = new(12, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.Zero);

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed attempt (1 for the first).</summary>
    public TimeSpan Backoff(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        // Doubling stops once the cap is reached, so a large attempt count cannot overflow.
        var delay = BaseBackoff;
        for (var i = 1; i < failedAttempts && delay < MaxBackoff; i++)
        {
            delay += delay;
        }

        return delay < MaxBackoff ? delay : MaxBackoff;
    }

    /// <summary>Whether a row that has now failed <paramref name="failedAttempts"/> times is given up on.</summary>
    public bool IsExhausted(int failedAttempts) => failedAttempts >= MaxAttempts;
}
