using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Core.Data.Native;

/// <summary>A <c>const char*</c> that DuckDB owns (valid while its parent object lives): copied, never freed.</summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(LibraryOwnedUtf8Marshaller))]
internal static unsafe class LibraryOwnedUtf8Marshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Marshal.PtrToStringUTF8((nint)unmanaged);
}

/// <summary>A <c>char*</c> that the caller owns and must release with <c>duckdb_free</c>.</summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(CallerFreedUtf8Marshaller))]
internal static unsafe class CallerFreedUtf8Marshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Marshal.PtrToStringUTF8((nint)unmanaged);

    public static void Free(byte* unmanaged)
    {
        if (unmanaged != null)
        {
            NativeMethods.Free(unmanaged);
        }
    }
}
