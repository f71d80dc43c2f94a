using System.Diagnostics;

namespace RiskMonitor.Tests;

/// <summary>
/// The clock tests hand to the code under test. It starts at a chosen instant and either stands still (unit tests) or runs
/// at real speed from there (host tests: Quartz waits on real timers and must see time pass); <see cref="Advance"/> jumps
/// it forward either way.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _origin;
    private readonly bool _running;
    private long _advancedTicks;

    private TestClock(DateTimeOffset start, bool running)
    {
        _start = start.ToUniversalTime();
        _origin = Stopwatch.GetTimestamp();
        _running = running;
    }

    /// <summary>A clock that shows <paramref name="start"/> until advanced.</summary>
    public static TestClock Frozen(DateTimeOffset start) => new(start, running: false);

    /// <summary>A clock that shows <paramref name="start"/> now and moves on in real time.</summary>
    public static TestClock Running(DateTimeOffset start) => new(start, running: true);

    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks)) + (_running ? Stopwatch.GetElapsedTime(_origin) : TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);
}
