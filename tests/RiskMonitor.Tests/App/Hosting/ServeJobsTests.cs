using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Hosting;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Tests.Warnings.Publishing;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.Tests.App.Hosting;

/// <summary>The jobs under the real host: Kestrel, the real Quartz scheduler on an injected clock, a real warehouse file.</summary>
public sealed class ServeJobsTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly TempDirectory _dir = new();

    private RiskMonitorSettings Settings(SchedulerSettings scheduler) => new(
        new WarehouseSettings { Path = _dir.File("w.duckdb") },
        new PrivacySettings { HashKey = "test-key-0123456789abcdef" },
        new OutputSettings { Directory = _dir.File("out") },
        new InboxSettings { Directory = _dir.File("inbox") },
        scheduler)
    {
        Publishing = new PublishingSettings { Channels = { Folder = { Path = _dir.File("drop") } } },
    };

    private static async Task<T> Until<T>(Func<T> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                done(value).Should().BeTrue($"{what} within {seconds} s");
                return value;
            }

            await Task.Delay(100);
        }
    }

    private static List<(string Kind, DateTime ScheduledFor, string Status)> Runs(WebApplication app, string job)
    {
        using var connection = app.Services.GetRequiredService<RiskWarehouse>().Connect();
        return connection.Query(
            "SELECT trigger_kind, scheduled_for, status FROM job_runs WHERE job = $1 ORDER BY run_id",
            r => (r.GetString(0), r.GetDateTime(1), r.GetString(2)), job);
    }

    [Fact]
    public async Task Serve_SchedulesEveryJobOnItsConfiguredCronInShanghaiTime()
    {
        var scheduler = new SchedulerSettings { PublishCron = "0 */2 * * * ?" };
        var app = ServeHost.Build(Settings(scheduler), "http://127.0.0.1:0");
        await using (app)
        {
            var quartz = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            foreach (var job in ScheduledJobs.From(scheduler))
            {
                var trigger = (ICronTrigger)(await quartz.GetTrigger(new TriggerKey(job.Name)))!;
                trigger.JobKey.Should().Be(job.Key);
                trigger.CronExpressionString.Should().Be(job.Cron);
                trigger.TimeZone.Id.Should().Be("Asia/Shanghai");
                (await quartz.GetJobDetail(job.Key))!.ConcurrentExecutionDisallowed.Should().BeTrue($"{job.Name} must never run twice at once");
            }
        }
    }

    [Fact]
    public async Task Serve_MonthlyCycleMissedWhileDown_RunsOnceAtStartUp_AndNotAgainAfterARestart()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, Shanghai);
        using (var warehouse = RiskWarehouse.Open(_dir.File("w.duckdb")))
        {
            var ledger = new JobRunLedger(warehouse, TestClock.Frozen(now.AddMonths(-2)));
            var run = ledger.Begin(ScheduledJobs.MonthlyCycle, new DateTimeOffset(2026, 10, 3, 6, 0, 0, Shanghai), "schedule")!.Value;
            ledger.Finish(ScheduledJobs.MonthlyCycle, run, "succeeded", null);
        }

        var settings = Settings(new SchedulerSettings());
        var november = new DateTimeOffset(2026, 11, 3, 6, 0, 0, Shanghai).UtcDateTime;
        List<(string Kind, DateTime ScheduledFor, string Status)> afterFirstStart;
        var app = ServeHost.Build(settings, "http://127.0.0.1:0", TestClock.Running(now));
        await using (app)
        {
            await app.StartAsync();
            var runs = await Until(() => Runs(app, ScheduledJobs.MonthlyCycle), r => r.Any(x => x.Status == "succeeded" && x.Kind == "catch-up"), "the catch-up run");
            runs.Should().ContainSingle(r => r.Kind == "catch-up").Which.ScheduledFor.Should().Be(november);
            await app.StopAsync();
            afterFirstStart = Runs(app, ScheduledJobs.MonthlyCycle);
        }

        File.Exists(Path.Combine(settings.Output.Directory, "reports", "2026-10", "monthly-report.html")).Should().BeTrue("the missed November fire analyses October");

        var again = ServeHost.Build(settings, "http://127.0.0.1:0", TestClock.Running(now.AddMinutes(3)));
        await using (again)
        {
            await again.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            Runs(again, ScheduledJobs.MonthlyCycle).Should().Equal(afterFirstStart, "the caught-up fire completed, so a restart does not repeat it");
            await again.StopAsync();
        }
    }

    [Fact]
    public async Task Serve_DeadlineWatch_RunsOnTheBureausCalendarDate()
    {
        var watch = new RecordingDeadlineWatch();
        // 23:30 UTC on the 21st is 07:30 on the 22nd in Shanghai.
        var clock = TestClock.Running(new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.Zero));
        var app = ServeHost.Build(Settings(new SchedulerSettings { DeadlineWatchCron = "* * * * * ?" }), "http://127.0.0.1:0", clock,
            services => services.AddSingleton<IDeadlineWatch>(watch));
        await using (app)
        {
            await app.StartAsync();
            await Until(() => watch.Days.Count, n => n > 0, "a deadline watch run");
            await app.StopAsync();
        }

        watch.Days.Should().OnlyContain(d => d == new DateOnly(2026, 11, 22));
    }

    [Fact]
    public async Task Serve_PublishJob_PublishesApprovedNoticesThroughQuartz_AndReportsTheOutbox()
    {
        using (var warehouse = RiskWarehouse.Open(_dir.File("w.duckdb")))
        using (var connection = warehouse.Connect())
        {
            PublishingWarehouse.AddNotice(connection, "approved");
            PublishingWarehouse.AddNotice(connection, "draft", approvedBy: null);
        }

        var app = ServeHost.Build(Settings(new SchedulerSettings { PublishCron = "* * * * * ?" }), "http://127.0.0.1:0",
            TestClock.Running(new DateTimeOffset(2026, 11, 21, 9, 0, 0, Shanghai)));
        await using (app)
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var state = await Until(
                () => http.GetFromJsonAsync<Dictionary<string, long>>("/api/publishing").GetAwaiter().GetResult()!,
                s => s["publishedNotices"] == 1, "the approved notice published");
            state["delivered"].Should().Be(1);
            state["pending"].Should().Be(0);
            await app.StopAsync();
        }

        Directory.GetFiles(_dir.File("drop"), "*.json").Should().ContainSingle();
    }

    public void Dispose() => _dir.Dispose();

    private sealed class RecordingDeadlineWatch : IDeadlineWatch
    {
        public ConcurrentQueue<DateOnly> Days { get; } = new();

        public int FlagOverdue(DateOnly today)
        {
            Days.Enqueue(today);
            return 0;
        }
    }
}
