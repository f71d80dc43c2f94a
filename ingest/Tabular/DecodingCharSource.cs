using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Decoded text of a file, handed out in pieces.</summary>
internal interface ICharSource : IDisposable
{
    /// <summary>Bytes of the file whose text has been handed out (or is about to be).</summary>
    long BytesRead { get; }

    /// <summary>Fills part of <paramref name="destination"/> (at least 4 chars long); 0 only at the end of the file.</summary>
    int Read(Span<char> destination);
}

/// <summary>Reads and decodes a stream on the caller's thread, block by block.</summary>
internal sealed class DecodingCharSource : ICharSource
{
    public const int ByteBlock = 64 * 1024;

    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private readonly byte[] _bytes = new byte[ByteBlock];
    private int _byteStart;
    private int _byteEnd;
    private bool _streamDone;

    public DecodingCharSource(Stream stream, Encoding encoding)
    {
        _stream = stream;
        _decoder = encoding.GetDecoder();
    }

    public long BytesRead { get; private set; }

    public int Read(Span<char> destination)
    {
        while (true)
        {
            if (_byteStart == _byteEnd && !_streamDone)
            {
                _byteStart = 0;
                _byteEnd = _stream.Read(_bytes, 0, _bytes.Length);
                BytesRead += _byteEnd;
                _streamDone = _byteEnd == 0;
            }

            _decoder.Convert(
                _bytes.AsSpan(_byteStart, _byteEnd - _byteStart), destination, _streamDone,
                out var bytesUsed, out var charsUsed, out var completed);
            _byteStart += bytesUsed;
            if (charsUsed > 0 || (_streamDone && completed))
            {
                return charsUsed;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
