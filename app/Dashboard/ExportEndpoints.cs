using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Exports;

namespace RiskMonitor.App.Dashboard;

/// <summary>
/// <c>GET /api/export/{view}.csv|.xlsx</c>: any table view, with the same filters, as a download. CSV cells that a
/// spreadsheet would evaluate are neutralised; XLSX cells are typed text. Analysts and approvers only.
/// </summary>
public static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/export/{view}.{format}", Export).RequireAuthorization(DashboardSetup.ExportPolicy);
    }

    private static IResult Export(string view, string format, HttpRequest request, DuckDbConnectionPool pool, TimeProvider time)
    {
        if (format is not ("csv" or "xlsx") || DataEndpoints.Load(view, request, pool, time) is not { } table)
        {
            return Results.NotFound();
        }

        var name = $"{table.Name}-{time.GetLocalNow():yyyyMMdd-HHmm}.{format}";
        var buffer = new MemoryStream();
        if (format == "csv")
        {
            CsvTable.Write(table, buffer);
        }
        else
        {
            XlsxTable.Write(table, buffer, table.Name);
        }

        buffer.Position = 0;
        return Results.File(buffer, format == "csv" ? "text/csv; charset=utf-8" : XlsxTable.ContentType, name);
    }
}
