using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using RiskMonitor.Core.Data.Native;
using RiskMonitor.Core.Data.Vectors;

namespace RiskMonitor.Core.Data;

/// <summary>Handing full chunks to DuckDB: on the caller's thread, or through the bounded queue to the worker thread.</summary>
public sealed partial class DuckDbChunkAppender
{
    /// <summary>Hands the current chunk on: appends it here, or queues it for the worker and takes a free one.</summary>
    private void Submit(bool takeNext)
    {
        ChunkCompleting?.Invoke(_row);
        var chunk = _chunk!;
        chunk.Seal(_row);
        _row = 0;
        if (_worker is null)
        {
            try
            {
                Append(chunk);
            }
            finally
            {
                chunk.Reset();
            }

            return;
        }

        _chunk = null;
        _full!.Add(chunk);
        if (takeNext)
        {
            _chunk = _free!.TryTake(out var free) ? free : _chunks.Count < _maxChunks ? NewChunk() : _free.Take();
            ThrowIfFailed();
        }
    }

    /// <summary>Waits until the worker has appended every queued chunk.</summary>
    private void Drain()
    {
        if (_worker is null)
        {
            return;
        }

        var idle = new List<WritableChunk>();
        for (var i = 1; i < _chunks.Count; i++)
        {
            idle.Add(_free!.Take());
        }

        foreach (var chunk in idle)
        {
            _free!.Add(chunk);
        }

        ThrowIfFailed();
    }

    private void StopWorker()
    {
        if (_worker is null || !_worker.IsAlive)
        {
            return;
        }

        _full!.CompleteAdding();
        _worker.Join();
    }

    private void Work()
    {
        foreach (var chunk in _full!.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null && !_abandoned)
                {
                    Append(chunk);
                }
            }
#pragma warning disable CA1031 // any failure is handed to the caller's thread, which rethrows it
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = e;
            }
            finally
            {
                chunk.Reset();
                // Chunks keep circulating after a failure so that the caller never waits for one in vain.
                _free!.Add(chunk);
            }
        }
    }

    private void Append(WritableChunk chunk) => Check(NativeMethods.AppendDataChunk(_handle, chunk.Handle));

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private void Check(DuckDbState state)
    {
        if (state != DuckDbState.Success)
        {
            throw DuckDbException.From(NativeMethods.AppenderError(_handle), "DuckDB appender failed");
        }
    }
}
