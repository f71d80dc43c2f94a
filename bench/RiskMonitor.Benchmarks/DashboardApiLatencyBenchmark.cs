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

namespace RiskMonitor.Benchmarks;

/// <summary>
/// The dashboard API under 50 concurrent signed-in clients: the real <c>serve</c> host on Kestrel (loopback) over a
/// fourteen-month demo warehouse. One operation is every client making four requests (overview, risk list, one risk's
/// drill-down, warnings) at once; each request's latency is recorded and p50/p95/p99 are written beside BenchmarkDotNet's
/// results (<c>results/dashboard-api-latency.md</c>).
/// </summary>
public class DashboardApiLatencyBenchmark
{
    private const int Clients = 50;
    private const string Password = "bench-password";
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly List<HttpClient> _clients = [];
    private string _directory = string.Empty;
    private WebApplication? _app;
    private string[] _paths = [];

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
        Environment.SetEnvironmentVariable("RISKMONITOR_Dashboard__Users__0__Name", "bench");
        Environment.SetEnvironmentVariable("RISKMONITOR_Dashboard__Users__0__Role", DashboardRoles.Analyst);
        Environment.SetEnvironmentVariable("RISKMONITOR_Dashboard__Users__0__PasswordHash", PasswordHash.Create(Password));
        _app = ServeHost.Build(settings, "http://127.0.0.1:0");
        _app.StartAsync().GetAwaiter().GetResult();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        for (var i = 0; i < Clients; i++)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
            SignIn(client).GetAwaiter().GetResult();
            _clients.Add(client);
        }

        var month = _clients[0].GetFromJsonAsync<string[]>(new Uri("/api/months", UriKind.Relative)).GetAwaiter().GetResult()![0];
        using var risks = JsonDocument.Parse(_clients[0].GetStringAsync(new Uri("/api/tables/risks", UriKind.Relative)).GetAwaiter().GetResult());
        var riskId = risks.RootElement.GetProperty("rows")[0][0].GetInt64();
        _paths = [$"/api/overview?month={month}", $"/api/tables/risks?month={month}", $"/api/risks/{riskId}", "/api/tables/warnings"];
    }

    [Benchmark(Description = "50 clients × 4 API requests")]
    public async Task FiftyConcurrentClients() =>
        await Task.WhenAll(_clients.Select(async client =>
        {
            foreach (var path in _paths)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                _latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }));

    [GlobalCleanup]
    public void Cleanup()
    {
        var sorted = _latencies.Order().ToArray();
        var line = sorted.Length == 0
            ? "no requests recorded"
            : string.Create(CultureInfo.InvariantCulture,
                $"| {Clients} | {sorted.Length} | {Percentile(sorted, 0.50):0.0} | {Percentile(sorted, 0.95):0.0} | {Percentile(sorted, 0.99):0.0} | {sorted[^1]:0.0} |");
        var report = "# Dashboard API latency (ms)\n\n| clients | requests | p50 | p95 | p99 | max |\n| --- | --- | --- | --- | --- | --- |\n" + line + "\n";
        Console.WriteLine(report);
        var results = Path.Combine("BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "dashboard-api-latency.md"), report);

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _app?.StopAsync().GetAwaiter().GetResult();
        (_app as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
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
