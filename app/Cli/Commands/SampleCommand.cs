using System.CommandLine;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor sample --out DIR --months N --seed S --scale small|province</c>.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "输出目录", DefaultValueFactory = _ => "data/sample" };
        var months = new Option<int>("--months") { Description = "月数（最后一个月为 2026-10）", DefaultValueFactory = _ => 24 };
        var seed = new Option<int>("--seed") { Description = "随机种子（同一种子生成完全相同的文件）", DefaultValueFactory = _ => 20261031 };
        var scale = new Option<SampleScale>("--scale") { Description = "规模：small（演示）或 province（全省真实量级，约每月 5 万件投诉）", DefaultValueFactory = _ => SampleScale.Small };
        var command = new Command("sample", "生成模拟的全省输入数据（投诉、监督抽查、监测站月报，CSV 与 XLSX），含预置风险情景及其真值文件")
        {
            output, months, seed, scale,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(months) < 1)
            {
                throw new Core.UsageException("--months 至少为 1");
            }

            var summary = SampleProvince.Generate(new SampleOptions(parse.GetValue(output)!, parse.GetValue(months), parse.GetValue(seed), parse.GetValue(scale)));
            Print(summary, parse.InvocationConfiguration.Output);
            return RiskMonitorCli.Success;
        });
        return command;
    }

    public static void Print(SampleSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"已生成 {summary.FirstMonth:yyyy-MM} 至 {summary.LastMonth:yyyy-MM} 的模拟数据：{summary.Files.Count} 个文件，" +
            $"共 {summary.Files.Sum(f => f.Rows):N0} 行，用时 {summary.Elapsed.TotalSeconds:0.0} 秒");
        foreach (var group in summary.Files.GroupBy(f => f.Source))
        {
            output.WriteLine($"  {group.Key}: {group.Count()} 个文件，{group.Sum(f => f.Rows):N0} 行");
        }

        output.WriteLine($"预置风险情景真值：{summary.GroundTruthPath}");
    }
}
