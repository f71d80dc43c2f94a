using Microsoft.Extensions.Logging;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// One pass over the publication outbox: enqueue approved notices for every enabled channel, deliver what is due on each
/// channel, then mark notices published that every channel has taken.
/// </summary>
/// <remarks>
/// <para>Exactly once per channel comes from three things together. The outbox row, keyed by notice and channel, is marked
/// delivered only after its channel took the notice, in its own commit; a crash before that commit leaves it pending and
/// it is delivered again with the same key. Every channel is idempotent per key (the folder overwrites the same file and
/// lists a key once; the webhook's receiver dedupes by the <c>Idempotency-Key</c> header). And only one pass runs at a
/// time: the job is <c>[DisallowConcurrentExecution]</c>, and one process owns the warehouse file.</para>
/// <para>Channels drain side by side, each on its own connection, so a slow or failing channel delays no other. A failed
/// attempt is recorded on its row (attempts, <c>next_attempt_at</c> after an exponential backoff, <c>last_error</c>) and
/// logged; it is not thrown, so the other rows and channels carry on. Errors of the warehouse itself do propagate.</para>
/// </remarks>
public sealed class OutboxPublisher(RiskWarehouse warehouse, IReadOnlyList<PublicationRoute> routes, TimeProvider time, ILogger<OutboxPublisher> logger)
{
    public IReadOnlyList<PublicationRoute> Routes { get; } = routes;

    public async Task<PublishRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        if (Routes.Count == 0)
        {
            PublishingLog.NoChannels(logger);
            return PublishRunResult.Nothing;
        }

        var channels = Routes.Select(r => r.Name).ToList();
        EnqueueResult enqueued;
        using (var connection = warehouse.Connect())
        {
            enqueued = PublicationOutbox.Enqueue(connection, channels, Now());
        }

        foreach (var (noticeId, reason) in enqueued.Refused)
        {
            PublishingLog.Refused(logger, noticeId, reason);
        }

        if (enqueued.Enqueued > 0)
        {
            PublishingLog.Enqueued(logger, enqueued.Enqueued);
        }

        var tallies = await Task.WhenAll(Routes.Select(r => Task.Run(() => DrainAsync(r, cancellationToken), cancellationToken)));
        var total = tallies.Aggregate(default(ChannelTally), (a, b) => a + b);

        IReadOnlyList<long> published;
        using (var connection = warehouse.Connect())
        {
            published = NoticePublication.PublishCompleted(connection, channels, Now());
        }

        foreach (var noticeId in published)
        {
            PublishingLog.Published(logger, noticeId, string.Join(", ", channels));
        }

        return new PublishRunResult(
            enqueued.Enqueued, enqueued.Refused.Count, total.Delivered, total.FailedAttempts, total.GivenUp, total.Cancelled, published);
    }

    private async Task<ChannelTally> DrainAsync(PublicationRoute route, CancellationToken cancellationToken)
    {
        using var connection = warehouse.Connect();
        var tally = default(ChannelTally);
        var due = PublicationOutbox.Due(connection, route.Name, Now());
        for (var i = 0; i < due.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i > 0 && route.Policy.Pause > TimeSpan.Zero)
            {
                await Task.Delay(route.Policy.Pause, time, cancellationToken);
            }

            var row = due[i];
            var (envelope, status) = PublicationOutbox.Envelope(connection, row);
            if (envelope is null)
            {
                PublicationOutbox.Cancel(connection, row.IdempotencyKey, $"notice is {status}, not approved", Now());
                PublishingLog.Cancelled(logger, row.IdempotencyKey, row.NoticeId, status);
                tally += new ChannelTally(0, 0, 0, 1);
                continue;
            }

            tally += await AttemptAsync(connection, route, row, envelope, cancellationToken);
        }

        return tally;
    }

    private async Task<ChannelTally> AttemptAsync(
        Core.Data.DuckDbConnection connection, PublicationRoute route, OutboxRow row, PublicationEnvelope envelope, CancellationToken cancellationToken)
    {
        string receipt;
        try
        {
            receipt = await route.Channel.DeliverAsync(envelope, cancellationToken);
        }
#pragma warning disable CA1031 // the channel boundary: every failure is recorded on the outbox row and logged, then the next row goes on
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var attempt = row.Attempts + 1;
            var now = Now();
            if (route.Policy.IsExhausted(attempt))
            {
                PublicationOutbox.RecordFailure(connection, row.IdempotencyKey, e.Message, now, null);
                PublishingLog.GaveUp(logger, e, row.NoticeId, route.Name, attempt, e.Message);
                return new ChannelTally(0, 0, 1, 0);
            }

            var next = now + route.Policy.Backoff(attempt);
            PublicationOutbox.RecordFailure(connection, row.IdempotencyKey, e.Message, now, next);
            PublishingLog.AttemptFailed(logger, row.NoticeId, route.Name, attempt, next, e.Message);
            return new ChannelTally(0, 1, 0, 0);
        }

        PublicationOutbox.MarkDelivered(connection, row.IdempotencyKey, receipt, Now());
        PublishingLog.Delivered(logger, row.NoticeId, route.Name, receipt);
        return new ChannelTally(1, 0, 0, 0);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
