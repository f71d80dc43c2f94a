using RiskMonitor.Warnings.Approval;

namespace RiskMonitor.App.Dashboard;

/// <summary>
/// The dashboard's three roles, as the role claim carries them. They are the warning lifecycle's roles (<see cref="UserRole"/>):
/// one account list (configuration section <c>Users</c>) serves the dashboard and the CLI alike.
/// </summary>
public static class DashboardRoles
{
    /// <summary>Risk analysts: read everything and download exports.</summary>
    public static readonly string Analyst = UserRole.Analyst.Code();

    /// <summary>Approvers: what analysts do, and approve warnings with their notices.</summary>
    public static readonly string Approver = UserRole.Approver.Code();

    /// <summary>Viewers: read only.</summary>
    public static readonly string Viewer = UserRole.Viewer.Code();

    public static IReadOnlyList<string> All { get; } = [Analyst, Approver, Viewer];
}
