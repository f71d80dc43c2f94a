using System.Globalization;
using System.Text.RegularExpressions;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>The one place an idempotency key is made: <c>rm-{source}-notice-{id}-{channel}</c>.</summary>
/// <remarks>
/// The key names the warehouse (its random <c>publication_source</c>), the notice and the channel, so it is stable
/// across attempts, restarts and crashes, distinct between channels, and never reused by another warehouse. It uses
/// only <c>[a-z0-9-]</c>, so the folder channel can use it as a file name as it is.
/// </remarks>
public static partial class IdempotencyKey
{
    public static string For(string sourceId, long noticeId, string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        if (!IsChannelName(channel))
        {
            throw new ArgumentException($"channel name '{channel}' must be lower-case letters, digits and dashes", nameof(channel));
        }

        return string.Create(CultureInfo.InvariantCulture, $"rm-{sourceId}-notice-{noticeId}-{channel}");
    }

    /// <summary>Whether <paramref name="name"/> can be a channel name (and so part of a key and a file name).</summary>
    public static bool IsChannelName(string? name) => name is not null && ChannelName().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex ChannelName();
}
