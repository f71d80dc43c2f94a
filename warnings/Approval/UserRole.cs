namespace RiskMonitor.Warnings.Approval;

/// <summary>What a user may do with warnings and notices. Enforced by the lifecycle service, whatever the front end.</summary>
public enum UserRole
{
    /// <summary>Reads warnings, notices and history; may change nothing.</summary>
    Viewer,

    /// <summary>Drafts notices (for example a lifting request); cannot approve.</summary>
    Analyst,

    /// <summary>Approves or rejects notices drafted by someone else; may draft too, but never approves their own draft.</summary>
    Approver,

    /// <summary>The product itself: the monthly analysis that drafts proposals and the job that publishes approved notices. Never approves.</summary>
    System,
}

/// <summary>Who is acting: a configured user with a role, or the system.</summary>
public sealed record Actor(string Name, UserRole Role)
{
    /// <summary>The name the monthly analysis and the publication job act under.</summary>
    public const string SystemName = "system";

    public static Actor System { get; } = new(SystemName, UserRole.System);
}

public static class UserRoles
{
    /// <summary>The code stored in <c>audit_log.role</c> and written in configuration.</summary>
    public static string Code(this UserRole role) => role switch
    {
        UserRole.Viewer => "viewer",
        UserRole.Analyst => "analyst",
        UserRole.Approver => "approver",
        _ => "system",
    };

    public static string ChineseName(this UserRole role) => role switch
    {
        UserRole.Viewer => "查看者",
        UserRole.Analyst => "分析员",
        UserRole.Approver => "审批人",
        _ => "系统",
    };

    /// <summary>Parses a configured role: analyst, approver or viewer (any case), or the Chinese name. The system role cannot be configured.</summary>
    public static bool TryParse(string? text, out UserRole role)
    {
        var t = (text ?? string.Empty).Trim();
        foreach (var candidate in new[] { UserRole.Viewer, UserRole.Analyst, UserRole.Approver })
        {
            if (string.Equals(t, candidate.Code(), StringComparison.OrdinalIgnoreCase) || t == candidate.ChineseName())
            {
                role = candidate;
                return true;
            }
        }

        role = UserRole.Viewer;
        return false;
    }
}
