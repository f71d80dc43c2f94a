using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// <c>riskmonitor serve</c>: the Generic Host (as an ASP.NET Core application on Kestrel) owning the warehouse file, with the
/// Quartz scheduler running the monthly cycle.
/// </summary>
public static class ServeHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(RiskMonitorSettings settings, string urls, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        RiskMonitorSettings.AddRiskMonitorSources(builder.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(_ => RiskWarehouse.Open(settings.Warehouse.Path,
            new DuckDbOptions(Threads: settings.Warehouse.Threads, MemoryLimit: settings.Warehouse.MemoryLimit)));
        builder.Services.AddRiskMonitorJobs(settings);

        var app = builder.BuildWithDashboard();
        app.MapGet("/api/health", (RiskWarehouse warehouse) => Results.Ok(new
        {
            status = "ok",
            duckdb = DuckDbDatabase.LibraryVersion,
            warehouse = Path.GetFileName(warehouse.Path),
        }));
        return app;
    }

    public static IServiceCollection AddRiskMonitorJobs(this IServiceCollection services, RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = BureauTime.Zone(settings.Scheduler.TimeZone);
        services.AddQuartz(q => q.ScheduleJob<MonthlyCycleJob>(
            trigger => trigger.WithIdentity("monthly-cycle")
                .WithCronSchedule(settings.Scheduler.MonthlyCycleCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job.WithIdentity("monthly-cycle")));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
