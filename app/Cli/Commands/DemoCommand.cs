using System.CommandLine;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Analytics.Model;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Cycle;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// <c>riskmonitor demo</c>: a whole run on a generated province, in its own warehouse so that it never touches real data.
/// Every month is processed in order, as the scheduled cycle would have done it month by month.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var months = new Option<int>("--months") { Description = "模拟月数", DefaultValueFactory = _ => 24 };
        var seed = new Option<int>("--seed") { Description = "随机种子", DefaultValueFactory = _ => 20261031 };
        var directory = new Option<string>("--dir") { Description = "演示数据目录（其中的数据仓库每次重建）", DefaultValueFactory = _ => "data/demo" };
        var command = new Command("demo", "演示：生成模拟全省数据，导入、逐月分析，用合成标签训练模型，提出待审批预警并对照真值评估") { months, seed, directory };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            var output = parse.InvocationConfiguration.Output;
            var root = parse.GetValue(directory)!;
            var database = parse.GetResult(RiskMonitorCli.DatabaseOption) is null ? Path.Combine(root, "riskmonitor.duckdb") : settings.Warehouse.Path;
            Run(settings with { Warehouse = new WarehouseSettings { Path = database } }, root, parse.GetValue(months), parse.GetValue(seed), output);
            return RiskMonitorCli.Success;
        });
        return command;
    }

    /// <param name="approveAndPublish">False leaves the drafts awaiting approval (fixtures that exercise approving them).</param>
    public static void Run(RiskMonitorSettings settings, string root, int months, int seed, TextWriter output, bool approveAndPublish = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var input = Path.Combine(root, "input");
        Reset(input, settings.Warehouse.Path);
        output.WriteLine("1/6 生成模拟数据");
        var sample = SampleProvince.Generate(new SampleOptions(input, months, seed, SampleScale.Small));
        SampleCommand.Print(sample, output);

        using var warehouse = RiskWarehouse.Open(settings.Warehouse.Path);
        output.WriteLine("2/6 导入数据");
        var results = new List<IngestResult>();
        using (var runner = new IngestRunner(warehouse, HashKeyStore.Resolve(settings)))
        {
            foreach (var file in sample.Files.OrderBy(f => f.Month).ThenBy(f => f.Source, StringComparer.Ordinal))
            {
                results.Add(runner.Ingest(IngestSources.Parse(file.Source), file.Path));
            }
        }

        output.WriteLine($"  {results.Count} 个文件：读取 {results.Sum(r => r.Read):N0} 行，导入 {results.Sum(r => r.Loaded):N0}，" +
            $"隔离 {results.Sum(r => r.Quarantined):N0}，重复 {results.Sum(r => r.Duplicate):N0}，失败文件 {results.Count(r => r.Failed)}");
        foreach (var failed in results.Where(r => r.Failed))
        {
            output.WriteLine($"  失败：{failed.File}：{failed.Message}");
        }

        output.WriteLine("3/6 逐月评估（规则分级）");
        var cycle = new MonthlyCycle(warehouse, settings.Output.Directory);
        for (var month = sample.FirstMonth; month <= sample.LastMonth; month = month.AddMonths(1))
        {
            cycle.Assess(month);
        }

        output.WriteLine("4/6 训练风险等级模型");
        var truth = LevelFiles.ReadTruth(sample.GroundTruthPath, warehouse.Reference);
        var labels = Path.Combine(input, "labels.csv");
        LevelFiles.WriteLabels(labels, TruthWindows.Labels(truth, sample.FirstMonth, sample.LastMonth), warehouse.Reference);
        output.WriteLine($"  标签：{labels}（合成标签：由模拟数据的预置风险真值生成，代替尚无的分析人员历史研判，仅供演示）");
        using (var connection = warehouse.Connect())
        {
            var model = ModelTrainer.Train(connection, LevelFiles.ReadLabels(labels, warehouse.Reference), labels,
                ModelCommand.ModelDirectory(settings.Warehouse.Path), DateTime.UtcNow);
            output.WriteLine($"  模型 {model.Id}：{model.ModelPath}");
            ModelCommand.PrintMetrics("留出月份验证", model.Validation, output);
        }

        output.WriteLine("5/6 逐月分析（规则分级 + 模型）并提出预警");
        CycleResult? last = null;
        for (var month = sample.FirstMonth; month <= sample.LastMonth; month = month.AddMonths(1))
        {
            last = cycle.Run(month);
            if (last.Notices.Count > 0)
            {
                output.WriteLine($"  {month:yyyy-MM}：新提出 {string.Join("；", last.Notices.Select(n => $"{n.Content.Level.Roman()}级 {n.Title}"))}");
            }
        }

        if (approveAndPublish)
        {
            DemoApprovals.Run(warehouse, settings.Output.Directory, output);
            DemoApprovals.Publish(warehouse, settings.Output.Directory, output);
        }

        output.WriteLine("6/6 结果");
        using (var connection = warehouse.Connect())
        {
            EvaluationPrinter.Print(
                [("规则分级", WarningEvaluator.Evaluate(connection, truth, ruleLevelOnly: true)), ("最终级别", WarningEvaluator.Evaluate(connection, truth))],
                warehouse.Reference, output);
            output.WriteLine("  （模型用同一模拟省份的合成标签训练，最终级别的评估含样本内成分；规则分级不依赖标签。）");
        }

        CyclePrinter.Print(last!, output);
        output.WriteLine($"数据仓库：{settings.Warehouse.Path}");
        output.WriteLine($"预警通知：{Path.Combine(settings.Output.Directory, "notices")}");
        output.WriteLine($"月度报告：{Path.Combine(settings.Output.Directory, "reports")}");
        output.WriteLine($"领导专报：{ReportCommand.WriteBriefing(warehouse, last!.Month, settings.Output.Directory).Pdf}");
        output.WriteLine($"输入文件与真值：{input}");
    }

    private static void Reset(string input, string database)
    {
        if (Directory.Exists(input))
        {
            Directory.Delete(input, recursive: true);
        }

        foreach (var file in new[] { database, database + ".wal" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
