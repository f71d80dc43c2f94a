using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Hosting;

/// <summary><c>GET /api/publishing</c>: the outbox by status and the notices waiting or published, for operators.</summary>
public static class PublishingEndpoints
{
    public static IEndpointRouteBuilder MapPublishing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/publishing", (RiskWarehouse warehouse) =>
        {
            using var connection = warehouse.Connect();
            var outbox = PublicationOutbox.Counts(connection);
            var notices = connection.Query(
                "SELECT status, count(*) FROM notices WHERE status IN ('approved', 'published') GROUP BY status",
                r => (r.GetString(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
            return Results.Ok(new
            {
                pending = outbox.GetValueOrDefault("pending"),
                delivered = outbox.GetValueOrDefault("delivered"),
                failed = outbox.GetValueOrDefault("failed"),
                cancelled = outbox.GetValueOrDefault("cancelled"),
                approvedNotices = notices.GetValueOrDefault("approved"),
                publishedNotices = notices.GetValueOrDefault("published"),
            });
        });
        return endpoints;
    }
}
