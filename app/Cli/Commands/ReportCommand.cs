using System.CommandLine;
using RiskMonitor.Reports.Monthly;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor report monthly --month YYYY-MM</c>.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var month = MonthArgument.Create();
        var monthly = new Command("monthly", "生成月度风险监测报告（HTML）") { month };
        monthly.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            var path = MonthlyReport.Write(connection, MonthArgument.Parse(parse.GetValue(month)), settings.Output.Directory);
            parse.InvocationConfiguration.Output.WriteLine($"月度报告：{path}");
            return RiskMonitorCli.Success;
        });
        return new Command("report", "生成报告") { monthly };
    }
}
