using Microsoft.Extensions.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;

namespace RiskMonitor.App.Configuration;

/// <summary>One configured user (an entry of the <c>Users</c> section).</summary>
public sealed class UserSettings
{
    public string Name { get; set; } = string.Empty;

    /// <summary>analyst, approver or viewer (or 分析员, 审批人, 查看者).</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>pbkdf2-sha256$ITERATIONS$SALT$HASH, as <see cref="PasswordHasher.Hash"/> writes it.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>A demonstration account: the CLI says so whenever it acts; delete it in production.</summary>
    public bool DemoOnly { get; set; }
}

/// <summary>
/// The warnings' settings: the users who may act on warnings (section <c>Users</c>, until the dashboard has its own
/// sign-in store) and the lifecycle options (section <c>WarningLifecycle</c>), read from the same sources as every other setting.
/// </summary>
public static class WarningsConfiguration
{
    public const string UsersSection = "Users";
    public const string LifecycleSection = "WarningLifecycle";

    public static IConfiguration Sources() => RiskMonitorSettings.AddRiskMonitorSources(new ConfigurationBuilder()).Build();

    /// <summary>The user directory; throws naming every bad entry at once.</summary>
    public static UserDirectory Users(IConfiguration? configuration = null)
    {
        var entries = (configuration ?? Sources()).GetSection(UsersSection).Get<List<UserSettings>>() ?? [];
        var errors = new List<string>();
        var accounts = new List<UserAccount>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (!UserRoles.TryParse(e.Role, out var role))
            {
                errors.Add($"第{i + 1}个用户“{e.Name}”的角色“{e.Role}”无法识别（应为 analyst、approver 或 viewer）");
            }

            accounts.Add(new UserAccount(e.Name, role, e.PasswordHash, e.DemoOnly));
        }

        errors.AddRange(UserDirectory.Validate(accounts));
        return errors.Count > 0 ? throw new RiskMonitorException("用户配置有误：" + string.Join("；", errors)) : new UserDirectory(accounts);
    }

    /// <summary>The lifecycle options, defaults for anything not configured; throws naming every bad value at once.</summary>
    public static LifecycleOptions Lifecycle(IConfiguration? configuration = null) =>
        ((configuration ?? Sources()).GetSection(LifecycleSection).Get<LifecycleOptions>() ?? LifecycleOptions.Default).Validated();
}
