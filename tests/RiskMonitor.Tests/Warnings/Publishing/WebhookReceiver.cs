using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RiskMonitor.Tests.Warnings.Publishing;

/// <summary>What the receiver does with a request for a key it has not accepted yet.</summary>
public enum ReceiverAction
{
    Accept,
    Fail,
    /// <summary>Accepts (records) the notice, then never answers: the sender's crash window between the receiver taking it
    /// and the sender recording it.</summary>
    AcceptThenHang,

    /// <summary>Accepts (records) the notice and answers only after a pause, widening that same crash window.</summary>
    AcceptSlowly,
}

/// <summary>
/// A webhook receiver on a real Kestrel on loopback, deduplicating by <c>Idempotency-Key</c> as a receiver must: a key
/// seen and accepted before is answered 200 and counted as a duplicate, never accepted twice.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _duplicates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly TaskCompletionSource _hung = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requestCount;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Decides, from the key and the 1-based number of the request overall, what to do with a new key.</summary>
    public Func<string, int, ReceiverAction> Behaviour { get; set; } = (_, _) => ReceiverAction.Accept;

    public Uri Url { get; private set; } = null!;

    /// <summary>How long <see cref="ReceiverAction.AcceptSlowly"/> waits before it answers.</summary>
    public TimeSpan SlowAnswer { get; set; } = TimeSpan.FromMilliseconds(150);

    public IReadOnlyDictionary<string, int> Accepted => _accepted;

    public IReadOnlyDictionary<string, int> Duplicates => _duplicates;

    public IReadOnlyDictionary<string, int> Requests => _requests;

    public IReadOnlyCollection<string> Bodies => _bodies;

    /// <summary>Completes when a request has been accepted and left hanging.</summary>
    public Task Hung => _hung.Task;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", (Func<HttpContext, Task<IResult>>)receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            return Results.BadRequest("missing Idempotency-Key");
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _bodies.Enqueue(body);
        _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
        var number = Interlocked.Increment(ref _requestCount);
        if (_accepted.ContainsKey(key))
        {
            _duplicates.AddOrUpdate(key, 1, (_, n) => n + 1);
            return Results.Ok(new { duplicate = true });
        }

        switch (Behaviour(key, number))
        {
            case ReceiverAction.Fail:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case ReceiverAction.AcceptThenHang:
                _accepted.AddOrUpdate(key, 1, (_, n) => n + 1);
                _hung.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The sender went away (killed): nothing to answer.
                }

                return Results.Empty;
            case ReceiverAction.AcceptSlowly:
                _accepted.AddOrUpdate(key, 1, (_, n) => n + 1);
                await Task.Delay(SlowAnswer, CancellationToken.None);
                return Results.Created((string?)null, new { accepted = key });
            default:
                _accepted.AddOrUpdate(key, 1, (_, n) => n + 1);
                return Results.Created((string?)null, new { accepted = key });
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
