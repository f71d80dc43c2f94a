using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Dashboard;

/// <summary>Writes the dashboard's sign-ins and actions, allowed or refused, to <c>audit_log</c>.</summary>
public static class DashboardAudit
{
    public static void Write(RiskWarehouse warehouse, TimeProvider time, string actor, string? role, string action, string? target, string outcome, string? detail)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(time);
        using var connection = warehouse.Connect();
        connection.Execute(
            "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, $3, $4, $5, $6, $7)",
            time.GetUtcNow().UtcDateTime, Truncate(actor), role, action, target, outcome, detail);
    }

    // A name typed at the sign-in form is untrusted: keep the log bounded.
    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64];
}
