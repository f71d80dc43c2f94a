using System.Diagnostics;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// Peak working set and peak managed heap over one measured stretch: the kernel's high-water mark is reset at the start
/// (Linux <c>/proc/self/clear_refs</c>), and the GC heap is sampled every few milliseconds until <see cref="Dispose"/>.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Timer _sampler;
    private long _peakHeap;

    private PeakMemory()
    {
        if (OperatingSystem.IsLinux())
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }

        _sampler = new Timer(_ => Sample(), null, 0, 5);
    }

    public static PeakMemory Start() => new();

    /// <summary>Stops sampling and returns peak working set and peak managed heap, in bytes.</summary>
    public (long WorkingSet, long ManagedHeap) Stop()
    {
        _sampler.Dispose();
        Sample();
        using var process = Process.GetCurrentProcess();
        return (process.PeakWorkingSet64, Interlocked.Read(ref _peakHeap));
    }

    private void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (heap > (seen = Interlocked.Read(ref _peakHeap)) && Interlocked.CompareExchange(ref _peakHeap, heap, seen) != seen)
        {
        }
    }

    public void Dispose() => _sampler.Dispose();
}
