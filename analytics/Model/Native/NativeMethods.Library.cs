using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Analytics.Model.Native;

// Library: version and error reporting. https://xgboost.readthedocs.io/en/release_1.7.0/c.html (section "Library")
internal static unsafe partial class NativeMethods
{
    internal const string Library = "xgboost";

    /// <summary>Cannot fail, and returns nothing: the three numbers are written through the pointers.</summary>
    [LibraryImport(Library, EntryPoint = "XGBoostVersion")]
    internal static partial void Version(out int major, out int minor, out int patch);

    /// <summary>Message of the last failed call on this thread; owned by XGBoost.</summary>
    [LibraryImport(Library, EntryPoint = "XGBGetLastError")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? GetLastError();
}
