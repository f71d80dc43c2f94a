using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Configuration;

/// <summary>Where approved notices are published, and how hard each channel is tried (section <c>Publishing</c>).</summary>
public sealed class PublishingSettings
{
    public PublishingChannelsSettings Channels { get; set; } = new();
}

/// <summary>The channels (section <c>Publishing:Channels</c>); each is switched on with its <c>Enabled</c> flag.</summary>
public sealed class PublishingChannelsSettings
{
    public FolderChannelSettings Folder { get; set; } = new();

    public WebhookChannelSettings Webhook { get; set; } = new();
}

/// <summary>What every channel has: a switch, and the retry policy the outbox applies to it.</summary>
public abstract class ChannelSettings
{
    public bool Enabled { get; set; }

    /// <summary>Attempts before a delivery is marked failed and left to an operator.</summary>
    public int MaxAttempts { get; set; } = DeliveryPolicy.Default.MaxAttempts;

    /// <summary>Wait after the first failure; doubled after each further one.</summary>
    public TimeSpan BaseBackoff { get; set; } = DeliveryPolicy.Default.BaseBackoff;

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = DeliveryPolicy.Default.MaxBackoff;

    /// <summary>Pause between two deliveries on this channel, for receivers that limit their rate.</summary>
    public TimeSpan PauseBetweenDeliveries { get; set; } = TimeSpan.Zero;

    public DeliveryPolicy Policy() => new(MaxAttempts, BaseBackoff, MaxBackoff, PauseBetweenDeliveries);
}

/// <summary>The drop folder: one JSON file per notice and <c>manifest.jsonl</c> (on by default, under <c>out/published</c>).</summary>
public sealed class FolderChannelSettings : ChannelSettings
{
    public FolderChannelSettings() => Enabled = true;

    public string Path { get; set; } = "out/published";
}

/// <summary>The webhook: a POST of JSON with an <c>Idempotency-Key</c> header (off until a URL is given).</summary>
public sealed class WebhookChannelSettings : ChannelSettings
{
    public Uri? Url { get; set; }

    /// <summary>How long one request may take before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
