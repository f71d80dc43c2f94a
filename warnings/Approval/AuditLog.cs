using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.Approval;

/// <summary>One row of <c>audit_log</c>.</summary>
public sealed record AuditEntry(long AuditId, DateTime LoggedAt, string Actor, string? Role, string Action, string? Target, string Outcome, string? Detail);

/// <summary>The audit log: who did what to which warning or notice, when, and whether it was allowed (outcome ok or refused).</summary>
public static class AuditLog
{
    public const string Ok = "ok";
    public const string Refused = "refused";

    public static void Write(DuckDbConnection connection, DateTime at, string actor, string? role, string action, string target, string outcome, string detail)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute(
            "INSERT INTO audit_log (audit_id, logged_at, actor, role, action, target, outcome, detail) VALUES (nextval('seq_audit_id'), $1, $2, $3, $4, $5, $6, $7)",
            at, actor, role, action, target, outcome, detail);
    }

    public static void Write(DuckDbConnection connection, DateTime at, Actor actor, string action, string target, string outcome, string detail)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Write(connection, at, actor.Name, actor.Role.Code(), action, target, outcome, detail);
    }

    /// <summary>Entries about one target (<c>notice:7</c>, <c>warning:3</c>), oldest first.</summary>
    public static List<AuditEntry> For(DuckDbConnection connection, string target)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query(
            "SELECT audit_id, logged_at, actor, role, action, target, outcome, detail FROM audit_log WHERE target = $1 ORDER BY audit_id",
            r => new AuditEntry(r.GetInt64(0), r.GetDateTime(1), r.GetString(2), r.GetStringOrNull(3), r.GetString(4), r.GetStringOrNull(5), r.GetString(6), r.GetStringOrNull(7)),
            target);
    }
}
