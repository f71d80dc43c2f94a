using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data;

/// <summary>How to open a database.</summary>
/// <param name="ReadOnly">Open without write access (analysts' ad-hoc SQL).</param>
/// <param name="Threads">Worker threads; DuckDB's default (all cores) when null.</param>
/// <param name="MemoryLimit">For example "4GB"; DuckDB's default (80% of RAM) when null.</param>
/// <param name="AllowExternalAccess">When false, SQL cannot read or write files other than the database.</param>
public sealed record DuckDbOptions(bool ReadOnly = false, int? Threads = null, string? MemoryLimit = null, bool AllowExternalAccess = true);

/// <summary>
/// One DuckDB database (a file or <c>:memory:</c>). Thread-safe: hand one <see cref="DuckDbConnection"/> to each thread.
/// </summary>
/// <remarks>DuckDB lets one process own a database file; several connections in that process share it.</remarks>
public sealed class DuckDbDatabase : IDisposable
{
    public const string InMemory = ":memory:";

    private readonly DatabaseHandle _handle;

    private DuckDbDatabase(DatabaseHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The file path, or <see cref="InMemory"/>.</summary>
    public string Path { get; }

    /// <summary>DuckDB's own version string, such as <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => NativeMethods.LibraryVersion() ?? "unknown";

    public static unsafe DuckDbDatabase Open(string path, DuckDbOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DuckDbOptions();
        if (path != InMemory && !options.ReadOnly)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        if (NativeMethods.CreateConfig(out var config) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not create a configuration object");
        }

        using (config)
        {
            foreach (var (name, value) in ConfigEntries(options))
            {
                if (NativeMethods.SetConfig(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException($"DuckDB rejected configuration {name}={value}");
                }
            }

            var state = NativeMethods.OpenExt(path, out var handle, config, out var error);
            try
            {
                if (state != DuckDbState.Success)
                {
                    handle.Dispose();
                    var message = CallerFreedUtf8Marshaller.ConvertToManaged(error);
                    throw DuckDbException.From(message, $"DuckDB could not open {path}");
                }
            }
            finally
            {
                CallerFreedUtf8Marshaller.Free(error);
            }

            return new DuckDbDatabase(handle, path);
        }
    }

    private static IEnumerable<(string Name, string Value)> ConfigEntries(DuckDbOptions options)
    {
        if (options.ReadOnly)
        {
            yield return ("access_mode", "READ_ONLY");
        }

        if (options.Threads is { } threads)
        {
            yield return ("threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (options.MemoryLimit is { } limit)
        {
            yield return ("memory_limit", limit);
        }

        if (!options.AllowExternalAccess)
        {
            yield return ("enable_external_access", "false");
        }
    }

    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (NativeMethods.Connect(_handle, out var connection) != DuckDbState.Success)
        {
            connection.Dispose();
            throw new DuckDbException($"DuckDB could not connect to {Path}");
        }

        return new DuckDbConnection(connection, this);
    }

    public void Dispose() => _handle.Dispose();
}
