using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.Tests.Warnings.Publishing;

public sealed class WebhookChannelTests : IAsyncLifetime, IDisposable
{
    private static readonly PublicationEnvelope Envelope = new(
        "rm-0123456789ab-notice-7-webhook", "webhook", 7, 3, "风险警示通告", 3, "关于电动自行车的风险警示通告", "# 通告", "李审批",
        new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 12, 5));

    private readonly HttpClient _http = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    private WebhookChannel Channel(Uri? url = null, TimeSpan? timeout = null) =>
        new(_http, url ?? _receiver.Url, timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);

    [Fact]
    public async Task Deliver_PostsJsonWithTheIdempotencyKey_AndTheSameBodyEveryTime()
    {
        (await Channel().DeliverAsync(Envelope, CancellationToken.None)).Should().Be("HTTP 201");
        (await Channel().DeliverAsync(Envelope, CancellationToken.None)).Should().Be("HTTP 200", "the receiver already has the key");

        _receiver.Accepted.Keys.Should().Equal(Envelope.IdempotencyKey);
        _receiver.Duplicates[Envelope.IdempotencyKey].Should().Be(1);
        _receiver.Bodies.Distinct().Should().ContainSingle();
        var body = JsonDocument.Parse(_receiver.Bodies.First()).RootElement;
        body.GetProperty("idempotencyKey").GetString().Should().Be(Envelope.IdempotencyKey);
        body.GetProperty("levelLabel").GetString().Should().Be("Ⅱ级（严重，橙色）");
        body.GetProperty("approvedAt").GetString().Should().Be("2026-11-20T02:00:00.0000000Z");
    }

    [Fact]
    public async Task Deliver_ReceiverAnswersAnError_Throws()
    {
        _receiver.Behaviour = (_, _) => ReceiverAction.Fail;
        var act = () => Channel().DeliverAsync(Envelope, CancellationToken.None);
        (await act.Should().ThrowAsync<PublicationException>()).WithMessage("*HTTP 503*");
    }

    [Fact]
    public async Task Deliver_ReceiverNeverAnswers_ThrowsAfterTheTimeout()
    {
        _receiver.Behaviour = (_, _) => ReceiverAction.AcceptThenHang;
        var act = () => Channel(timeout: TimeSpan.FromMilliseconds(300)).DeliverAsync(Envelope, CancellationToken.None);
        (await act.Should().ThrowAsync<PublicationException>()).WithMessage("*did not answer*");
    }

    [Fact]
    public async Task Deliver_Failure_NamesTheEndpointWithoutItsQueryToken()
    {
        _receiver.Behaviour = (_, _) => ReceiverAction.Fail;
        var act = () => Channel(new Uri(_receiver.Url + "?token=s3cret")).DeliverAsync(Envelope, CancellationToken.None);
        var failure = await act.Should().ThrowAsync<PublicationException>();
        failure.Which.Message.Should().Contain(_receiver.Url.AbsolutePath).And.NotContain("s3cret");
    }

    [Fact]
    public async Task Deliver_NobodyListens_Throws()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var act = () => Channel(new Uri($"http://127.0.0.1:{port}/hook")).DeliverAsync(Envelope, CancellationToken.None);

        (await act.Should().ThrowAsync<PublicationException>()).WithMessage("*unreachable*");
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose() => _http.Dispose();
}
