using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Exports;

namespace RiskMonitor.App.Dashboard;

/// <summary>
/// The read-only JSON API: every endpoint sits in the group that requires a signed-in dashboard role. Answers are served from
/// <see cref="DashboardCache"/> until the warehouse changes; authorisation runs before the cache on every request.
/// </summary>
public static class DataEndpoints
{
    /// <summary>The table views by name, as the page, the API and the exports know them.</summary>
    public static IReadOnlyDictionary<string, Func<DuckDbConnection, DashboardFilter, DateOnly, TableData>> Tables { get; } =
        new Dictionary<string, Func<DuckDbConnection, DashboardFilter, DateOnly, TableData>>(StringComparer.Ordinal)
        {
            ["risks"] = (c, f, _) => DashboardQueries.Risks(c, f),
            ["producers"] = (c, f, _) => DashboardQueries.Producers(c, f),
            ["warnings"] = (c, f, _) => DashboardQueries.Warnings(c, f),
            ["followup"] = DashboardQueries.FollowUp,
            ["batches"] = (c, f, _) => DashboardQueries.Batches(c, f),
            ["quarantine"] = (c, f, _) => DashboardQueries.Quarantine(c, f),
        };

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/meta", (RiskWarehouse warehouse) => Results.Ok(DashboardQueries.Meta(warehouse.Reference)));
        api.MapGet("/months", (DuckDbConnectionPool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(DashboardQueries.Months(lease.Connection).Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        }).CachedJson();
        api.MapGet("/overview", (HttpRequest request, RiskWarehouse warehouse, DuckDbConnectionPool pool) =>
        {
            using var lease = pool.Rent();
            var connection = lease.Connection;
            var month = DashboardFilter.From(request).Month ?? DashboardQueries.Months(connection).FirstOrDefault();
            return month == default ? Results.Ok(new { month = (string?)null }) : Results.Ok(DashboardQueries.Overview(connection, month, warehouse.Reference));
        }).CachedJson();
        api.MapGet("/risks/{id:long}", (long id, RiskWarehouse warehouse, DuckDbConnectionPool pool) =>
        {
            using var lease = pool.Rent();
            return DashboardQueries.RiskDetail(lease.Connection, id, warehouse.Reference) is { } detail ? Results.Ok(detail) : Results.NotFound();
        }).CachedJson();
        api.MapGet("/tables/{name}", (string name, HttpRequest request, DuckDbConnectionPool pool, TimeProvider time) =>
            Load(name, request, pool, time) is { } table
                ? Results.Ok(new { name = table.Name, columns = table.Columns, rows = table.Rows })
                : Results.NotFound()).CachedJson();
    }

    /// <summary>Runs the named table view with the request's filters; null for an unknown name.</summary>
    public static TableData? Load(string name, HttpRequest request, DuckDbConnectionPool pool, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(time);
        if (!Tables.TryGetValue(name, out var query))
        {
            return null;
        }

        using var lease = pool.Rent();
        return query(lease.Connection, DashboardFilter.From(request), DateOnly.FromDateTime(time.GetLocalNow().DateTime));
    }
}
