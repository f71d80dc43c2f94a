using System.Runtime.InteropServices;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>
/// Complainant keys of one data chunk, hashed together when the chunk is complete: rows are appended with an empty
/// placeholder, and <see cref="Complete"/> writes every key of the chunk into its column at once, so the keyed hashes run
/// side by side (see <see cref="HmacSha256Pads.ComputeMany"/>).
/// </summary>
internal sealed class ComplainantKeyBatch(PersonalData personalData)
{
    private readonly List<int> _rows = [];
    private readonly List<int> _starts = [];
    private readonly List<int> _lengths = [];
    private byte[] _texts = new byte[16 * 1024];
    private byte[] _hashes = [];
    private int _used;

    /// <summary>Remembers the key text of a row of the current chunk; false when the row has no key (its value is NULL).</summary>
    public bool Add(int row, string? name, string? phone)
    {
        var max = PersonalData.MaxKeyBasisBytes(name, phone);
        if (_texts.Length - _used < max)
        {
            Array.Resize(ref _texts, Math.Max(_texts.Length * 2, _used + max));
        }

        var length = PersonalData.KeyBasis(name, phone, _texts.AsSpan(_used));
        if (length == 0)
        {
            return false;
        }

        _rows.Add(row);
        _starts.Add(_used);
        _lengths.Add(length);
        _used += length;
        return true;
    }

    /// <summary>Hashes the remembered texts and writes each key (lowercase hex) into <paramref name="column"/> of its row.</summary>
    public void Complete(DuckDbChunkAppender target, int column)
    {
        var count = _rows.Count;
        if (_hashes.Length < count * HmacSha256Pads.HashBytes)
        {
            _hashes = new byte[Math.Max(count, 2048) * HmacSha256Pads.HashBytes];
        }

        personalData.HashMany(_texts.AsSpan(0, _used), CollectionsMarshal.AsSpan(_starts), CollectionsMarshal.AsSpan(_lengths), _hashes);
        Span<byte> hex = stackalloc byte[2 * PersonalData.KeyBytes];
        for (var i = 0; i < count; i++)
        {
            Convert.TryToHexStringLower(_hashes.AsSpan(i * HmacSha256Pads.HashBytes, PersonalData.KeyBytes), hex, out _);
            target.SetText(_rows[i], column, hex);
        }

        _rows.Clear();
        _starts.Clear();
        _lengths.Clear();
        _used = 0;
    }
}
