using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RiskMonitor.Analytics.Model.Native;

/// <summary>
/// Maps the import name <c>xgboost</c> to Debian's <c>libxgboost.so.0</c> for this assembly: the package ships only the
/// versioned soname (the unversioned link comes with the -dev package), so the runtime's default probing would miss it.
/// </summary>
internal static class XgbLibraryResolver
{
    // A module initializer puts the resolver in place before the first P/Invoke, whichever type is touched first.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(XgbLibraryResolver).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library)
        {
            return nint.Zero;
        }

        foreach (var candidate in Candidates())
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle) || NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }

        return nint.Zero;
    }

    private static IEnumerable<string> Candidates()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RISKMONITOR_LIBXGBOOST");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            yield return fromEnvironment;
        }

        yield return "libxgboost.so.0";
        yield return "libxgboost.so";
    }
}
