using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Decodes a large file on a background thread while the caller parses what is already decoded.</summary>
/// <remarks>
/// Transcoding (UTF-8 or GB18030 to UTF-16) costs about as much as splitting and allocating the fields, so overlapping the
/// two nearly halves the time of a big import. A few fixed blocks circulate between the threads: memory stays flat.
/// </remarks>
internal sealed class BackgroundCharSource : ICharSource
{
    private const int BlockChars = 64 * 1024;
    private const int BlockCount = 4;

    private readonly ICharSource _inner;
    private readonly BlockingCollection<Block> _decoded = new(BlockCount);
    private readonly BlockingCollection<char[]> _free = new(BlockCount);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;
    private Block _current = new([], 0, 0);
    private int _position;
    private bool _done;
    private bool _disposed;

    public BackgroundCharSource(ICharSource inner)
    {
        _inner = inner;
        for (var i = 0; i < BlockCount; i++)
        {
            _free.Add(new char[BlockChars]);
        }

        _thread = new Thread(Produce) { IsBackground = true, Name = "RiskMonitor CSV decoder" };
        _thread.Start();
    }

    public long BytesRead => _current.BytesThrough;

    public int Read(Span<char> destination)
    {
        while (_position == _current.Length)
        {
            if (_done)
            {
                return 0;
            }

            if (_current.Chars.Length > 0)
            {
                _free.Add(_current.Chars);
            }

            if (!_decoded.TryTake(out var next, Timeout.Infinite))
            {
                _done = true;
                _failure?.Throw();
                return 0;
            }

            (_current, _position) = (next, 0);
        }

        var count = Math.Min(destination.Length, _current.Length - _position);
        _current.Chars.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        return count;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _decoded.Dispose();
        _free.Dispose();
        _inner.Dispose();
    }

    private void Produce()
    {
        try
        {
            var token = _stop.Token;
            var atEnd = false;
            while (!atEnd)
            {
                var chars = _free.Take(token);
                var length = 0;
                while (BlockChars - length >= 4)
                {
                    var read = _inner.Read(chars.AsSpan(length));
                    if (read == 0)
                    {
                        atEnd = true;
                        break;
                    }

                    length += read;
                }

                _decoded.Add(new Block(chars, length, _inner.BytesRead), token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed before the end of the file: nobody is waiting for the rest.
        }
        catch (Exception ex)
        {
            // Whatever stops the decoding is the reader's error, raised on the caller's thread (never left to kill the process).
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _decoded.CompleteAdding();
        }
    }

    private readonly record struct Block(char[] Chars, int Length, long BytesThrough);
}
