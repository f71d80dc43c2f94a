using System.Text;
using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data.Vectors;

/// <summary>What the chunk appender writes into one column: the physical layout it fills.</summary>
internal enum ChunkColumnKind
{
    Boolean,
    Int32,
    Int64,
    Double,
    Date,
    Timestamp,
    Varchar,
    VarcharList,
}

/// <summary>
/// One data chunk being filled by .NET code: the vectors' data pointers, validity masks made writable on the first NULL, and
/// for VARCHAR[] columns the child vector with its running size and reserved capacity.
/// </summary>
/// <remarks>
/// DuckDB may move a vector's buffers when the chunk is reset or a list's child grows, so every pointer here is fetched again
/// after <see cref="Reset"/> and after a child is reserved. A chunk is filled by one thread at a time.
/// </remarks>
internal sealed unsafe class WritableChunk : IDisposable
{
    private readonly ChunkColumnKind[] _kinds;
    private readonly nint[] _vectors;
    private readonly nint[] _data;
    private readonly nint[] _validity;
    private readonly nint[] _children;
    private readonly nint[] _childData;
    private readonly nint[] _childValidity;
    private readonly int[] _childSize;
    private readonly int[] _childCapacity;

    public WritableChunk(DataChunkHandle handle, ChunkColumnKind[] kinds, int capacity)
    {
        Handle = handle;
        _kinds = kinds;
        var n = kinds.Length;
        (_vectors, _data, _validity) = (new nint[n], new nint[n], new nint[n]);
        (_children, _childData, _childValidity) = (new nint[n], new nint[n], new nint[n]);
        (_childSize, _childCapacity) = (new int[n], new int[n]);
        for (var c = 0; c < n; c++)
        {
            _childCapacity[c] = capacity;
        }

        Refresh();
    }

    public DataChunkHandle Handle { get; }

    /// <summary>Sets the chunk's row count (and its lists' child sizes) before it is handed to the appender.</summary>
    public void Seal(int rows)
    {
        for (var c = 0; c < _kinds.Length; c++)
        {
            if (_kinds[c] == ChunkColumnKind.VarcharList)
            {
                Check(NativeMethods.ListVectorSetSize(_vectors[c], (ulong)_childSize[c]), "set the size of a list");
            }
        }

        NativeMethods.DataChunkSetSize(Handle, (ulong)rows);
    }

    /// <summary>Empties the chunk for the next rows: all values valid again, strings and list elements released.</summary>
    public void Reset()
    {
        NativeMethods.DataChunkReset(Handle);
        Refresh();
    }

    public void SetNull(int column, int row) => ClearBit(ref _validity[column], _vectors[column], row);

    public void SetBoolean(int column, int row, bool value) => ((byte*)_data[column])[row] = value ? (byte)1 : (byte)0;

    public void SetInt32(int column, int row, int value) => ((int*)_data[column])[row] = value;

    public void SetInt64(int column, int row, long value) => ((long*)_data[column])[row] = value;

    public void SetDouble(int column, int row, double value) => ((double*)_data[column])[row] = value;

    public void SetString(int column, int row, ReadOnlySpan<byte> utf8) => WriteString(_vectors[column], (DuckDbStringStruct*)_data[column] + row, row, utf8);

    /// <summary>Writes UTF-16 text as UTF-8: straight into the 16-byte record when it is sure to fit inline, else through
    /// <paramref name="scratch"/> (grown as needed).</summary>
    public void SetString(int column, int row, ReadOnlySpan<char> text, ref byte[] scratch) =>
        WriteText(_vectors[column], (DuckDbStringStruct*)_data[column] + row, row, text, ref scratch);

    /// <summary>Writes one row's list: its entry, then its elements at the end of the child vector.</summary>
    public void SetList(int column, int row, IReadOnlyList<string?> values, ref byte[] scratch)
    {
        var start = _childSize[column];
        var count = values.Count;
        if (start + count > _childCapacity[column])
        {
            var capacity = Math.Max(_childCapacity[column] * 2, start + count);
            Check(NativeMethods.ListVectorReserve(_vectors[column], (ulong)capacity), "reserve list elements");
            _childCapacity[column] = capacity;
            FetchChild(column);
        }

        var entry = (DuckDbListEntry*)_data[column] + row;
        entry->Offset = (ulong)start;
        entry->Length = (ulong)count;
        var child = _children[column];
        var strings = (DuckDbStringStruct*)_childData[column];
        for (var i = 0; i < count; i++)
        {
            var at = start + i;
            if (values[i] is { } value)
            {
                WriteText(child, strings + at, at, value, ref scratch);
            }
            else
            {
                *(strings + at) = default;
                ClearBit(ref _childValidity[column], child, at);
            }
        }

        _childSize[column] = start + count;
    }

    private static void WriteText(nint vector, DuckDbStringStruct* slot, int row, ReadOnlySpan<char> text, ref byte[] scratch)
    {
        // A UTF-16 code unit never takes more than 3 UTF-8 bytes: four characters always fit the inline 12.
        if (text.Length * 3 <= DuckDbStringStruct.InlineLength)
        {
            *slot = default;
            slot->Length = (uint)Encoding.UTF8.GetBytes(text, new Span<byte>(slot->Inlined, DuckDbStringStruct.InlineLength));
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (scratch.Length < max)
        {
            scratch = new byte[Math.Max(max, scratch.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, scratch);
        WriteString(vector, slot, row, scratch.AsSpan(0, length));
    }

    private static void WriteString(nint vector, DuckDbStringStruct* slot, int row, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= DuckDbStringStruct.InlineLength)
        {
            // Inline strings are compared by their whole 16 bytes, so the unused tail must be zero.
            *slot = default;
            slot->Length = (uint)utf8.Length;
            utf8.CopyTo(new Span<byte>(slot->Inlined, DuckDbStringStruct.InlineLength));
            return;
        }

        // Longer strings live in the vector's own heap, which DuckDB copies into with the string's length.
        fixed (byte* p = utf8)
        {
            NativeMethods.VectorAssignStringElement(vector, (ulong)row, p, (ulong)utf8.Length);
        }
    }

    private static void ClearBit(ref nint validity, nint vector, int row)
    {
        if (validity == 0)
        {
            NativeMethods.VectorEnsureValidityWritable(vector);
            validity = (nint)NativeMethods.VectorGetValidity(vector);
        }

        ((ulong*)validity)[row >> 6] &= ~(1UL << (row & 63));
    }

    private void Refresh()
    {
        for (var c = 0; c < _kinds.Length; c++)
        {
            _vectors[c] = NativeMethods.DataChunkGetVector(Handle, (ulong)c);
            _data[c] = (nint)NativeMethods.VectorGetData(_vectors[c]);
            _validity[c] = 0;
            if (_kinds[c] == ChunkColumnKind.VarcharList)
            {
                // After a reset the child may be back to its initial size: reserve what this chunk has needed before.
                Check(NativeMethods.ListVectorReserve(_vectors[c], (ulong)_childCapacity[c]), "reserve list elements");
                _childSize[c] = 0;
                FetchChild(c);
            }
        }
    }

    private void FetchChild(int column)
    {
        _children[column] = NativeMethods.ListVectorGetChild(_vectors[column]);
        _childData[column] = (nint)NativeMethods.VectorGetData(_children[column]);
        _childValidity[column] = 0;
    }

    private static void Check(DuckDbState state, string what)
    {
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException($"DuckDB could not {what} in a data chunk");
        }
    }

    public void Dispose() => Handle.Dispose();
}
