using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RiskMonitor.App.Dashboard;

/// <summary>Bounds of the dashboard's response cache (configuration section <c>Dashboard:Cache</c>).</summary>
public sealed class DashboardCacheOptions
{
    public const string Section = "Dashboard:Cache";

    /// <summary>Off: every request runs its queries.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A backstop only: entries are dropped as soon as the warehouse changes (see <see cref="DashboardCache"/>).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxEntries { get; set; } = 2_000;

    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}

/// <summary>
/// The serialised JSON of the dashboard's read endpoints, kept until the warehouse changes. While <c>serve</c> runs it holds
/// the warehouse file open for writing, so every change comes from this process: a state-changing API request (approval) or
/// a scheduled job (monthly cycle, publication, deadline watch). Both call <see cref="Invalidate"/>; <see cref="DashboardCacheOptions.MaxAge"/>
/// bounds how stale an entry could be if some writer were missed. Concurrent requests for the same uncached view wait for
/// one computation instead of each running the queries.
/// </summary>
public sealed class DashboardCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly DashboardCacheOptions _options;
    private readonly TimeProvider _time;
    private long _generation;
    private long _bytes;

    public DashboardCache(DashboardCacheOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
    }

    public bool Enabled => _options.Enabled;

    /// <summary>Counts invalidations: a response computed under an older generation is never served.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _entries.Count;

    /// <summary>Forgets every response: the warehouse has changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Clear();
    }

    /// <summary>
    /// The cached bytes for <paramref name="key"/>, or those <paramref name="compute"/> produces (shared with concurrent callers).
    /// Null when <paramref name="compute"/> returned null (nothing cacheable); a computation that throws is not kept.
    /// </summary>
    public async Task<byte[]?> GetOrAdd(string key, Func<Task<byte[]?>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!_options.Enabled)
        {
            return await compute();
        }

        var generation = Generation;
        var now = _time.GetUtcNow();
        var entry = _entries.AddOrUpdate(
            key,
            _ => new Entry(generation, now, compute),
            (_, existing) => existing.Generation == generation && now - existing.Created < _options.MaxAge ? existing : new Entry(generation, now, compute));
        byte[]? bytes;
        try
        {
            bytes = await entry.Value.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }

        if (bytes is null)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
        else if (entry.Counted())
        {
            if (Interlocked.Add(ref _bytes, bytes.Length) > _options.MaxBytes || _entries.Count > _options.MaxEntries)
            {
                Clear();
            }
        }

        return bytes;
    }

    private void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }

    private sealed class Entry(long generation, DateTimeOffset created, Func<Task<byte[]?>> compute)
    {
        private int _counted;

        public long Generation { get; } = generation;

        public DateTimeOffset Created { get; } = created;

        public Lazy<Task<byte[]?>> Value { get; } = new(compute, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>True exactly once: for the caller that adds this entry's size to the total.</summary>
        public bool Counted() => Interlocked.Exchange(ref _counted, 1) == 0;
    }
}

/// <summary>Puts read endpoints behind <see cref="DashboardCache"/> and drops the cache after every state change.</summary>
public static class DashboardCaching
{
    /// <summary>
    /// Serves a 200 JSON answer from the cache, keyed by path, query and the bureau's date (views such as follow-up depend on
    /// today). Any other answer (404, a problem) passes through uncached.
    /// </summary>
    public static TBuilder CachedJson<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var cache = http.RequestServices.GetRequiredService<DashboardCache>();
            if (!cache.Enabled)
            {
                return await next(context);
            }

            var today = DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
            var key = string.Concat(http.Request.Path.Value, http.Request.QueryString.Value, "|", today.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            object? uncached = null;
            var bytes = await cache.GetOrAdd(key, async () =>
            {
                var result = await next(context);
                if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value })
                {
                    var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                    return JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
                }

                uncached = result;
                return null;
            });
            if (bytes is not null)
            {
                return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
            }

            // Another request computed this key and found it uncacheable: answer this one afresh.
            return uncached ?? await next(context);
        });

    /// <summary>After a state-changing API request (whatever its outcome), the cached views may be stale. Signing in and out
    /// is not such a request: it writes only the audit log, which no cached view shows, and must not empty the cache for
    /// everyone each time someone signs in.</summary>
    public static Task InvalidateAfterChanges(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.Request.Path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        return InvalidateAfter(context, next);
    }

    private static async Task InvalidateAfter(HttpContext context, RequestDelegate next)
    {
        var cache = context.RequestServices.GetRequiredService<DashboardCache>();
        // Before the answer leaves, so that a client reading right after it never gets a view from before the change;
        // and once more at the end, for a request whose answer never started.
        context.Response.OnStarting(() =>
        {
            cache.Invalidate();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            cache.Invalidate();
        }
    }
}
