using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Core.Data.Native;

// Startup, configuration and connections. https://duckdb.org/docs/stable/clients/c/connect
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    [LibraryImport(Library, EntryPoint = "duckdb_library_version")]
    [return: MarshalUsing(typeof(LibraryOwnedUtf8Marshaller))]
    internal static partial string? LibraryVersion();

    [LibraryImport(Library, EntryPoint = "duckdb_open_ext", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState OpenExt(string path, out DatabaseHandle database, ConfigHandle config, out byte* error);

    [LibraryImport(Library, EntryPoint = "duckdb_close")]
    internal static partial void Close(nint* database);

    [LibraryImport(Library, EntryPoint = "duckdb_connect")]
    internal static partial DuckDbState Connect(DatabaseHandle database, out ConnectionHandle connection);

    [LibraryImport(Library, EntryPoint = "duckdb_disconnect")]
    internal static partial void Disconnect(nint* connection);

    [LibraryImport(Library, EntryPoint = "duckdb_interrupt")]
    internal static partial void Interrupt(ConnectionHandle connection);

    [LibraryImport(Library, EntryPoint = "duckdb_create_config")]
    internal static partial DuckDbState CreateConfig(out ConfigHandle config);

    [LibraryImport(Library, EntryPoint = "duckdb_set_config", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState SetConfig(ConfigHandle config, string name, string option);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_config")]
    internal static partial void DestroyConfig(nint* config);

    [LibraryImport(Library, EntryPoint = "duckdb_free")]
    internal static partial void Free(void* pointer);
}
