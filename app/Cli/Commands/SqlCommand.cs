using System.CommandLine;
using RiskMonitor.App.Cli.Output;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor sql "SELECT …" [--format table|csv|json]</c>: read-only ad-hoc SQL for analysts.</summary>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "要执行的只读 SQL 查询" };
        var format = new Option<ResultFormat>("--format") { Description = "输出格式：table、csv 或 json", DefaultValueFactory = _ => ResultFormat.Table };
        var command = new Command("sql", "在数据仓库上执行只读 SQL 查询（数据仓库以只读方式打开，无法写入或访问其他文件）")
        {
            query,
            format,
        };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            using var reader = connection.ExecuteReader(parse.GetValue(query)!);
            ResultWriter.Write(reader, parse.InvocationConfiguration.Output, parse.GetValue(format));
            return RiskMonitorCli.Success;
        });
        return command;
    }
}
