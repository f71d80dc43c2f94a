using System.Net.Http.Json;
using Xunit.Abstractions;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.Tests.Warnings.Publishing;

/// <summary>
/// The service is killed (the whole process tree, at once) while it publishes, and started again: every approved notice
/// must reach each channel exactly once — one file and one manifest line per notice, one accepted webhook per key.
/// </summary>
public sealed class PublishKillTests(ITestOutputHelper log) : IDisposable
{
    private const int Approved = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly PublishingWarehouse _w = new(open: false);

    private string Drop => _w.Directory.File("drop");

    private Dictionary<string, string> Environment(Uri webhook) => new()
    {
        ["RISKMONITOR_Privacy__HashKey"] = "kill-test-key-0123456789",
        ["RISKMONITOR_Scheduler__PublishCron"] = "* * * * * ?",
        ["RISKMONITOR_Publishing__Channels__Folder__Path"] = Drop,
        // Spaced out so that the kill lands while the folder is part-way through.
        ["RISKMONITOR_Publishing__Channels__Folder__PauseBetweenDeliveries"] = "00:00:00.200",
        ["RISKMONITOR_Publishing__Channels__Webhook__Enabled"] = "true",
        ["RISKMONITOR_Publishing__Channels__Webhook__Url"] = webhook.ToString(),
        ["RISKMONITOR_Publishing__Channels__Webhook__Timeout"] = "00:02:00",
        ["RISKMONITOR_Publishing__Channels__Webhook__BaseBackoff"] = "00:00:01",
        ["RISKMONITOR_Publishing__Channels__Webhook__MaxBackoff"] = "00:00:02",
    };

    private string[] JsonFiles() => Directory.Exists(Drop) ? Directory.GetFiles(Drop, "*.json") : [];

    private static async Task Until(Func<Task<bool>> done, string what, Func<string> context)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {Patience.TotalSeconds} s\n{context()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Approved notices (a drafter and a different approver), plus a draft and a rejected one that must never go out.</summary>
    private (long Draft, long Rejected) Seed()
    {
        using var warehouse = RiskWarehouse.Open(_w.Path);
        using var connection = warehouse.Connect();
        for (var i = 0; i < Approved; i++)
        {
            PublishingWarehouse.AddNotice(connection, "approved");
        }

        return (PublishingWarehouse.AddNotice(connection, "draft", approvedBy: null), PublishingWarehouse.AddNotice(connection, "rejected", approvedBy: null));
    }

    /// <summary>Starts the service and leaves it running until it reports every approved notice published, then kills it.</summary>
    private async Task RunUntilAllPublished(WebhookReceiver receiver)
    {
        using var serve = ServeProcess.Start(_w.Path, _w.Directory.Path, Environment(receiver.Url));
        using var http = new HttpClient { BaseAddress = await serve.AddressAsync(Patience) };
        await Until(async () =>
        {
            var state = await http.GetFromJsonAsync<Dictionary<string, long>>("/api/publishing");
            return state!["publishedNotices"] == Approved && state["pending"] == 0;
        }, "every approved notice published", () => serve.Output);
        serve.Kill();
        log.WriteLine($"last life:\n{serve.Output}");
    }

    [Fact]
    public async Task Serve_KilledWhilePublishing_ThenRestarted_PublishesEveryApprovedNoticeExactlyOncePerChannel()
    {
        var (draft, rejected) = Seed();

        await using var receiver = await WebhookReceiver.StartAsync();
        string? hungKey = null;
        receiver.Behaviour = (key, number) =>
        {
            if (number != 3)
            {
                return ReceiverAction.Accept;
            }

            hungKey = key;
            return ReceiverAction.AcceptThenHang;
        };

        // First life: killed while the webhook waits on its 3rd notice (which the receiver has already taken) and the
        // folder is part-way through its notices.
        using (var first = ServeProcess.Start(_w.Path, _w.Directory.Path, Environment(receiver.Url)))
        {
            await Until(async () => { await Task.Yield(); return receiver.Hung.IsCompleted && JsonFiles().Length >= 3; },
                "a hung webhook and three files", () => first.Output);
            first.Kill();
            log.WriteLine($"first life, killed with {JsonFiles().Length} file(s) and {receiver.Accepted.Count} webhook(s) accepted:\n{first.Output}");
        }

        receiver.Accepted.Should().HaveCount(3);
        JsonFiles().Length.Should().BeLessThan(Approved, "the kill came before the folder was done");

        // Second life: the receiver refuses the first new notice once, then takes everything.
        string? refusedKey = null;
        receiver.Behaviour = (key, _) =>
        {
            if (refusedKey is not null)
            {
                return ReceiverAction.Accept;
            }

            refusedKey = key;
            return ReceiverAction.Fail;
        };
        await RunUntilAllPublished(receiver);

        AssertExactlyOncePerChannel(receiver, hungKey, refusedKey, draft, rejected);
    }

    [Fact]
    public async Task Serve_KilledAgainAndAgainAtRandomMoments_ThenLeftToFinish_PublishesEveryApprovedNoticeExactlyOncePerChannel()
    {
        var seed = System.Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"seed {seed}");
        var (draft, rejected) = Seed();

        // Every webhook answer comes 150 ms after the receiver took the notice: a kill in that gap is the crash window.
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Behaviour = (_, _) => ReceiverAction.AcceptSlowly;
        // Each life is killed a random 0–150 ms after it has made 1–4 more deliveries, until both channels have everything.
        int Progress() => JsonFiles().Length + receiver.Accepted.Count;
        for (var life = 1; life <= 6 && Progress() < 2 * Approved; life++)
        {
            using var serve = ServeProcess.Start(_w.Path, _w.Directory.Path, Environment(receiver.Url));
            var target = Math.Min(2 * Approved, Progress() + random.Next(1, 5));
            await Until(() => Task.FromResult(Progress() >= target), $"{target} deliveries", () => serve.Output);
            await Task.Delay(random.Next(0, 150));
            serve.Kill();
            log.WriteLine($"life {life}: killed at {JsonFiles().Length} file(s), {receiver.Accepted.Count} accepted, {receiver.Duplicates.Count} duplicate(s)");
        }

        await RunUntilAllPublished(receiver);

        AssertExactlyOncePerChannel(receiver, hungKey: null, refusedKey: null, draft, rejected);
    }

    /// <summary>Each approved notice once per channel, nothing else, and the warehouse agreeing.</summary>
    private void AssertExactlyOncePerChannel(WebhookReceiver receiver, string? hungKey, string? refusedKey, long draft, long rejected)
    {
        using var after = RiskWarehouse.Open(_w.Path);
        using var db = after.Connect();
        var outbox = db.Query("SELECT idempotency_key, channel, status, attempts, last_error FROM publication_outbox ORDER BY idempotency_key",
            r => (Key: r.GetString(0), Channel: r.GetString(1), Status: r.GetString(2), Attempts: r.GetInt32(3), Error: r.GetStringOrNull(4)));
        outbox.Should().HaveCount(2 * Approved).And.OnlyContain(r => r.Status == "delivered");
        outbox.Select(r => db.ExecuteScalar<long>("SELECT notice_id FROM publication_outbox WHERE idempotency_key = $1", r.Key))
            .Should().NotContain([draft, rejected], "drafts and rejected notices are never enqueued");
        var folderKeys = outbox.Where(r => r.Channel == "folder").Select(r => r.Key).ToList();
        var webhookKeys = outbox.Where(r => r.Channel == "webhook").Select(r => r.Key).ToList();

        // Folder: one file per notice, named by its key; each key listed once; no temp file left behind.
        JsonFiles().Select(f => Path.GetFileNameWithoutExtension(f)).Should().BeEquivalentTo(folderKeys);
        Directory.GetFiles(Drop, "*" + FolderChannel.TemporarySuffix).Should().BeEmpty();
        var manifest = FolderManifest.Keys(Path.Combine(Drop, FolderChannel.ManifestFileName));
        manifest.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(folderKeys);

        // Webhook: each key accepted once; the one in flight at the kill came again and was recognised as a duplicate;
        // no key the service had recorded as delivered was ever sent again.
        receiver.Accepted.Keys.Should().BeEquivalentTo(webhookKeys);
        receiver.Accepted.Values.Should().OnlyContain(n => n == 1);
        receiver.Duplicates.Keys.Should().BeSubsetOf(webhookKeys, "a key is re-sent only after a crash hid its answer");
        if (hungKey is not null)
        {
            receiver.Duplicates.Should().BeEquivalentTo(new Dictionary<string, int> { [hungKey] = 1 });
            receiver.Requests.Where(p => p.Key != hungKey && p.Key != refusedKey).Should().OnlyContain(p => p.Value == 1);
        }

        if (refusedKey is not null)
        {
            outbox.Single(r => r.Key == refusedKey).Should().Match<(string Key, string Channel, string Status, int Attempts, string? Error)>(
                r => r.Attempts == 2 && r.Error!.Contains("503"));
        }

        db.ExecuteScalar<long>("SELECT count(*) FROM notices WHERE status = 'published' AND published_at IS NOT NULL").Should().Be(Approved);
        db.ExecuteScalar<long>("SELECT count(*) FROM warnings WHERE status = 'published'").Should().Be(Approved);
        db.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'publish_notice'").Should().Be(Approved);
        db.Query("SELECT status FROM notices WHERE notice_id IN ($1, $2) ORDER BY notice_id", r => r.GetString(0), draft, rejected)
            .Should().Equal("draft", "rejected");
    }

    public void Dispose() => _w.Dispose();
}
