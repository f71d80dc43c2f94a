using RiskMonitor.Core;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// Somewhere approved notices go: a drop folder, a webhook, and whatever is added later. The outbox calls a channel once
/// per attempt; the channel either takes the notice (and returns a receipt) or throws.
/// </summary>
/// <remarks>
/// A channel must be idempotent per <see cref="PublicationEnvelope.IdempotencyKey"/>: after a crash between the channel
/// taking a notice and the outbox recording it, the same envelope is delivered again, and the far side must end up with
/// one copy. A channel that cannot promise this itself must pass the key on to a receiver that can (as the webhook
/// does with its <c>Idempotency-Key</c> header).
/// </remarks>
public interface IPublicationChannel
{
    /// <summary>Stable lower-case name (<c>folder</c>, <c>webhook</c>): stored in the outbox and part of every key.</summary>
    string Name { get; }

    /// <summary>Delivers one notice; returns a short receipt (the file written, the HTTP status). Throws on failure.</summary>
    Task<string> DeliverAsync(PublicationEnvelope envelope, CancellationToken cancellationToken);
}

/// <summary>One approved notice bound for one channel: everything a channel sends, and nothing that varies by attempt.</summary>
/// <remarks>Nothing here changes from one attempt to the next, so a receiver that compares the bodies of requests carrying
/// the same key sees identical ones.</remarks>
public sealed record PublicationEnvelope(
    string IdempotencyKey,
    string Channel,
    long NoticeId,
    long WarningId,
    string Kind,
    int Level,
    string Title,
    string BodyMarkdown,
    string ApprovedBy,
    DateTime ApprovedAtUtc,
    DateOnly? FeedbackDeadline);

/// <summary>A channel could not deliver a notice; the message says why, for the outbox row's <c>last_error</c>.</summary>
public sealed class PublicationException : RiskMonitorException
{
    public PublicationException() { }

    public PublicationException(string message) : base(message) { }

    public PublicationException(string message, Exception inner) : base(message, inner) { }
}
