using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Dashboard;

/// <summary>
/// <c>POST /api/warnings/{id}/approve</c>: an approver approves a proposed warning and its draft notices (Art. 8: nothing
/// is published without approval). Viewers and analysts get 403 (audited as refused by the sign-in layer);
/// every approval is audited with the warning.
/// </summary>
public static class ApprovalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/warnings/{id:long}/approve", Approve)
            .RequireAuthorization(DashboardSetup.ApprovePolicy)
            .RequireAntiforgeryToken();
    }

    private static IResult Approve(long id, ClaimsPrincipal user, RiskWarehouse warehouse, TimeProvider time)
    {
        var actor = user.Identity?.Name ?? string.Empty;
        var now = time.GetUtcNow().UtcDateTime;
        using var connection = warehouse.Connect();
        using var transaction = connection.BeginTransaction();
        var current = connection.Query("SELECT status, level FROM warnings WHERE warning_id = $1", r => (Status: r.GetString(0), Level: r.GetInt32(1)), id);
        if (current.Count == 0)
        {
            return Results.NotFound();
        }

        if (current[0].Status != "proposed")
        {
            transaction.Dispose();
            DashboardAudit.Write(warehouse, time, actor, DashboardRoles.Approver, "approve", $"warning:{id}", "refused", $"status {current[0].Status}");
            return Results.Problem("该预警不处于待审批状态。", statusCode: StatusCodes.Status409Conflict);
        }

        connection.Execute("UPDATE warnings SET status = 'approved', updated_at = $2 WHERE warning_id = $1", id, now);
        connection.Execute("UPDATE notices SET status = 'approved', approved_by = $2, approved_at = $3 WHERE warning_id = $1 AND status = 'draft'", id, actor, now);
        connection.Execute(
            """
            INSERT INTO warning_events VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM warning_events WHERE warning_id = $1), $2, $3, 'approve', $4, $4, '仪表盘审批')
            """,
            id, now, actor, current[0].Level);
        connection.Execute("INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, $3, 'approve', $4, 'ok', NULL)", now, actor, DashboardRoles.Approver, $"warning:{id}");
        transaction.Commit();
        return Results.Ok(new { id, status = "approved" });
    }
}
