using System.Collections.Concurrent;

namespace RiskMonitor.App.Dashboard;

/// <summary>Limits on failed sign-ins (configuration section <c>Dashboard:SignIn</c>).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Dashboard:SignIn";

    /// <summary>Failed attempts on one account name within the window before that name is refused.</summary>
    public int MaxFailuresPerName { get; set; } = 5;

    /// <summary>Failed attempts from one client address within the window before that address is refused.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>How long a failed attempt counts.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows password guessing: once a name or a client address has too many failed sign-ins inside the sliding window, further
/// attempts are refused without checking the password until the oldest failure leaves the window. A successful sign-in clears
/// the name's failures (not the address's: one good password must not reset a guesser working through other names).
/// </summary>
public sealed class SignInThrottle
{
    /// <summary>Above this many tracked keys, keys whose failures have all expired are dropped.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly SignInThrottleOptions _options;
    private readonly TimeProvider _time;

    public SignInThrottle(SignInThrottleOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFailuresPerName, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFailuresPerAddress, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero);
        _options = options;
        _time = time;
    }

    /// <summary>How long the caller must wait before trying again; null when an attempt may go ahead.</summary>
    public TimeSpan? RetryAfter(string? name, string? address)
    {
        var now = _time.GetUtcNow();
        var byName = Wait(NameKey(name), _options.MaxFailuresPerName, now);
        var byAddress = Wait(AddressKey(address), _options.MaxFailuresPerAddress, now);
        return byName is null ? byAddress : byAddress is null ? byName : (byName > byAddress ? byName : byAddress);
    }

    public void Failed(string? name, string? address)
    {
        var now = _time.GetUtcNow();
        Record(NameKey(name), now);
        Record(AddressKey(address), now);
        if (_failures.Count > PruneAbove)
        {
            Prune(now);
        }
    }

    public void Succeeded(string? name) => _failures.TryRemove(NameKey(name), out _);

    private static string NameKey(string? name) => "name:" + (name ?? string.Empty).Trim().ToUpperInvariant();

    private static string AddressKey(string? address) => "addr:" + (address ?? "unknown");

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            Expire(queue, now);
            if (queue.Count < limit)
            {
                return null;
            }

            // The attempt that would bring the count below the limit is allowed once enough of the oldest failures expire.
            var unlocking = queue.ElementAt(queue.Count - limit);
            var wait = unlocking + _options.Window - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var queue = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Expire(queue, now);
            queue.Enqueue(now);
        }
    }

    private void Expire(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + _options.Window <= now)
        {
            queue.Dequeue();
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, queue) in _failures)
        {
            bool empty;
            lock (queue)
            {
                Expire(queue, now);
                empty = queue.Count == 0;
            }

            if (empty)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }
}
