using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.Tests.Warnings.Publishing;

/// <summary>The folder channel's crash windows, each set up as the crash leaves the folder and the outbox, then recovered.</summary>
public sealed class FolderChannelTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly PublishingWarehouse _w = new();
    private readonly TestClock _clock = TestClock.Frozen(Now);

    private string Drop => _w.Directory.File("drop");

    private string Manifest => Path.Combine(Drop, FolderChannel.ManifestFileName);

    private FolderChannel Channel => new(Drop, _clock);

    private OutboxPublisher Publisher =>
        new(_w.Warehouse, [new PublicationRoute(Channel, DeliveryPolicy.Default)], _clock, NullLogger<OutboxPublisher>.Instance);

    /// <summary>Enqueues the notice and returns its pending row's envelope, as the publisher would deliver it.</summary>
    private PublicationEnvelope Pending(long noticeId)
    {
        using var connection = _w.Connect();
        PublicationOutbox.Enqueue(connection, ["folder"], Now.UtcDateTime);
        var row = PublicationOutbox.Due(connection, "folder", Now.UtcDateTime).Single(r => r.NoticeId == noticeId);
        return PublicationOutbox.Envelope(connection, row).Envelope!;
    }

    [Fact]
    public async Task CrashBeforeRename_LeftATornTempFile_RetryLeavesOneWholeFileAndNoTemp()
    {
        var envelope = Pending(_w.AddNotice("approved"));
        Directory.CreateDirectory(Drop);
        await File.WriteAllTextAsync(Path.Combine(Drop, envelope.IdempotencyKey + ".json" + FolderChannel.TemporarySuffix), "{\"torn");

        await Publisher.RunOnceAsync(CancellationToken.None);

        Directory.GetFiles(Drop).Select(Path.GetFileName).Should().BeEquivalentTo(envelope.IdempotencyKey + ".json", FolderChannel.ManifestFileName);
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Drop, envelope.IdempotencyKey + ".json")))
            .RootElement.GetProperty("noticeId").GetInt64().Should().Be(envelope.NoticeId);
    }

    [Fact]
    public async Task CrashAfterRenameBeforeManifest_RetryListsTheFileOnce()
    {
        var envelope = Pending(_w.AddNotice("approved"));
        Directory.CreateDirectory(Drop);
        AtomicFile.Write(Path.Combine(Drop, envelope.IdempotencyKey + ".json"), PublicationPayload.Serialize(envelope));

        await Publisher.RunOnceAsync(CancellationToken.None);

        FolderManifest.Keys(Manifest).Should().Equal(envelope.IdempotencyKey);
        Directory.GetFiles(Drop, "*.json").Should().ContainSingle();
    }

    [Fact]
    public async Task CrashAfterManifestBeforeOutboxCommit_RetryAddsNoSecondManifestLine()
    {
        var first = Pending(_w.AddNotice("approved"));
        var second = Pending(_w.AddNotice("approved"));
        // The channel took both notices; the process died before the outbox recorded either.
        await Channel.DeliverAsync(first, CancellationToken.None);
        await Channel.DeliverAsync(second, CancellationToken.None);
        var bytesBefore = await File.ReadAllBytesAsync(Path.Combine(Drop, first.IdempotencyKey + ".json"));

        var result = await Publisher.RunOnceAsync(CancellationToken.None);

        result.Delivered.Should().Be(2);
        result.Published.Should().HaveCount(2);
        FolderManifest.Keys(Manifest).Should().Equal(first.IdempotencyKey, second.IdempotencyKey);
        Directory.GetFiles(Drop, "*.json").Should().HaveCount(2);
        (await File.ReadAllBytesAsync(Path.Combine(Drop, first.IdempotencyKey + ".json"))).Should().Equal(bytesBefore, "a re-delivery writes the same bytes");
    }

    [Fact]
    public async Task Manifest_EachLineIsJsonWithKeyFileAndHash_AndChineseStaysReadable()
    {
        var envelope = Pending(_w.AddNotice("approved"));

        await Publisher.RunOnceAsync(CancellationToken.None);

        var line = (await File.ReadAllLinesAsync(Manifest)).Single();
        line.Should().Contain("电动自行车");
        var entry = JsonDocument.Parse(line).RootElement;
        entry.GetProperty("idempotencyKey").GetString().Should().Be(envelope.IdempotencyKey);
        entry.GetProperty("file").GetString().Should().Be(envelope.IdempotencyKey + ".json");
        entry.GetProperty("sha256").GetString().Should().Be(PublicationPayload.Sha256(await File.ReadAllBytesAsync(Path.Combine(Drop, envelope.IdempotencyKey + ".json"))));
    }

    [Fact]
    public async Task Deliver_FolderCannotBeCreated_FailsWithPublicationException()
    {
        var envelope = Pending(_w.AddNotice("approved"));
        await File.WriteAllTextAsync(Drop, "a file where the folder should be");

        var act = () => Channel.DeliverAsync(envelope, CancellationToken.None);

        await act.Should().ThrowAsync<PublicationException>();
    }

    public void Dispose() => _w.Dispose();
}
