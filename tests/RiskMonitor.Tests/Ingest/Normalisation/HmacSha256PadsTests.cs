using System.Security.Cryptography;
using System.Text;
using RiskMonitor.Ingest.Normalisation;

namespace RiskMonitor.Tests.Ingest.Normalisation;

/// <summary>The managed HMAC-SHA256 gives the same bytes as the platform's, for every message length around the block and
/// padding boundaries and for keys shorter than, equal to and longer than a block.</summary>
public sealed class HmacSha256PadsTests
{

    [Theory]
    [InlineData(16)]
    [InlineData(35)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Compute_EveryMessageLengthUpTo300Bytes_MatchesHmacSha256(int keyLength)
    {
        var key = Enumerable.Range(0, keyLength).Select(i => (byte)(i * 7 + 3)).ToArray();
        using var pads = new HmacSha256Pads(key);
        var hash = new byte[32];
        for (var length = 0; length <= 300; length++)
        {
            var message = Enumerable.Range(0, length).Select(i => (byte)(i * 31 + length)).ToArray();

            pads.Compute(message, hash);

            hash.Should().Equal(HMACSHA256.HashData(key, message), $"a {length}-byte message under a {keyLength}-byte key");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(2048)]
    public void ComputeMany_MixedLengths_MatchesHmacSha256ForEveryMessage(int count)
    {
        var key = Encoding.UTF8.GetBytes("ingest-tests-hash-key-0123456789");
        using var pads = new HmacSha256Pads(key);
        // Lengths cycle through 0..120, so groups of short messages (side by side) and long ones (one by one) interleave.
        var messages = Enumerable.Range(0, count)
            .Select(i => Enumerable.Range(0, i * 37 % 121).Select(j => (byte)(i + (j * 13))).ToArray()).ToArray();
        var data = messages.SelectMany(m => m).ToArray();
        var lengths = messages.Select(m => m.Length).ToArray();
        var starts = new int[count];
        for (var i = 1; i < count; i++)
        {
            starts[i] = starts[i - 1] + lengths[i - 1];
        }

        var hashes = new byte[32 * count];
        pads.ComputeMany(data, starts, lengths, hashes);

        for (var i = 0; i < count; i++)
        {
            hashes.AsSpan(32 * i, 32).ToArray().Should().Equal(HMACSHA256.HashData(key, messages[i]), $"message {i} of {lengths[i]} bytes");
        }
    }

    [Fact]
    public void Compute_Rfc4231TestCase2_GivesThePublishedMac()
    {
        // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?".
        using var pads = new HmacSha256Pads("Jefe"u8);
        var hash = new byte[32];

        pads.Compute("what do ya want for nothing?"u8, hash);

        Convert.ToHexStringLower(hash).Should().Be("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    [Fact]
    public void Compute_ConcurrentCallers_GetTheirOwnResults()
    {
        var key = Encoding.UTF8.GetBytes("ingest-tests-hash-key-0123456789");
        using var pads = new HmacSha256Pads(key);

        Parallel.For(0, 20_000, i =>
        {
            var message = Encoding.UTF8.GetBytes("tel:138" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
            var hash = new byte[32];
            pads.Compute(message, hash);
            hash.Should().Equal(HMACSHA256.HashData(key, message));
        });
    }
}
