using System.Runtime.InteropServices;
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
/// <para>DuckDB may move a vector's buffers when the chunk is reset or a list's child grows, so every pointer here is fetched
/// again after <see cref="Reset"/> and after a child is reserved. A chunk is filled by one thread at a time.</para>
/// <para>Strings longer than the 12 inline bytes are encoded straight into native blocks this chunk owns, and their records
/// point there: no native call per string. That memory lives until the chunk is reset, which is after DuckDB has appended
/// the chunk (the appender copies every string it keeps), exactly as long as the vector's own string heap would.</para>
/// </remarks>
internal sealed unsafe class WritableChunk : IDisposable
{
    private readonly ChunkColumnKind[] _kinds;
    private readonly nint[] _vectors;
    private readonly nint[] _data;
    private readonly nint[] _validity;
    private readonly nint[] _children;
    private readonly nint[] _childData;
    private readonly int[] _childSize;
    private readonly int[] _childCapacity;
    private readonly StringArena _arena = new();

    public WritableChunk(DataChunkHandle handle, ChunkColumnKind[] kinds, int capacity)
    {
        Handle = handle;
        _kinds = kinds;
        var n = kinds.Length;
        (_vectors, _data, _validity) = (new nint[n], new nint[n], new nint[n]);
        (_children, _childData) = (new nint[n], new nint[n]);
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
        _arena.Clear();
        Refresh();
    }

    /// <summary>Marks a value NULL, leaving a harmless value under it (an empty string, an empty list at the child's end)
    /// rather than whatever an earlier chunk left there.</summary>
    public void SetNull(int column, int row)
    {
        switch (_kinds[column])
        {
            case ChunkColumnKind.Varchar:
                *((DuckDbStringStruct*)_data[column] + row) = default;
                break;
            case ChunkColumnKind.VarcharList:
                *((DuckDbListEntry*)_data[column] + row) = new DuckDbListEntry { Offset = (ulong)_childSize[column], Length = 0 };
                break;
        }

        ClearBit(ref _validity[column], _vectors[column], row);
    }

    /// <summary>Marks a value valid again (a mask not yet made writable is all valid).</summary>
    public void SetValid(int column, int row)
    {
        if (_validity[column] != 0)
        {
            ((ulong*)_validity[column])[row >> 6] |= 1UL << (row & 63);
        }
    }

    public void SetBoolean(int column, int row, bool value) => ((byte*)_data[column])[row] = value ? (byte)1 : (byte)0;

    public void SetInt32(int column, int row, int value) => ((int*)_data[column])[row] = value;

    public void SetInt64(int column, int row, long value) => ((long*)_data[column])[row] = value;

    public void SetDouble(int column, int row, double value) => ((double*)_data[column])[row] = value;

    /// <summary>Writes UTF-8 bytes, which the caller has checked to be valid UTF-8 (as DuckDB requires of VARCHAR).</summary>
    public void SetString(int column, int row, ReadOnlySpan<byte> utf8) => WriteBytes((DuckDbStringStruct*)_data[column] + row, utf8);

    /// <summary>Writes UTF-16 text as UTF-8 (a lone surrogate becomes U+FFFD, as with every .NET UTF-8 encoding).</summary>
    public void SetString(int column, int row, ReadOnlySpan<char> text) => WriteText((DuckDbStringStruct*)_data[column] + row, text);

    /// <summary>Writes one row's list: its entry, then its elements at the end of the child vector. The caller has checked
    /// that no element is null: a child's validity mask is sized by DuckDB, and growing the child past it is not ours to
    /// manage.</summary>
    public void SetList(int column, int row, IReadOnlyList<string> values)
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
        var strings = (DuckDbStringStruct*)_childData[column];
        for (var i = 0; i < count; i++)
        {
            WriteText(strings + start + i, values[i]);
        }

        _childSize[column] = start + count;
    }

    private void WriteText(DuckDbStringStruct* slot, ReadOnlySpan<char> text)
    {
        *slot = default;
        // A UTF-16 code unit never takes more than 3 UTF-8 bytes: four characters always fit inline.
        if (text.Length * 3 <= DuckDbStringStruct.InlineLength)
        {
            slot->Length = (uint)Encoding.UTF8.GetBytes(text, new Span<byte>(slot->Inlined, DuckDbStringStruct.InlineLength));
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var room = _arena.Reserve(max);
        var length = Encoding.UTF8.GetBytes(text, new Span<byte>(room, max));
        Point(slot, room, length);
        if (length > DuckDbStringStruct.InlineLength)
        {
            _arena.Commit(length);
        }
    }

    private void WriteBytes(DuckDbStringStruct* slot, ReadOnlySpan<byte> utf8)
    {
        *slot = default;
        if (utf8.Length <= DuckDbStringStruct.InlineLength)
        {
            slot->Length = (uint)utf8.Length;
            utf8.CopyTo(new Span<byte>(slot->Inlined, DuckDbStringStruct.InlineLength));
            return;
        }

        var room = _arena.Reserve(utf8.Length);
        utf8.CopyTo(new Span<byte>(room, utf8.Length));
        Point(slot, room, utf8.Length);
        _arena.Commit(utf8.Length);
    }

    /// <summary>Fills a string record for <paramref name="length"/> bytes at <paramref name="bytes"/>: inline when they fit
    /// (the unused tail stays zero, since DuckDB compares inline strings by all 16 bytes), else as length, 4-byte prefix and
    /// pointer.</summary>
    private static void Point(DuckDbStringStruct* slot, byte* bytes, int length)
    {
        slot->Length = (uint)length;
        if (length <= DuckDbStringStruct.InlineLength)
        {
            new ReadOnlySpan<byte>(bytes, length).CopyTo(new Span<byte>(slot->Inlined, DuckDbStringStruct.InlineLength));
            return;
        }

        new ReadOnlySpan<byte>(bytes, 4).CopyTo(new Span<byte>(slot->Inlined, 4));
        slot->Pointer = bytes;
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
    }

    private static void Check(DuckDbState state, string what)
    {
        if (state != DuckDbState.Success)
        {
            throw new DuckDbException($"DuckDB could not {what} in a data chunk");
        }
    }

    public void Dispose()
    {
        Handle.Dispose();
        _arena.Dispose();
    }

    /// <summary>Native blocks that strings are written into, reused chunk after chunk; freed with the chunk.</summary>
    private sealed class StringArena : IDisposable
    {
        private const int BlockSize = 256 * 1024;

        private readonly List<nint> _blocks = [];
        private readonly List<nint> _oversized = [];
        private int _block = -1;
        private int _used = BlockSize;
        private bool _oversizedPending;

        /// <summary>Room for at least <paramref name="bytes"/> bytes; <see cref="Commit"/> says how many were taken.</summary>
        public byte* Reserve(int bytes)
        {
            if (bytes > BlockSize)
            {
                var big = (nint)NativeMemory.Alloc((nuint)bytes);
                _oversized.Add(big);
                _oversizedPending = true;
                return (byte*)big;
            }

            if (_used + bytes > BlockSize)
            {
                if (++_block == _blocks.Count)
                {
                    _blocks.Add((nint)NativeMemory.Alloc(BlockSize));
                }

                _used = 0;
            }

            _oversizedPending = false;
            return (byte*)_blocks[_block] + _used;
        }

        public void Commit(int bytes)
        {
            if (!_oversizedPending)
            {
                _used += bytes;
            }
        }

        public void Clear()
        {
            foreach (var big in _oversized)
            {
                NativeMemory.Free((void*)big);
            }

            _oversized.Clear();
            (_block, _used) = (-1, BlockSize);
        }

        public void Dispose()
        {
            Clear();
            foreach (var block in _blocks)
            {
                NativeMemory.Free((void*)block);
            }

            _blocks.Clear();
        }
    }
}
