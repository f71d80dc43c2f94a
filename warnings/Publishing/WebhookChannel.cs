using System.Net.Http.Headers;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// POSTs each notice as JSON to a URL with an <c>Idempotency-Key</c> header. Any 2xx answer means the receiver has it;
/// anything else, a timeout or a refused connection is a failed attempt that the outbox retries with backoff.
/// </summary>
/// <remarks>
/// The crash window that matters is after the receiver accepted a notice and before the outbox committed it as delivered:
/// the retry after a restart sends the same key and the same body again. That is why the key is sent; the receiver must
/// treat a key it has seen as already done (and answer 2xx), which makes the delivery exactly-once on its side.
/// </remarks>
public sealed class WebhookChannel(HttpClient http, Uri endpoint, TimeSpan timeout, TimeProvider time, string name = "webhook") : IPublicationChannel
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int ErrorBodyLimit = 200;

    public string Name { get; } = name;

    public Uri Endpoint { get; } = endpoint;

    /// <summary>The endpoint as errors and logs name it: without a query string or user info, which may carry a token.</summary>
    private string Shown => Endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public async Task<string> DeliverAsync(PublicationEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        using var content = new ByteArrayContent(PublicationPayload.Serialize(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        request.Headers.Add(IdempotencyHeader, envelope.IdempotencyKey);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return $"HTTP {status}";
            }

            var body = await response.Content.ReadAsStringAsync(linked.Token);
            throw new PublicationException($"{Shown} answered HTTP {status} {response.ReasonPhrase}: {Shorten(body)}");
        }
        catch (HttpRequestException e)
        {
            throw new PublicationException($"{Shown} unreachable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PublicationException($"{Shown} did not answer within {timeout.TotalSeconds:0.#} s", e);
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= ErrorBodyLimit ? oneLine : oneLine[..ErrorBodyLimit] + "…";
    }
}
