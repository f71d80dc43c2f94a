using System.Security.Cryptography;
using System.Text;
using RiskMonitor.Core;

namespace RiskMonitor.App.Configuration;

/// <summary>
/// The key for complainants' keyed hashes: from configuration (<c>Privacy:HashKey</c>, at least 16 bytes of text) or, when
/// none is configured, a random key created once in a file beside the warehouse (readable by its owner only) and reused,
/// so that the same person links across batches without any key living in the repository.
/// </summary>
public static class HashKeyStore
{
    public static byte[] Resolve(RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrEmpty(settings.Privacy.HashKey))
        {
            var configured = Encoding.UTF8.GetBytes(settings.Privacy.HashKey);
            return configured.Length >= 16
                ? configured
                : throw new RiskMonitorException("配置项 Privacy:HashKey 过短（至少 16 字节）");
        }

        var databasePath = settings.Warehouse.Path;
        if (databasePath == Core.Data.DuckDbDatabase.InMemory)
        {
            return RandomNumberGenerator.GetBytes(32);
        }

        var keyPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", "riskmonitor.hashkey");
        if (File.Exists(keyPath))
        {
            return Convert.FromBase64String(File.ReadAllText(keyPath).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = keyPath + ".partial";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, keyPath, overwrite: false);
        return key;
    }
}
