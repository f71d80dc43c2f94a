using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RiskMonitor.App.Cli.Commands;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Dashboard;
using RiskMonitor.App.Hosting;
using RiskMonitor.Warnings.Approval;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// The dashboard API under 50 concurrent signed-in clients: the real <c>serve</c> host on Kestrel (loopback) over a
/// fourteen-month demo warehouse. One operation is every client making four requests at once: the overview and risk list of
/// one of the last three months, its own risk's drill-down (50 different risks) and the warnings. Each request's latency is
/// recorded; p50/p95/p99 overall and per endpoint are written beside BenchmarkDotNet's results
/// (<c>results/dashboard-api-latency-warm.md</c> and <c>-cold.md</c>).
/// <see cref="Cold"/> drops the response cache before every operation, as a monthly cycle or an approval does, so every
/// request of that operation runs its queries (concurrent requests for one view still share one computation).
/// </summary>
public class DashboardApiLatencyBenchmark
{
    private const int Clients = 50;
    private const string Password = "bench-password";
    private readonly ConcurrentBag<(string Endpoint, double Milliseconds)> _latencies = [];
    private readonly List<HttpClient> _clients = [];
    private string _directory = string.Empty;
    private WebApplication? _app;
    private string[][] _paths = [];
    private DashboardCache? _cache;

    [Params(false, true)]
    public bool Cold { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("riskmonitor-bench-").FullName;
        var settings = new RiskMonitorSettings(
            new WarehouseSettings { Path = Path.Combine(_directory, "demo", "riskmonitor.duckdb") },
            new PrivacySettings { HashKey = "bench-key-0123456789abcdef" },
            new OutputSettings { Directory = Path.Combine(_directory, "out") },
            new InboxSettings { Directory = Path.Combine(_directory, "inbox") },
            new SchedulerSettings());
        DemoCommand.Run(settings, Path.Combine(_directory, "demo"), 14, 20261031, TextWriter.Null);

        // The host reads its accounts from configuration; this process is the benchmark's own.
        Environment.SetEnvironmentVariable("RISKMONITOR_Users__0__Name", "bench");
        Environment.SetEnvironmentVariable("RISKMONITOR_Users__0__Role", DashboardRoles.Analyst);
        Environment.SetEnvironmentVariable("RISKMONITOR_Users__0__PasswordHash", PasswordHasher.Hash(Password, iterations: 10_000));
        _app = ServeHost.Build(settings, "http://127.0.0.1:0");
        _app.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        for (var i = 0; i < Clients; i++)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
            SignIn(client).GetAwaiter().GetResult();
            _clients.Add(client);
        }

        var months = _clients[0].GetFromJsonAsync<string[]>(new Uri("/api/months", UriKind.Relative)).GetAwaiter().GetResult()!;
        using var risks = JsonDocument.Parse(_clients[0].GetStringAsync(new Uri("/api/tables/risks", UriKind.Relative)).GetAwaiter().GetResult());
        var riskIds = risks.RootElement.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()).Take(Clients).ToArray();
        _paths = Enumerable.Range(0, Clients).Select(i =>
        {
            var month = months[i % Math.Min(3, months.Length)];
            return new[] { $"/api/overview?month={month}", $"/api/tables/risks?month={month}", $"/api/risks/{riskIds[i % riskIds.Length]}", "/api/tables/warnings" };
        }).ToArray();
        _cache = _app.Services.GetRequiredService<DashboardCache>();
        if (!Cold)
        {
            // Warm means warm: one unmeasured pass fills the cache, so the first operation's queries do not count.
            FiftyConcurrentClients().GetAwaiter().GetResult();
            _latencies.Clear();
        }
    }

    [Benchmark(Description = "50 clients × 4 API requests")]
    public async Task FiftyConcurrentClients()
    {
        if (Cold)
        {
            _cache!.Invalidate();
        }

        await Task.WhenAll(_clients.Select(async (client, i) =>
        {
            foreach (var path in _paths[i])
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                _latencies.Add((Endpoint(path), watch.Elapsed.TotalMilliseconds));
            }
        }));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var name = Cold ? "cold" : "warm";
        var report = new System.Text.StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Dashboard API latency, {name} cache (ms)\n\n")
            .Append("| endpoint | clients | requests | p50 | p95 | p99 | max |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var group in _latencies.GroupBy(l => l.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal).Prepend(_latencies.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(l => l.Milliseconds).Order().ToArray();
            report.Append(CultureInfo.InvariantCulture,
                $"| {group.Key} | {Clients} | {sorted.Length} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.95):0.0} | {Percentile(sorted, 0.99):0.0} | {sorted[^1]:0.0} |\n");
        }

        Console.WriteLine(report);
        var results = Path.Combine("BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, $"dashboard-api-latency-{name}.md"), report.ToString());

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _app?.StopAsync().GetAwaiter().GetResult();
        (_app as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The endpoint a path calls, without its arguments: <c>/api/risks/{id}</c> for every risk.</summary>
    private static string Endpoint(string path)
    {
        var withoutQuery = path.Split('?')[0];
        return withoutQuery.StartsWith("/api/risks/", StringComparison.Ordinal) ? "/api/risks/{id}" : withoutQuery;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task SignIn(HttpClient client)
    {
        using var token = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/auth/antiforgery", UriKind.Relative)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auth/login", UriKind.Relative))
        {
            Content = JsonContent.Create(new { name = "bench", password = Password }),
        };
        request.Headers.Add(DashboardSetup.CsrfHeader, token.RootElement.GetProperty("token").GetString());
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
