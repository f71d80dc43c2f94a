using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Hosting;

/// <summary>Builds the publication channels from <see cref="PublishingSettings"/>, for the host and for <c>riskmonitor publish</c>.</summary>
public static class PublishingServices
{
    private const string HttpClientKey = "publishing";

    /// <summary>The enabled channels, folder first, each with its delivery policy.</summary>
    public static IReadOnlyList<PublicationRoute> Routes(PublishingSettings settings, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var channels = settings.Channels;
        var routes = new List<PublicationRoute>();
        if (channels.Folder.Enabled)
        {
            routes.Add(new PublicationRoute(new FolderChannel(channels.Folder.Path, time), channels.Folder.Policy()));
        }

        if (channels.Webhook.Enabled)
        {
            var url = channels.Webhook.Url ?? throw new ArgumentException("Publishing:Channels:Webhook:Url is not set", nameof(settings));
            routes.Add(new PublicationRoute(new WebhookChannel(http, url, channels.Webhook.Timeout, time), channels.Webhook.Policy()));
        }

        return routes;
    }

    /// <summary>An HTTP client for webhooks: timeouts are per channel (set by the channel), connections are recycled.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };

    public static IServiceCollection AddPublishing(this IServiceCollection services, RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddKeyedSingleton(HttpClientKey, (_, _) => CreateHttpClient());
        services.AddSingleton(sp => new OutboxPublisher(
            sp.GetRequiredService<RiskWarehouse>(),
            Routes(settings.Publishing, sp.GetRequiredKeyedService<HttpClient>(HttpClientKey), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxPublisher>>()));
        return services;
    }
}
