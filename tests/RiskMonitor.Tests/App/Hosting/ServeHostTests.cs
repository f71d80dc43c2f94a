using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Dashboard;
using RiskMonitor.App.Hosting;

namespace RiskMonitor.Tests.App.Hosting;

public sealed class ServeHostTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Serve_WithAnEverySecondSchedule_RunsTheMonthlyCycleThroughQuartzAndAnswersHealth()
    {
        var settings = new RiskMonitorSettings(
            new WarehouseSettings { Path = _dir.File("w.duckdb") },
            new PrivacySettings { HashKey = "test-key-0123456789abcdef" },
            new OutputSettings { Directory = _dir.File("out") },
            new InboxSettings { Directory = _dir.File("inbox") },
            new SchedulerSettings { MonthlyCycleCron = "* * * * * ?" });
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.FromHours(8)));

        var app = ServeHost.Build(settings, "http://127.0.0.1:0", clock);
        await using (app)
        {
            // Read before the start: the job may finish before the first await below returns.
            var cache = app.Services.GetRequiredService<DashboardCache>();
            var generationBefore = cache.Generation;
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var health = await http.GetFromJsonAsync<Dictionary<string, string>>("/api/health");
            health!["status"].Should().Be("ok");

            // The cycle analyses the month before "now" in Asia/Shanghai: 2026-10.
            var report = Path.Combine(settings.Output.Directory, "reports", "2026-10", "monthly-report.html");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((!File.Exists(report) || cache.Generation == generationBefore) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            await app.StopAsync();
            File.Exists(report).Should().BeTrue("Quartz should have fired the monthly cycle job within 30 s");
            cache.Generation.Should().BeGreaterThan(generationBefore, "a finished job drops the dashboard's cached views");
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    [Fact]
    public async Task Serve_RegistersTheFollowUpStagesDeadlineWatch_NotTheFailingStandIn()
    {
        var settings = new RiskMonitorSettings(
            new WarehouseSettings { Path = _dir.File("w2.duckdb") },
            new PrivacySettings { HashKey = "test-key-0123456789abcdef" },
            new OutputSettings { Directory = _dir.File("out2") },
            new InboxSettings { Directory = _dir.File("inbox2") },
            new SchedulerSettings());

        var app = ServeHost.Build(settings, "http://127.0.0.1:0");
        await using (app)
        {
            var watch = app.Services.GetRequiredService<RiskMonitor.Warnings.Publishing.IDeadlineWatch>();

            watch.Should().BeOfType<RiskMonitor.Warnings.FollowUp.WarehouseDeadlineWatch>();
            watch.FlagOverdue(new DateOnly(2026, 11, 21)).Should().Be(0, "an empty warehouse has no open follow-up step");
        }
    }

    public void Dispose() => _dir.Dispose();
}
