using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.FollowUp;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// <c>riskmonitor serve</c>: the Generic Host (as an ASP.NET Core application on Kestrel) owning the warehouse file, with the
/// Quartz scheduler running the monthly cycle, the publishing pass and the deadline watch.
/// </summary>
public static class ServeHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="settings">The settings, validated here (every problem reported at once).</param>
    /// <param name="urls">Where Kestrel listens; port 0 picks a free one (logged as "RiskMonitor serving on …").</param>
    /// <param name="time">The clock of the jobs and of Quartz; the system clock by default.</param>
    /// <param name="configureServices">Registrations applied before the jobs', such as a stage's <see cref="IDeadlineWatch"/>.</param>
    public static WebApplication Build(
        RiskMonitorSettings settings, string urls, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SettingsValidation.ThrowIfInvalid(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        RiskMonitorSettings.AddRiskMonitorSources(builder.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(_ => RiskWarehouse.Open(settings.Warehouse.Path,
            new DuckDbOptions(Threads: settings.Warehouse.Threads, MemoryLimit: settings.Warehouse.MemoryLimit)));
        builder.Services.AddPublishing(settings);
        configureServices?.Invoke(builder.Services);
        builder.Services.TryAddSingleton<IDeadlineWatch, WarehouseDeadlineWatch>();
        builder.Services.AddRiskMonitorJobs(settings);

        var app = builder.BuildWithDashboard();
        app.MapGet("/api/health", (RiskWarehouse warehouse) => Results.Ok(new
        {
            status = "ok",
            duckdb = DuckDbDatabase.LibraryVersion,
            warehouse = Path.GetFileName(warehouse.Path),
        }));
        app.MapPublishing();
        app.Lifetime.ApplicationStarted.Register(() => LogAddresses(app));
        return app;
    }

    /// <summary>
    /// The Quartz scheduler with every job of <see cref="ScheduledJobs"/> on its cron in the bureau's time zone, the job-run
    /// ledger, and the start-up catch-up of fires missed while the service was down.
    /// </summary>
    /// <remarks>The deadline watch needs an <see cref="IDeadlineWatch"/>; until the follow-up stage registers one (before
    /// this call), <see cref="MissingDeadlineWatch"/> makes each run fail loudly.</remarks>
    public static IServiceCollection AddRiskMonitorJobs(this IServiceCollection services, RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = BureauTime.Zone(settings.Scheduler.TimeZone);
        services.AddSingleton<JobRunLedger>();
        services.TryAddSingleton<IDeadlineWatch, MissingDeadlineWatch>();
        services.AddQuartz(q =>
        {
            q.AddJobListener<WarehouseChangedListener>(GroupMatcher<JobKey>.AnyGroup());
            foreach (var job in ScheduledJobs.From(settings.Scheduler))
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key));
                // A fire missed while the process runs (a long job, a busy pool) is fired once, late; fires missed while it
                // was down are the catch-up's business, since Quartz keeps its triggers in memory.
                q.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.Name)
                    .WithCronSchedule(job.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<MissedRunCatchUp>();
        return services;
    }

    private static void LogAddresses(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeHost).FullName!);
        var demo = app.Services.GetRequiredService<UserDirectory>().Users.Where(u => u.DemoOnly).Select(u => u.Name).ToList();
        if (demo.Count > 0)
        {
            HostingLog.DemoAccounts(logger, string.Join(", ", demo));
        }

        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            HostingLog.Serving(logger, address);
        }
    }
}
