using Microsoft.Extensions.Logging.Abstractions;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.Tests.Warnings.Publishing;

public sealed class OutboxPublisherTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly PublishingWarehouse _w = new();
    private readonly TestClock _clock = TestClock.Frozen(Start);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    private string DropFolder => _w.Directory.File("drop");

    private OutboxPublisher Publisher(DeliveryPolicy? webhookPolicy = null)
    {
        var http = new HttpClient();
        return new OutboxPublisher(_w.Warehouse,
        [
            new PublicationRoute(new FolderChannel(DropFolder, _clock), DeliveryPolicy.Default),
            new PublicationRoute(new WebhookChannel(http, _receiver.Url, TimeSpan.FromSeconds(10), _clock),
                webhookPolicy ?? new DeliveryPolicy(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), TimeSpan.Zero)),
        ], _clock, NullLogger<OutboxPublisher>.Instance);
    }

    [Fact]
    public async Task RunOnce_EnqueuesOnlyProperlyApprovedNotices_NeverDraftsOrSelfApproved()
    {
        var approved = _w.AddNotice("approved");
        _w.AddNotice("draft", approvedBy: null);
        _w.AddNotice("rejected", approvedBy: null);
        _w.AddNotice("published");
        var selfApproved = _w.AddNotice("approved", approvedBy: PublishingWarehouse.Drafter);

        var result = await Publisher().RunOnceAsync(CancellationToken.None);

        result.Enqueued.Should().Be(2);
        result.Refused.Should().Be(1);
        using var connection = _w.Connect();
        connection.Query("SELECT DISTINCT notice_id FROM publication_outbox", r => r.GetInt64(0)).Should().Equal(approved);
        connection.ExecuteScalar<string>("SELECT status FROM notices WHERE notice_id = $1", selfApproved).Should().Be("approved");
        _receiver.Accepted.Should().ContainSingle();
        Directory.GetFiles(DropFolder, "*.json").Should().ContainSingle();
    }

    [Fact]
    public async Task RunOnce_RoundWithANoticeStillInDraft_EnqueuesNothingOfThatRound()
    {
        var approved = _w.AddNotice("approved");
        using (var connection = _w.Connect())
        {
            // A second notice of the same warning and round (e.g. the 通报 beside a 公告), not yet approved.
            var warningId = connection.ExecuteScalar<long>("SELECT warning_id FROM notices WHERE notice_id = $1", approved);
            connection.Execute(
                """
                INSERT INTO notices (notice_id, warning_id, kind, level, title, body_markdown, status, drafted_by, drafted_at)
                VALUES (nextval('seq_notice_id'), $1, '风险警示通报', 3, '同批通报', '# 通报', 'draft', $2, $3)
                """,
                warningId, PublishingWarehouse.Drafter, Start.UtcDateTime);
        }

        var result = await Publisher().RunOnceAsync(CancellationToken.None);

        result.Enqueued.Should().Be(0, "a round goes out only when every notice in it is approved");
        _receiver.Accepted.Should().BeEmpty();
    }

    [Fact]
    public async Task RunOnce_AllChannelsDeliver_PublishesNoticeAndWarningWithAuditInOneGo()
    {
        var noticeId = _w.AddNotice("approved");

        var result = await Publisher().RunOnceAsync(CancellationToken.None);

        result.Published.Should().Equal(noticeId);
        using var connection = _w.Connect();
        connection.ExecuteScalar<string>("SELECT status FROM notices WHERE notice_id = $1", noticeId).Should().Be("published");
        connection.ExecuteScalar<DateTime>("SELECT published_at FROM notices WHERE notice_id = $1", noticeId)
            .Should().Be(Start.UtcDateTime);
        connection.ExecuteScalar<string>("SELECT w.status FROM warnings w JOIN notices n USING (warning_id) WHERE n.notice_id = $1", noticeId)
            .Should().Be("published");
        connection.ExecuteScalar<long>("SELECT count(*) FROM warning_events WHERE action = 'publish'").Should().Be(1);
        connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'publish_notice' AND target = $1", $"notice:{noticeId}")
            .Should().Be(1);
        connection.Query("SELECT status FROM publication_outbox", r => r.GetString(0)).Should().Equal("delivered", "delivered");

        var again = await Publisher().RunOnceAsync(CancellationToken.None);
        again.Should().BeEquivalentTo(PublishRunResult.Nothing);
        _receiver.Requests.Values.Should().Equal(1);
    }

    [Fact]
    public async Task RunOnce_FailingWebhook_DoesNotBlockTheFolder_AndIsRetriedAfterItsBackoff()
    {
        var first = _w.AddNotice("approved");
        var second = _w.AddNotice("approved");
        _receiver.Behaviour = (_, _) => ReceiverAction.Fail;
        var publisher = Publisher();

        var result = await publisher.RunOnceAsync(CancellationToken.None);

        result.Delivered.Should().Be(2, "the folder took both notices although the webhook failed");
        result.FailedAttempts.Should().Be(2);
        result.Published.Should().BeEmpty("a notice is published only when every channel has it");
        using (var connection = _w.Connect())
        {
            var rows = connection.Query(
                "SELECT attempts, next_attempt_at, last_error FROM publication_outbox WHERE channel = 'webhook' ORDER BY notice_id",
                r => (Attempts: r.GetInt32(0), Next: r.GetDateTime(1), Error: r.GetString(2)));
            rows.Should().HaveCount(2).And.OnlyContain(r => r.Attempts == 1 && r.Next == Start.UtcDateTime.AddSeconds(30) && r.Error.Contains("503"));
        }

        _clock.Advance(TimeSpan.FromSeconds(29));
        (await publisher.RunOnceAsync(CancellationToken.None)).FailedAttempts.Should().Be(0, "not due before its backoff ends");

        _clock.Advance(TimeSpan.FromSeconds(1));
        var second2 = await publisher.RunOnceAsync(CancellationToken.None);
        second2.FailedAttempts.Should().Be(2);
        using (var connection = _w.Connect())
        {
            connection.Query("SELECT next_attempt_at FROM publication_outbox WHERE channel = 'webhook'", r => r.GetDateTime(0))
                .Should().OnlyContain(t => t == Start.UtcDateTime.AddSeconds(30 + 60), "the second wait doubles");
        }

        _receiver.Behaviour = (_, _) => ReceiverAction.Accept;
        _clock.Advance(TimeSpan.FromSeconds(60));
        var healed = await publisher.RunOnceAsync(CancellationToken.None);
        healed.Delivered.Should().Be(2);
        healed.Published.Should().Equal(first, second);
        Directory.GetFiles(DropFolder, "*.json").Should().HaveCount(2, "the folder was not written again");
    }

    [Fact]
    public async Task RunOnce_LastAttemptFails_MarksTheRowFailedForAnOperator()
    {
        _w.AddNotice("approved");
        _receiver.Behaviour = (_, _) => ReceiverAction.Fail;
        var publisher = Publisher(new DeliveryPolicy(2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.Zero));

        (await publisher.RunOnceAsync(CancellationToken.None)).FailedAttempts.Should().Be(1);
        _clock.Advance(TimeSpan.FromSeconds(10));
        (await publisher.RunOnceAsync(CancellationToken.None)).GivenUp.Should().Be(1);
        _clock.Advance(TimeSpan.FromHours(1));
        (await publisher.RunOnceAsync(CancellationToken.None)).Should().BeEquivalentTo(PublishRunResult.Nothing);

        using var connection = _w.Connect();
        connection.Query("SELECT status, attempts, next_attempt_at IS NULL FROM publication_outbox WHERE channel = 'webhook'",
            r => (r.GetString(0), r.GetInt32(1), r.GetBoolean(2))).Should().Equal(("failed", 2, true));

        PublicationOutbox.RetryFailed(connection, "operator", _clock.GetUtcNow().UtcDateTime).Should().Be(1);
        _receiver.Behaviour = (_, _) => ReceiverAction.Accept;
        (await publisher.RunOnceAsync(CancellationToken.None)).Published.Should().ContainSingle();
    }

    [Fact]
    public async Task RunOnce_NoticeSentBackAfterEnqueuing_IsCancelledNotSent()
    {
        var noticeId = _w.AddNotice("approved");
        using (var connection = _w.Connect())
        {
            PublicationOutbox.Enqueue(connection, ["folder", "webhook"], Start.UtcDateTime);
            connection.Execute("UPDATE notices SET status = 'rejected' WHERE notice_id = $1", noticeId);
        }

        var result = await Publisher().RunOnceAsync(CancellationToken.None);

        result.Cancelled.Should().Be(2);
        _receiver.Requests.Should().BeEmpty();
        Directory.Exists(DropFolder).Should().BeFalse();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose() => _w.Dispose();
}
