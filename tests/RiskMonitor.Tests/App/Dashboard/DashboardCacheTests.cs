using System.Text;
using RiskMonitor.App.Dashboard;

namespace RiskMonitor.Tests.App.Dashboard;

public sealed class DashboardCacheTests
{
    private readonly TestClock _clock = TestClock.Frozen(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8)));

    private DashboardCache Cache(int maxEntries = 100, long maxBytes = 1 << 20) =>
        new(new DashboardCacheOptions { MaxAge = TimeSpan.FromMinutes(5), MaxEntries = maxEntries, MaxBytes = maxBytes }, _clock);

    private static Func<Task<byte[]?>> Counting(Ref<int> calls, string text) => () =>
    {
        Interlocked.Increment(ref calls.Value);
        return Task.FromResult<byte[]?>(Encoding.UTF8.GetBytes(text));
    };

    [Fact]
    public async Task SameKey_IsComputedOnce_UntilInvalidated()
    {
        var cache = Cache();
        var calls = new Ref<int>();
        (await cache.GetOrAdd("/api/overview", Counting(calls, "a"))).Should().Equal(Encoding.UTF8.GetBytes("a"));
        (await cache.GetOrAdd("/api/overview", Counting(calls, "b"))).Should().Equal(Encoding.UTF8.GetBytes("a"));
        calls.Value.Should().Be(1);

        cache.Invalidate();
        (await cache.GetOrAdd("/api/overview", Counting(calls, "b"))).Should().Equal(Encoding.UTF8.GetBytes("b"));
        calls.Value.Should().Be(2);
    }

    [Fact]
    public async Task ConcurrentRequests_ForOneUncachedKey_ShareOneComputation()
    {
        var cache = Cache();
        var calls = 0;
        var gate = new TaskCompletionSource();
        async Task<byte[]?> Slow()
        {
            Interlocked.Increment(ref calls);
            await gate.Task;
            return [1, 2, 3];
        }

        var waiting = Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.GetOrAdd("/api/risks/7", Slow))).ToList();
        await Task.Delay(50);
        gate.SetResult();
        var answers = await Task.WhenAll(waiting);
        answers.Should().AllSatisfy(a => a.Should().Equal(1, 2, 3));
        calls.Should().Be(1);
    }

    [Fact]
    public async Task AComputationStartedBeforeAnInvalidation_IsNotServedAfterIt()
    {
        var cache = Cache();
        var gate = new TaskCompletionSource();
        var stale = cache.GetOrAdd("k", async () =>
        {
            await gate.Task;
            return [0];
        });
        cache.Invalidate();
        gate.SetResult();
        (await stale).Should().Equal(0);

        (await cache.GetOrAdd("k", () => Task.FromResult<byte[]?>([9]))).Should().Equal(9);
    }

    [Fact]
    public async Task EntriesOlderThanMaxAge_AreRecomputed()
    {
        var cache = Cache();
        var calls = new Ref<int>();
        await cache.GetOrAdd("k", Counting(calls, "x"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        await cache.GetOrAdd("k", Counting(calls, "x"));
        calls.Value.Should().Be(2);
    }

    [Fact]
    public async Task NullAndFailures_AreNotKept()
    {
        var cache = Cache();
        (await cache.GetOrAdd("k", () => Task.FromResult<byte[]?>(null))).Should().BeNull();
        cache.Count.Should().Be(0);

        var act = () => cache.GetOrAdd("k", () => throw new InvalidOperationException("warehouse busy"));
        await act.Should().ThrowAsync<InvalidOperationException>();
        (await cache.GetOrAdd("k", () => Task.FromResult<byte[]?>([5]))).Should().Equal(5);
    }

    [Fact]
    public async Task TooManyEntriesOrBytes_EmptyTheCache()
    {
        var byCount = Cache(maxEntries: 3);
        for (var i = 0; i < 4; i++)
        {
            await byCount.GetOrAdd($"k{i}", () => Task.FromResult<byte[]?>([1]));
        }

        byCount.Count.Should().Be(0);

        var byBytes = Cache(maxBytes: 10);
        await byBytes.GetOrAdd("a", () => Task.FromResult<byte[]?>(new byte[6]));
        byBytes.Count.Should().Be(1);
        await byBytes.GetOrAdd("b", () => Task.FromResult<byte[]?>(new byte[6]));
        byBytes.Count.Should().Be(0);
    }

    [Fact]
    public async Task Disabled_ComputesEveryTime()
    {
        var cache = new DashboardCache(new DashboardCacheOptions { Enabled = false }, _clock);
        var calls = new Ref<int>();
        await cache.GetOrAdd("k", Counting(calls, "x"));
        await cache.GetOrAdd("k", Counting(calls, "x"));
        calls.Value.Should().Be(2);
    }

    private sealed class Ref<T>
    {
        public T Value = default!;
    }
}
