using System.CommandLine;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Exports;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor export --format parquet [--out DIR]</c>: every warehouse table as a Parquet file.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "导出格式（目前为 parquet）", Required = true };
        format.AcceptOnlyFromAmong("parquet");
        var output = new Option<string?>("--out") { Description = "导出目录（默认为输出目录下的 parquet/）" };
        var command = new Command("export", "将数据仓库各表导出为 Parquet 文件（不含投诉人姓名、电话、密钥散列及隔离行原文）") { format, output };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            var directory = parse.GetValue(output) ?? Path.Combine(settings.Output.Directory, "parquet");
            // Read-only, but with file access: COPY … TO writes the Parquet files.
            using var warehouse = RiskWarehouse.Open(settings.Warehouse.Path,
                new DuckDbOptions(ReadOnly: true, Threads: settings.Warehouse.Threads, MemoryLimit: settings.Warehouse.MemoryLimit));
            using var connection = warehouse.Connect();
            var files = ParquetExport.Write(connection, directory);
            var console = parse.InvocationConfiguration.Output;
            foreach (var file in files)
            {
                console.WriteLine($"{file.Table}：{file.Rows:N0} 行");
            }

            console.WriteLine($"已导出 {files.Count} 张表到 {directory}");
            return RiskMonitorCli.Success;
        });
        return command;
    }
}
