using System.CommandLine;
using RiskMonitor.App.Cli.Output;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor ingest &lt;complaints|spot-checks|station-reports&gt; FILE...</c></summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "数据来源：complaints（12315投诉）、spot-checks（监督抽查）、station-reports（监测站月报）" };
        source.AcceptOnlyFromAmong("complaints", "spot-checks", "station-reports");
        var files = new Argument<string[]>("files") { Description = "CSV、XLSX 或 XLS 文件", Arity = ArgumentArity.OneOrMore };
        var encoding = new Option<string?>("--encoding") { Description = "CSV 编码（utf-8、gb18030、gbk），默认自动识别" };
        var sheet = new Option<string?>("--sheet") { Description = "Excel 工作表名称，默认第一个工作表" };
        var strict = new Option<bool>("--strict") { Description = "严格模式：任一行有误则整个文件不导入" };
        var replace = new Option<bool>("--replace") { Description = "以本文件中的更正数据替换已导入的同编号记录" };
        var map = new Option<string[]>("--map") { Description = "表头对应关系，如 --map 投诉时间=received_at,车型=model", AllowMultipleArgumentsPerToken = true };
        var defaults = new Option<string[]>("--default") { Description = "为文件缺少的字段指定值，如 --default region=武汉市", AllowMultipleArgumentsPerToken = true };
        var command = new Command("ingest", "导入数据文件：每个文件作为一个批次在一个事务中导入，问题行进入隔离区并注明原因")
        {
            source, files, encoding, sheet, strict, replace, map, defaults,
        };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            var options = new IngestOptions(
                parse.GetValue(encoding), parse.GetValue(sheet), parse.GetValue(strict), parse.GetValue(replace),
                Pairs(parse.GetValue(map), "--map"), Pairs(parse.GetValue(defaults), "--default"));
            using var warehouse = WarehouseAccess.Open(settings);
            using var runner = new IngestRunner(warehouse, HashKeyStore.Resolve(settings));
            var results = IngestConsole.Run(runner, IngestSources.Parse(parse.GetValue(source)!), parse.GetValue(files)!, options, parse.InvocationConfiguration.Output);
            return results.Any(r => r.Failed) ? RiskMonitorCli.Failure : RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary>Parses "a=b,c=d" (repeatable) into a dictionary.</summary>
    public static Dictionary<string, string> Pairs(string[]? values, string option)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new UsageException($"{option} 的参数“{pair}”应为 名称=值 的形式");
            }

            result[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        return result;
    }
}
