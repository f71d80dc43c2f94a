using System.CommandLine;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Briefing;
using RiskMonitor.Reports.Monthly;
using RiskMonitor.Reports.Stations;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor report monthly|briefing|stations --month YYYY-MM</c>.</summary>
public static class ReportCommand
{
    public static Command Create() => new("report", "生成报告") { Monthly(), Briefing(), Stations() };

    private static Command Monthly()
    {
        var month = MonthArgument.Create();
        var command = new Command("monthly", "生成月度风险监测报告（HTML）") { month };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            var path = MonthlyReport.Write(connection, MonthArgument.Parse(parse.GetValue(month)), settings.Output.Directory);
            parse.InvocationConfiguration.Output.WriteLine($"月度报告：{path}");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command Briefing()
    {
        var month = MonthArgument.Create();
        var command = new Command("briefing", "生成领导专报（HTML 与 PDF，PDF 由无界面 Chromium 打印）") { month };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            var files = WriteBriefing(warehouse, MonthArgument.Parse(parse.GetValue(month)), settings.Output.Directory);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"领导专报：{files.Pdf}");
            output.WriteLine($"领导专报（网页）：{files.Html}");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command Stations()
    {
        var month = MonthArgument.Create();
        var command = new Command("stations", "生成各监测站月度报告及全省汇总（HTML；月度周期也会自动生成）") { month };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            var files = StationReports.Write(connection, MonthArgument.Parse(parse.GetValue(month)), settings.Output.Directory);
            parse.InvocationConfiguration.Output.WriteLine($"全省汇总：{files.ProvinceSummary}");
            parse.InvocationConfiguration.Output.WriteLine($"监测站月报：{files.Stations.Count} 份，位于 {Path.GetDirectoryName(files.ProvinceSummary)}{Path.DirectorySeparatorChar}stations");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary>Writes the month's briefing (HTML and PDF); also called by <c>demo</c> for its last month.</summary>
    public static BriefingFiles WriteBriefing(RiskWarehouse warehouse, DateOnly month, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        using var connection = warehouse.Connect();
        return BriefingReport.Write(connection, month, outputDirectory, reference: warehouse.Reference);
    }
}
