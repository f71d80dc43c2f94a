using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;

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

    /// <remarks>
    /// The approval itself is the warning lifecycle's, with all its rules (never one's own draft, a whole round at once,
    /// document number, feedback deadline, audit). The signed-in account, already authorised as an approver by the
    /// dashboard's policy, acts under its own name, and the lifecycle checks its role once more.
    /// </remarks>
    private static IResult Approve(long id, ClaimsPrincipal user, UserDirectory users, LifecycleOptions options, RiskWarehouse warehouse, TimeProvider time)
    {
        var actor = user.Identity?.Name ?? string.Empty;
        using var connection = warehouse.Connect();
        var warning = WarningStore.Warning(connection, id);
        if (warning is null)
        {
            return Results.NotFound();
        }

        var drafts = WarningStore.Drafts(connection).Where(n => n.WarningId == id).ToList();
        if (drafts.Count == 0)
        {
            DashboardAudit.Write(warehouse, time, actor, DashboardRoles.Approver, "approve", $"warning:{id}", "refused", $"status {warning.Status}");
            return Results.Problem("该预警没有待审批的通知。", statusCode: StatusCodes.Status409Conflict);
        }

        // The lifecycle checks the role again against the same account list the sign-in used.
        var lifecycle = new WarningLifecycle(connection, warehouse.Reference, users, time, options);
        try
        {
            foreach (var draft in drafts)
            {
                lifecycle.Approve(draft.NoticeId, actor);
            }
        }
        catch (ActionRefusedException refused)
        {
            // The lifecycle has already written the refusal to the audit log.
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Ok(new { id, status = WarningStore.Warning(connection, id)!.Status.Code() });
    }
}
