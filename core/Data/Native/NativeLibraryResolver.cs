using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RiskMonitor.Core.Data.Native;

/// <summary>
/// Finds the native libraries the product binds: DuckDB (<c>libduckdb.so</c>, fetched by <c>./riskmonitor</c> into
/// <c>.native/</c> and copied next to every build output) and XGBoost (Debian's <c>libxgboost.so.0</c>, which has no
/// unversioned name without the -dev package).
/// </summary>
internal static class NativeLibraryResolver
{
    // A module initializer guarantees the resolver is in place before the first P/Invoke, whichever entry point runs first.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        foreach (var candidate in Candidates(name))
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle) || NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }

        return nint.Zero;
    }

    private static IEnumerable<string> Candidates(string name)
    {
        switch (name)
        {
            case NativeMethods.Library:
                var fromEnvironment = Environment.GetEnvironmentVariable("RISKMONITOR_LIBDUCKDB");
                if (!string.IsNullOrEmpty(fromEnvironment))
                {
                    yield return fromEnvironment;
                }

                yield return Path.Combine(AppContext.BaseDirectory, "libduckdb.so");
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    var local = Path.Combine(dir.FullName, ".native", "libduckdb.so");
                    if (File.Exists(local))
                    {
                        yield return local;
                        yield break;
                    }
                }

                break;
            case "xgboost":
                yield return "libxgboost.so.0";
                yield return "libxgboost.so";
                break;
        }
    }
}
