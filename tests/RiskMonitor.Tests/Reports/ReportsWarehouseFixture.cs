using RiskMonitor.App.Cli.Commands;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Reports;

/// <summary>
/// One demo warehouse (a generated province over fourteen months, ingested and analysed month by month, so that every
/// report has a month a year earlier to compare with), built once for the report and dashboard tests and then closed.
/// Tests open it read-only or work on a copy.
/// </summary>
public sealed class ReportsWarehouseFixture : IDisposable
{
    public const int Months = 14;
    private readonly TempDirectory _directory = new();

    public ReportsWarehouseFixture()
    {
        Settings = new RiskMonitorSettings(
            new WarehouseSettings { Path = _directory.File("demo/riskmonitor.duckdb") },
            new PrivacySettings { HashKey = "reports-test-key-0123456789" },
            new OutputSettings { Directory = _directory.File("out") },
            new InboxSettings { Directory = _directory.File("inbox") },
            new SchedulerSettings());
        using var output = new StringWriter();
        DemoCommand.Run(Settings, _directory.File("demo"), Months, seed: 20261031, output, approveAndPublish: false);
        DemoOutput = output.ToString();
        using var warehouse = OpenReadOnly();
        using var connection = warehouse.Connect();
        LastMonth = connection.ExecuteScalar<DateOnly>("SELECT max(month) FROM agg_subject_month");
    }

    public RiskMonitorSettings Settings { get; }

    public string WarehousePath => Settings.Warehouse.Path;

    /// <summary>Where the demo wrote its reports and notices.</summary>
    public string OutputDirectory => Settings.Output.Directory;

    public string DemoOutput { get; }

    public DateOnly LastMonth { get; }

    public RiskWarehouse OpenReadOnly() => RiskWarehouse.Open(WarehousePath, new DuckDbOptions(ReadOnly: true));

    /// <summary>A private copy of the warehouse file that a test may change or serve.</summary>
    public string CopyTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "riskmonitor.duckdb");
        File.Copy(WarehousePath, path, overwrite: true);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ReportsWarehouseGroup : ICollectionFixture<ReportsWarehouseFixture>
{
    public const string Name = "reports warehouse";
}
