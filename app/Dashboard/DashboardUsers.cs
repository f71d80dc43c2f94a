using System.Security.Cryptography;
using System.Text;

namespace RiskMonitor.App.Dashboard;

/// <summary>The dashboard's three roles.</summary>
public static class DashboardRoles
{
    /// <summary>Risk analysts: read everything and download exports.</summary>
    public const string Analyst = "analyst";

    /// <summary>Approvers: what analysts do, and approve warnings with their notices.</summary>
    public const string Approver = "approver";

    /// <summary>Viewers: read only.</summary>
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Analyst, Approver, Viewer];
}

/// <summary>One dashboard account: a name, one role, and a PBKDF2 password hash (never the password).</summary>
public sealed class DashboardUser
{
    public string Name { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c>, salt and hash in Base64; see <see cref="PasswordHash"/>.</summary>
    public string PasswordHash { get; set; } = string.Empty;
}

/// <summary>Dashboard settings (section <c>Dashboard</c>): the accounts that may sign in.</summary>
public sealed class DashboardSettings
{
    public const string Section = "Dashboard";

    public List<DashboardUser> Users { get; set; } = [];

    /// <summary>The account of that name when the password matches its hash; null otherwise (same work either way).</summary>
    public DashboardUser? Verify(string? name, string? password)
    {
        var user = Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal) && DashboardRoles.All.Contains(u.Role));
        // An unknown name still pays for one hash, so that response time does not tell which names exist.
        var ok = RiskMonitor.App.Dashboard.PasswordHash.Verify(password ?? string.Empty, user?.PasswordHash ?? PasswordHash.Unusable);
        return user is not null && ok ? user : null;
    }
}

/// <summary>PBKDF2-HMAC-SHA256 password hashes in the form <c>pbkdf2-sha256$iterations$salt$hash</c>.</summary>
public static class PasswordHash
{
    public const int DefaultIterations = 210_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A well-formed hash that no password matches (its hash part is random).</summary>
    public static string Unusable { get; } = Format(DefaultIterations, RandomNumberGenerator.GetBytes(SaltBytes), RandomNumberGenerator.GetBytes(HashBytes));

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Format(iterations, salt, Derive(password, salt, iterations));
    }

    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (encoded ?? string.Empty).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 10_000 or > 10_000_000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            return expected.Length == HashBytes && CryptographicOperations.FixedTimeEquals(Derive(password, salt, iterations), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Format(int iterations, byte[] salt, byte[] hash) =>
        $"{Scheme}${iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
}
