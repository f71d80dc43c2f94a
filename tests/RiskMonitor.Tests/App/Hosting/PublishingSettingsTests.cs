using Microsoft.Extensions.Configuration;
using RiskMonitor.App.Configuration;

namespace RiskMonitor.Tests.App.Hosting;

public sealed class PublishingSettingsTests
{
    private static RiskMonitorSettings Bind(Dictionary<string, string?> values) =>
        RiskMonitorSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Defaults_FolderOnUnderOut_WebhookOff_PublishEveryMinute_WatchDaily_AndValid()
    {
        var settings = Bind([]);

        settings.Publishing.Channels.Folder.Should().Match<FolderChannelSettings>(f => f.Enabled && f.Path == "out/published");
        settings.Publishing.Channels.Webhook.Enabled.Should().BeFalse();
        settings.Scheduler.PublishCron.Should().Be("0 * * * * ?");
        settings.Scheduler.DeadlineWatchCron.Should().Be("0 30 7 * * ?");
        SettingsValidation.Problems(settings).Should().BeEmpty();
    }

    [Fact]
    public void Sections_BindChannelsRetryPolicyAndCrons()
    {
        var settings = Bind(new()
        {
            ["Publishing:Channels:Folder:Enabled"] = "false",
            ["Publishing:Channels:Webhook:Enabled"] = "true",
            ["Publishing:Channels:Webhook:Url"] = "https://cms.example.gov.cn/hooks/notices",
            ["Publishing:Channels:Webhook:MaxAttempts"] = "5",
            ["Publishing:Channels:Webhook:BaseBackoff"] = "00:01:00",
            ["Publishing:Channels:Webhook:Timeout"] = "00:00:10",
            ["Scheduler:PublishCron"] = "0 */5 * * * ?",
        });

        var webhook = settings.Publishing.Channels.Webhook;
        settings.Publishing.Channels.Folder.Enabled.Should().BeFalse();
        webhook.Url.Should().Be(new Uri("https://cms.example.gov.cn/hooks/notices"));
        webhook.Policy().Should().Be(new RiskMonitor.Warnings.Publishing.DeliveryPolicy(5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.Zero));
        webhook.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        settings.Scheduler.PublishCron.Should().Be("0 */5 * * * ?");
        SettingsValidation.Problems(settings).Should().BeEmpty();
    }

    [Fact]
    public void Problems_AreAllReportedAtOnce()
    {
        var settings = Bind(new()
        {
            ["Scheduler:DeadlineWatchCron"] = "daily",
            ["Publishing:Channels:Folder:Path"] = "",
            ["Publishing:Channels:Folder:BaseBackoff"] = "00:00:00",
            ["Publishing:Channels:Webhook:Enabled"] = "true",
            ["Publishing:Channels:Webhook:Url"] = "ftp://example.org/x",
        });

        SettingsValidation.Problems(settings).Should().HaveCount(4)
            .And.Contain(p => p.StartsWith("Scheduler:DeadlineWatchCron", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("Publishing:Channels:Folder:Path", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("Publishing:Channels:Folder:BaseBackoff", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("Publishing:Channels:Webhook:Url", StringComparison.Ordinal));
    }
}
