namespace RiskMonitor.Warnings.Publishing;

/// <summary>What one pass over the outbox did.</summary>
/// <param name="Enqueued">Rows added for newly approved notices.</param>
/// <param name="Refused">Approved notices not enqueued because their approval is not proper (no approver, or the drafter).</param>
/// <param name="Delivered">Deliveries a channel took.</param>
/// <param name="FailedAttempts">Attempts that failed and will be retried after a backoff.</param>
/// <param name="GivenUp">Rows whose last attempt failed: now <c>failed</c>, waiting for an operator.</param>
/// <param name="Cancelled">Rows whose notice is no longer publishable.</param>
/// <param name="Published">Notices now delivered on every channel and marked published.</param>
public sealed record PublishRunResult(int Enqueued, int Refused, int Delivered, int FailedAttempts, int GivenUp, int Cancelled, IReadOnlyList<long> Published)
{
    public static PublishRunResult Nothing { get; } = new(0, 0, 0, 0, 0, 0, []);

    /// <summary>True when something needs a person: a failure, a refusal or a cancellation.</summary>
    public bool HasProblems => Refused > 0 || FailedAttempts > 0 || GivenUp > 0 || Cancelled > 0;
}

/// <summary>One channel's share of a pass.</summary>
internal readonly record struct ChannelTally(int Delivered, int FailedAttempts, int GivenUp, int Cancelled)
{
    public static ChannelTally operator +(ChannelTally a, ChannelTally b) =>
        new(a.Delivered + b.Delivered, a.FailedAttempts + b.FailedAttempts, a.GivenUp + b.GivenUp, a.Cancelled + b.Cancelled);
}
