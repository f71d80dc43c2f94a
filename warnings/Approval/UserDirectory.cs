using RiskMonitor.Core;

namespace RiskMonitor.Warnings.Approval;

/// <summary>A configured user: sign-in name, role and PBKDF2 password hash (<see cref="PasswordHasher"/>).</summary>
/// <param name="DemoOnly">A demonstration account that must not exist in production.</param>
public sealed record UserAccount(string Name, UserRole Role, string PasswordHash, bool DemoOnly = false)
{
    public Actor Actor => new(Name, Role);
}

/// <summary>
/// The users who may act on warnings, from configuration (section <c>Users</c>) for now. Names compare ignoring case.
/// The directory refuses to exist with a bad entry, and names every bad entry at once.
/// </summary>
public sealed class UserDirectory
{
    private readonly Dictionary<string, UserAccount> _users;

    public UserDirectory(IEnumerable<UserAccount> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var list = users.ToList();
        var errors = Validate(list);
        if (errors.Count > 0)
        {
            throw new RiskMonitorException("用户配置有误：" + string.Join("；", errors));
        }

        _users = list.ToDictionary(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    public static UserDirectory Empty { get; } = new([]);

    public IReadOnlyCollection<UserAccount> Users => _users.Values;

    public UserAccount? Find(string? name) =>
        name is not null && _users.TryGetValue(name.Trim(), out var user) ? user : null;

    /// <summary>The user when the password matches the stored hash; null otherwise (for the dashboard's sign-in).</summary>
    /// <remarks>An unknown name still pays for one full hash, so the time taken does not tell which names exist.</remarks>
    public UserAccount? Authenticate(string? name, string? password)
    {
        var user = Find(name);
        var matches = PasswordHasher.Verify(password ?? string.Empty, user?.PasswordHash ?? UnknownUserHash.Value);
        return user is not null && matches ? user : null;
    }

    private static readonly Lazy<string> UnknownUserHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString("N")));

    /// <summary>Every problem with the entries, in Chinese; empty when they are all usable.</summary>
    public static List<string> Validate(IReadOnlyList<UserAccount> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var errors = new List<string>();
        for (var i = 0; i < users.Count; i++)
        {
            var u = users[i];
            var label = string.IsNullOrWhiteSpace(u.Name) ? $"第{i + 1}个用户" : $"用户“{u.Name}”";
            if (string.IsNullOrWhiteSpace(u.Name))
            {
                errors.Add($"{label}缺少用户名");
            }
            else if (string.Equals(u.Name.Trim(), Actor.SystemName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{label}：“{Actor.SystemName}”为系统保留名");
            }

            if (u.Role == UserRole.System)
            {
                errors.Add($"{label}：不能配置为系统角色");
            }

            if (!PasswordHasher.IsWellFormed(u.PasswordHash))
            {
                errors.Add($"{label}的密码哈希格式不正确（应为 {PasswordHasher.Scheme}$迭代次数$盐$哈希）");
            }
        }

        errors.AddRange(users.Where(u => !string.IsNullOrWhiteSpace(u.Name))
            .GroupBy(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"用户名“{g.Key}”重复"));
        return errors;
    }
}
