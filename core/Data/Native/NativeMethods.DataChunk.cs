using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace RiskMonitor.Core.Data.Native;

// Data chunks, vectors, validity masks and logical types.
// https://duckdb.org/docs/stable/clients/c/data_chunk and https://duckdb.org/docs/stable/clients/c/vector
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_size")]
    internal static partial ulong DataChunkGetSize(DataChunkHandle chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_set_size")]
    internal static partial void DataChunkSetSize(DataChunkHandle chunk, ulong size);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_reset")]
    internal static partial void DataChunkReset(DataChunkHandle chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    internal static partial nint DataChunkGetVector(DataChunkHandle chunk, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_create_data_chunk")]
    internal static partial DataChunkHandle CreateDataChunk(nint* types, ulong columnCount);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_data_chunk")]
    internal static partial void DestroyDataChunk(nint* chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_size")]
    internal static partial ulong VectorSize();

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    internal static partial void* VectorGetData(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    internal static partial ulong* VectorGetValidity(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    internal static partial void VectorEnsureValidityWritable(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_assign_string_element_len")]
    internal static partial void VectorAssignStringElement(nint vector, ulong index, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_get_child")]
    internal static partial nint ListVectorGetChild(nint vector);

    /// <summary>Grows a list vector's child to hold at least <paramref name="capacity"/> elements; data and validity
    /// pointers of the child must be fetched again afterwards.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_reserve")]
    internal static partial DuckDbState ListVectorReserve(nint vector, ulong capacity);

    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_set_size")]
    internal static partial DuckDbState ListVectorSetSize(nint vector, ulong size);

    [LibraryImport(Library, EntryPoint = "duckdb_create_logical_type")]
    internal static partial LogicalTypeHandle CreateLogicalType(DuckDbType type);

    [LibraryImport(Library, EntryPoint = "duckdb_get_type_id")]
    internal static partial DuckDbType GetTypeId(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_width")]
    internal static partial byte DecimalWidth(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_scale")]
    internal static partial byte DecimalScale(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_internal_type")]
    internal static partial DuckDbType DecimalInternalType(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_internal_type")]
    internal static partial DuckDbType EnumInternalType(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_dictionary_size")]
    internal static partial uint EnumDictionarySize(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_dictionary_value")]
    [return: MarshalUsing(typeof(CallerFreedUtf8Marshaller))]
    internal static partial string? EnumDictionaryValue(LogicalTypeHandle type, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_list_type_child_type")]
    internal static partial LogicalTypeHandle ListTypeChildType(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_logical_type")]
    internal static partial void DestroyLogicalType(nint* type);
}
