using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Analytics.Model.Native;

/// <summary>
/// A <c>const char*</c> that XGBoost owns (thread-local storage, overwritten by the next call on the same thread or
/// booster): copied at once, never freed. XGBoost exports no function to free strings; nothing it returns is ours to free.
/// </summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(LibraryOwnedUtf8Marshaller))]
internal static unsafe class LibraryOwnedUtf8Marshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Marshal.PtrToStringUTF8((nint)unmanaged);
}
