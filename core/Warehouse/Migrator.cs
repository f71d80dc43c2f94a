using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Core.Warehouse;

/// <summary>One versioned SQL migration shipped in the assembly (<c>Migrations/NNN_name.sql</c>).</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}

/// <summary>
/// Applies the shipped migrations in order, each in its own transaction together with its row in <c>schema_migrations</c>.
/// Re-running is a no-op; a migration edited after it was applied is refused, because the warehouse would no longer
/// match the code that reads it.
/// </summary>
public static class Migrator
{
    private const string ResourcePrefix = "RiskMonitor.Migrations.";

    public static IReadOnlyList<Migration> Shipped { get; } = LoadShipped();

    /// <summary>Applies what is missing; returns the versions applied by this call.</summary>
    public static IReadOnlyList<int> Apply(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.ExecuteScript("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       VARCHAR NOT NULL,
                checksum   VARCHAR NOT NULL,
                applied_at TIMESTAMP NOT NULL
            )
            """);
        var applied = connection.Query(
            "SELECT version, checksum FROM schema_migrations", r => (Version: r.GetInt32(0), Checksum: r.GetString(1)))
            .ToDictionary(p => p.Version, p => p.Checksum);

        var newlyApplied = new List<int>();
        foreach (var migration in Shipped)
        {
            if (applied.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new RiskMonitorException(
                        $"migration {migration.Version:000} ({migration.Name}) was changed after it was applied; add a new migration instead");
                }

                continue;
            }

            using var transaction = connection.BeginTransaction();
            connection.ExecuteScript(migration.Sql);
            connection.Execute(
                "INSERT INTO schema_migrations VALUES ($1, $2, $3, $4)",
                migration.Version, migration.Name, migration.Checksum, DateTime.UtcNow);
            transaction.Commit();
            newlyApplied.Add(migration.Version);
        }

        return newlyApplied;
    }

    private static List<Migration> LoadShipped()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[ResourcePrefix.Length..^4];
                var underscore = file.IndexOf('_', StringComparison.Ordinal);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new Migration(
                    int.Parse(file[..underscore], System.Globalization.CultureInfo.InvariantCulture), file[(underscore + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}
