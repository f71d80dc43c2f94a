using Microsoft.Extensions.Logging;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>Log events of publishing (event ids 3001–3099).</summary>
internal static partial class PublishingLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Enqueued {Count} deliveries of approved notices")]
    public static partial void Enqueued(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Approved notice {NoticeId} is not published: {Reason}")]
    public static partial void Refused(ILogger logger, long noticeId, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Delivered notice {NoticeId} to {Channel} ({Receipt})")]
    public static partial void Delivered(ILogger logger, long noticeId, string channel, string receipt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Delivery of notice {NoticeId} to {Channel} failed (attempt {Attempt}); next attempt at {NextAttemptUtc:O}: {Error}")]
    public static partial void AttemptFailed(ILogger logger, long noticeId, string channel, int attempt, DateTime nextAttemptUtc, string error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Gave up delivering notice {NoticeId} to {Channel} after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, Exception exception, long noticeId, string channel, int attempts, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Outbox row {Key} cancelled: notice {NoticeId} is {Status}")]
    public static partial void Cancelled(ILogger logger, string key, long noticeId, string status);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Published notice {NoticeId} on every channel ({Channels})")]
    public static partial void Published(ILogger logger, long noticeId, string channels);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "No publication channel is enabled: approved notices wait")]
    public static partial void NoChannels(ILogger logger);
}
