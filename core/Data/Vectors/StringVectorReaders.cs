using System.Text;
using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data.Vectors;

/// <summary>VARCHAR and BLOB: 16-byte string records, inline up to 12 bytes, otherwise pointing into the chunk's heap.</summary>
internal sealed unsafe class VarcharVectorReader(DuckDbType type) : VectorReader(type)
{
    public override Type ClrType => Type == DuckDbType.Blob ? typeof(byte[]) : typeof(string);

    private static ReadOnlySpan<byte> Bytes(DuckDbStringStruct* s) =>
        s->Length <= DuckDbStringStruct.InlineLength
            ? new ReadOnlySpan<byte>(s->Inlined, (int)s->Length)
            : new ReadOnlySpan<byte>(s->Pointer, checked((int)s->Length));

    public override string GetString(int row) => Encoding.UTF8.GetString(Bytes((DuckDbStringStruct*)Data + row));

    public override object GetValue(int row) =>
        Type == DuckDbType.Blob ? Bytes((DuckDbStringStruct*)Data + row).ToArray() : GetString(row);
}

/// <summary>ENUM: a small integer index into the type's dictionary, read once per query.</summary>
internal sealed unsafe class EnumVectorReader : VectorReader
{
    private readonly string[] _dictionary;
    private readonly DuckDbType _internalType;

    private EnumVectorReader(string[] dictionary, DuckDbType internalType) : base(DuckDbType.Enum)
    {
        _dictionary = dictionary;
        _internalType = internalType;
    }

    public static EnumVectorReader ForType(LogicalTypeHandle type)
    {
        var size = NativeMethods.EnumDictionarySize(type);
        var dictionary = new string[size];
        for (var i = 0u; i < size; i++)
        {
            dictionary[i] = NativeMethods.EnumDictionaryValue(type, i) ?? string.Empty;
        }

        return new EnumVectorReader(dictionary, NativeMethods.EnumInternalType(type));
    }

    public override Type ClrType => typeof(string);

    public override string GetString(int row)
    {
        var index = _internalType switch
        {
            DuckDbType.UTinyInt => ((byte*)Data)[row],
            DuckDbType.USmallInt => ((ushort*)Data)[row],
            _ => (int)((uint*)Data)[row],
        };
        return _dictionary[index];
    }

    public override object GetValue(int row) => GetString(row);
}

/// <summary>LIST(T): offsets and lengths into a child vector, read by the child type's own reader.</summary>
internal sealed unsafe class ListVectorReader : VectorReader
{
    private readonly VectorReader _child;

    private ListVectorReader(VectorReader child) : base(DuckDbType.List) => _child = child;

    public static ListVectorReader ForType(LogicalTypeHandle type)
    {
        using var childType = NativeMethods.ListTypeChildType(type);
        return new ListVectorReader(VectorReader.Create(childType));
    }

    public override Type ClrType => typeof(object?[]);

    public override void Attach(nint vector)
    {
        base.Attach(vector);
        _child.Attach(NativeMethods.ListVectorGetChild(vector));
    }

    /// <summary>The row's elements, NULL elements as null.</summary>
    public object?[] GetList(int row)
    {
        var entry = ((DuckDbListEntry*)Data)[row];
        var items = new object?[entry.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var childRow = checked((int)entry.Offset + i);
            items[i] = _child.IsValid(childRow) ? _child.GetValue(childRow) : null;
        }

        return items;
    }

    /// <summary>The row's elements as strings (for LIST of VARCHAR).</summary>
    public string?[] GetStringList(int row)
    {
        var entry = ((DuckDbListEntry*)Data)[row];
        var items = new string?[entry.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var childRow = checked((int)entry.Offset + i);
            items[i] = _child.IsValid(childRow) ? _child.GetString(childRow) : null;
        }

        return items;
    }

    public override object GetValue(int row) => GetList(row);
}
