using Microsoft.Extensions.Configuration;

namespace RiskMonitor.App.Configuration;

/// <summary>Where the warehouse lives and how it is opened (section <c>Warehouse</c>).</summary>
public sealed class WarehouseSettings
{
    public string Path { get; set; } = "data/riskmonitor.duckdb";

    public int? Threads { get; set; }

    public string? MemoryLimit { get; set; }
}

/// <summary>Key for the keyed hash of complainants' names and phones (section <c>Privacy</c>).</summary>
public sealed class PrivacySettings
{
    /// <summary>When empty, a random key is created once beside the warehouse and reused.</summary>
    public string HashKey { get; set; } = string.Empty;
}

/// <summary>Where reports, notices and other outputs are written (section <c>Output</c>).</summary>
public sealed class OutputSettings
{
    public string Directory { get; set; } = "out";
}

/// <summary>Folder the monthly cycle picks new input files up from (section <c>Inbox</c>).</summary>
public sealed class InboxSettings
{
    public string Directory { get; set; } = "data/inbox";
}

/// <summary>Quartz schedules, in the bureau's time zone (section <c>Scheduler</c>).</summary>
public sealed class SchedulerSettings
{
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Quartz cron for the monthly cycle; by default 06:00 on the 3rd of each month.</summary>
    public string MonthlyCycleCron { get; set; } = "0 0 6 3 * ?";

    /// <summary>Quartz cron for the pass over the publication outbox; by default every minute.</summary>
    public string PublishCron { get; set; } = "0 * * * * ?";

    /// <summary>Quartz cron for the follow-up deadline watch; by default 07:30 every day.</summary>
    public string DeadlineWatchCron { get; set; } = "0 30 7 * * ?";
}

/// <summary>
/// All settings, read the usual .NET way: <c>appsettings.json</c> beside the program, then one in the working directory,
/// then environment variables prefixed <c>RISKMONITOR_</c> (e.g. <c>RISKMONITOR_Warehouse__Path</c>), then command-line options.
/// </summary>
public sealed record RiskMonitorSettings(
    WarehouseSettings Warehouse, PrivacySettings Privacy, OutputSettings Output, InboxSettings Inbox, SchedulerSettings Scheduler)
{
    public const string EnvironmentPrefix = "RISKMONITOR_";

    /// <summary>Publishing channels (section <c>Publishing</c>); outside the positional list so existing callers keep working.</summary>
    public PublishingSettings Publishing { get; init; } = new();

    public static IConfigurationBuilder AddRiskMonitorSources(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddJsonFile(System.IO.Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(System.IO.Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix);
    }

    public static RiskMonitorSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new RiskMonitorSettings(
            configuration.GetSection("Warehouse").Get<WarehouseSettings>() ?? new(),
            configuration.GetSection("Privacy").Get<PrivacySettings>() ?? new(),
            configuration.GetSection("Output").Get<OutputSettings>() ?? new(),
            configuration.GetSection("Inbox").Get<InboxSettings>() ?? new(),
            configuration.GetSection("Scheduler").Get<SchedulerSettings>() ?? new())
        {
            Publishing = configuration.GetSection("Publishing").Get<PublishingSettings>() ?? new(),
        };
    }

    public static RiskMonitorSettings Load(string? databaseOverride = null)
    {
        var settings = From(AddRiskMonitorSources(new ConfigurationBuilder()).Build());
        if (!string.IsNullOrWhiteSpace(databaseOverride))
        {
            settings.Warehouse.Path = databaseOverride;
        }

        return settings;
    }
}
