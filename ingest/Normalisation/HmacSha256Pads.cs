using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>
/// HMAC-SHA256 (RFC 2104 over FIPS 180-4) for many short messages under one key, in managed code: the compression of the
/// key's inner and outer pad blocks is done once, so a message of up to 55 bytes costs two SHA-256 block compressions.
/// </summary>
/// <remarks>
/// The platform's <see cref="HMACSHA256"/> goes to OpenSSL for every message, and that call's fixed cost (about 0.7 µs)
/// is many times the hashing of a phone number itself. The results are the same bytes as <see cref="HMACSHA256"/>'s.
/// <para><see cref="ComputeMany"/> hashes a batch: with 512-bit vectors, 16 short messages go through the compressions
/// side by side, one per vector lane, several times faster again than one at a time.</para>
/// An instance keeps no state between calls and may be shared by threads; disposing it erases the key's pad states.
/// </remarks>
internal sealed class HmacSha256Pads : IDisposable
{
    public const int HashBytes = 32;
    private const int BlockBytes = 64;

    // FIPS 180-4, 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    // FIPS 180-4, 5.3.3: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
    private static readonly uint[] InitialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    private readonly uint[] _inner = new uint[8];
    private readonly uint[] _outer = new uint[8];

    public HmacSha256Pads(ReadOnlySpan<byte> key)
    {
        // RFC 2104: a key longer than the block is hashed first; the key block is zero-padded and XORed with 0x36 / 0x5c.
        Span<byte> block = stackalloc byte[BlockBytes];
        block.Clear();
        if (key.Length > BlockBytes)
        {
            SHA256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<byte> pad = stackalloc byte[BlockBytes];
        for (var i = 0; i < BlockBytes; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x36);
        }

        InitialState.CopyTo(_inner, 0);
        Compress(_inner, pad);
        for (var i = 0; i < BlockBytes; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x5c);
        }

        InitialState.CopyTo(_outer, 0);
        Compress(_outer, pad);
        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(pad);
    }

    /// <summary>Writes HMAC-SHA256(key, <paramref name="message"/>) into the first 32 bytes of <paramref name="hash"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, HashBytes, nameof(hash));
        Span<uint> state = stackalloc uint[8];
        _inner.CopyTo(state);
        Finish(state, message, BlockBytes);

        Span<byte> digest = stackalloc byte[HashBytes];
        WriteState(state, digest);
        _outer.CopyTo(state);
        Finish(state, digest, BlockBytes);
        WriteState(state, hash);
    }

    /// <summary>Messages of up to this many bytes fit one block after the key's pad block, with the padding.</summary>
    private const int MaxOneBlockMessage = BlockBytes - 9;

    private const int Lanes = 16;

    /// <summary>Whether <see cref="ComputeMany"/> hashes 16 short messages at once on this machine.</summary>
    public static bool HashesSideBySide => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Computes the HMAC of every message <c>data[starts[i] .. starts[i] + lengths[i]]</c> into <c>hashes[32 i .. 32 i + 32]</c>.
    /// </summary>
    public void ComputeMany(ReadOnlySpan<byte> data, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, Span<byte> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(lengths.Length, starts.Length, nameof(lengths));
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, HashBytes * starts.Length, nameof(hashes));
        Span<int> group = stackalloc int[Lanes];
        var grouped = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            if (HashesSideBySide && lengths[i] <= MaxOneBlockMessage)
            {
                group[grouped++] = i;
                if (grouped == Lanes)
                {
                    ComputeSideBySide(data, starts, lengths, group, hashes);
                    grouped = 0;
                }
            }
            else
            {
                Compute(data.Slice(starts[i], lengths[i]), hashes.Slice(HashBytes * i, HashBytes));
            }
        }

        // A short last group is hashed one by one: filling the lanes would cost as much.
        foreach (var i in group[..grouped])
        {
            Compute(data.Slice(starts[i], lengths[i]), hashes.Slice(HashBytes * i, HashBytes));
        }
    }

    /// <summary>Sixteen messages of one block each, lane by lane: the inner hash, then the outer over its digest.</summary>
    private unsafe void ComputeSideBySide(ReadOnlySpan<byte> data, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<int> group, Span<byte> hashes)
    {
        var blocks = stackalloc byte[Lanes * BlockBytes];
        new Span<byte>(blocks, Lanes * BlockBytes).Clear();
        for (var lane = 0; lane < Lanes; lane++)
        {
            var i = group[lane];
            var block = new Span<byte>(blocks + (lane * BlockBytes), BlockBytes);
            data.Slice(starts[i], lengths[i]).CopyTo(block);
            block[lengths[i]] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - 8)..], (ulong)(BlockBytes + lengths[i]) * 8);
        }

        var w = stackalloc Vector512<uint>[64];
        var lanes = stackalloc uint[Lanes];
        for (var t = 0; t < 16; t++)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                lanes[lane] = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(blocks + (lane * BlockBytes) + (4 * t)));
            }

            w[t] = Vector512.Load(lanes);
        }

        var state = stackalloc Vector512<uint>[8];
        for (var j = 0; j < 8; j++)
        {
            state[j] = Vector512.Create(_inner[j]);
        }

        Compress(state, w);

        // The outer block: the inner digest's eight words, the 0x80 marker, zeros and the length (64 + 32 bytes) in bits.
        for (var j = 0; j < 8; j++)
        {
            w[j] = state[j];
            state[j] = Vector512.Create(_outer[j]);
        }

        w[8] = Vector512.Create(0x80000000u);
        for (var t = 9; t < 15; t++)
        {
            w[t] = Vector512<uint>.Zero;
        }

        w[15] = Vector512.Create((uint)(BlockBytes + HashBytes) * 8);
        Compress(state, w);

        for (var j = 0; j < 8; j++)
        {
            state[j].Store(lanes);
            for (var lane = 0; lane < Lanes; lane++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(hashes[((HashBytes * group[lane]) + (4 * j))..], lanes[lane]);
            }
        }
    }

    /// <summary>The compression function over 16 blocks at once; <paramref name="w"/> holds their first 16 words.</summary>
    private static unsafe void Compress(Vector512<uint>* state, Vector512<uint>* w)
    {
        for (var t = 16; t < 64; t++)
        {
            var x = w[t - 15];
            var y = w[t - 2];
            var s0 = Rotate(x, 7) ^ Rotate(x, 18) ^ Vector512.ShiftRightLogical(x, 3);
            var s1 = Rotate(y, 17) ^ Rotate(y, 19) ^ Vector512.ShiftRightLogical(y, 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        Vector512<uint> a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            var sum1 = Rotate(e, 6) ^ Rotate(e, 11) ^ Rotate(e, 25);
            var choose = (e & f) ^ Vector512.AndNot(g, e);
            var t1 = h + sum1 + choose + Vector512.Create(k[t]) + w[t];
            var sum0 = Rotate(a, 2) ^ Rotate(a, 13) ^ Rotate(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + sum0 + majority;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Rotate(Vector512<uint> x, [ConstantExpected] byte n) =>
        Avx512F.IsSupported ? Avx512F.RotateRight(x, n) : Vector512.ShiftRightLogical(x, n) | Vector512.ShiftLeft(x, 32 - n);

    /// <summary>Hashes the rest of a message of which <paramref name="before"/> bytes (whole blocks) were already compressed:
    /// its whole blocks, then the last bytes with the 0x80 marker, zeros and the total length in bits.</summary>
    private static void Finish(Span<uint> state, ReadOnlySpan<byte> message, long before)
    {
        var total = before + message.Length;
        while (message.Length >= BlockBytes)
        {
            Compress(state, message[..BlockBytes]);
            message = message[BlockBytes..];
        }

        Span<byte> tail = stackalloc byte[2 * BlockBytes];
        tail.Clear();
        message.CopyTo(tail);
        tail[message.Length] = 0x80;
        var length = message.Length + 1 + 8 <= BlockBytes ? BlockBytes : 2 * BlockBytes;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(length - 8)..], (ulong)total * 8);
        Compress(state, tail[..BlockBytes]);
        if (length > BlockBytes)
        {
            Compress(state, tail[BlockBytes..]);
        }
    }

    private static void WriteState(ReadOnlySpan<uint> state, Span<byte> output)
    {
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output[(4 * i)..], state[i]);
        }
    }

    /// <summary>The SHA-256 compression function (FIPS 180-4, 6.2.2) of one 64-byte block into <paramref name="state"/>.</summary>
    /// <remarks>Unsafe pointers keep bounds checks out of the 64 rounds, which are most of an HMAC's cost.</remarks>
    private static unsafe void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        var w = stackalloc uint[64];
        fixed (byte* input = block)
        {
            for (var t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(input + (4 * t)));
            }
        }

        for (var t = 16; t < 64; t++)
        {
            var x = w[t - 15];
            var y = w[t - 2];
            var s0 = BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);
            var s1 = BitOperations.RotateRight(y, 17) ^ BitOperations.RotateRight(y, 19) ^ (y >> 10);
            w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
        }

        fixed (uint* h0 = state)
        fixed (uint* k = RoundConstants)
        {
            uint a = h0[0], b = h0[1], c = h0[2], d = h0[3], e = h0[4], f = h0[5], g = h0[6], h = h0[7];
            for (var t = 0; t < 64; t++)
            {
                var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
                var choose = (e & f) ^ (~e & g);
                var t1 = unchecked(h + sum1 + choose + k[t] + w[t]);
                var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
                var majority = (a & b) ^ (a & c) ^ (b & c);
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + sum0 + majority);
            }

            unchecked
            {
                h0[0] += a;
                h0[1] += b;
                h0[2] += c;
                h0[3] += d;
                h0[4] += e;
                h0[5] += f;
                h0[6] += g;
                h0[7] += h;
            }
        }
    }

    public void Dispose()
    {
        Array.Clear(_inner);
        Array.Clear(_outer);
    }
}
