using System.CommandLine;
using System.Globalization;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Analytics.Model;
using RiskMonitor.Core;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor model train|evaluate --labels FILE</c>: the learned level model.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "风险等级学习模型（XGBoost）：用分析人员的历史研判结果训练和评估");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Evaluate());
        return command;
    }

    private static Option<string> LabelsOption() => new("--labels")
    {
        Description = "标签文件（CSV 或 Excel，列 month,category,region,level；level 为 I/II/III/IV、红/橙/黄/蓝 或 none，region 为空表示全省；未列出的已分析对象月按无预警计）",
        Required = true,
    };

    private static Command Train()
    {
        var labels = LabelsOption();
        var directory = new Option<string?>("--dir") { Description = "模型文件目录（默认为数据仓库所在目录下的 models）" };
        var command = new Command("train", "用标签训练模型，保存模型文件和元数据（训练数据哈希、参数、留出月份的验证指标），并设为当前模型") { labels, directory };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var file = parse.GetValue(labels)!;
            var info = ModelTrainer.Train(connection, LevelFiles.ReadLabels(file, warehouse.Reference), file,
                parse.GetValue(directory) ?? ModelDirectory(settings.Warehouse.Path), DateTime.UtcNow);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"已训练模型 {info.Id}（已设为当前模型）");
            output.WriteLine($"  训练样本 {info.TrainingRows:N0} 个对象月（{string.Join("，", info.LabelCounts.Select(p => $"{p.Key} {p.Value}"))}）");
            output.WriteLine($"  模型文件：{info.ModelPath}");
            output.WriteLine($"  元数据：{info.MetadataPath}");
            PrintMetrics("留出月份验证", info.Validation, output);
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command Evaluate()
    {
        var labels = LabelsOption();
        var command = new Command("evaluate", "在标签文件的留出月份（每第 4 个月）上评估当前模型：准确率、二次加权 κ 和混淆矩阵") { labels };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            using var model = ModelRegistry.LoadActive(connection) ?? throw new RiskMonitorException("尚未训练模型，请先运行 model train --labels FILE");
            var set = TrainingSet.Load(connection, LevelFiles.ReadLabels(parse.GetValue(labels)!, warehouse.Reference));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"模型 {model.Id}");
            PrintMetrics("留出月份", ModelTrainer.Evaluate(model, set.Validation.ToList()), output);
            return RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary><c>models</c> beside the warehouse file: <c>data/models</c> for the default <c>data/riskmonitor.duckdb</c>.</summary>
    public static string ModelDirectory(string warehousePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(warehousePath)) ?? ".", "models");

    public static void PrintMetrics(string title, ModelMetrics metrics, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {title}（{string.Join("、", metrics.Months)}，{metrics.Rows:N0} 个对象月）：准确率 {metrics.Accuracy:P1}，二次加权 κ {metrics.QuadraticKappa:0.000}"));
        output.WriteLine("  混淆矩阵（行：标签，列：模型）：");
        string[] names = ["无", "IV", "III", "II", "I"];
        output.WriteLine("    标签\\模型 " + string.Concat(names.Select(n => n.PadLeft(7))));
        for (var i = 0; i < names.Length; i++)
        {
            output.WriteLine($"    {names[i],-8} " + string.Concat(metrics.Confusion[i].Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(7))));
        }
    }
}
