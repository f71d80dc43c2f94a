using System.CommandLine;
using System.Globalization;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor evaluate --truth FILE</c>: the stored assessments against planted risks.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var truth = new Option<string>("--truth") { Description = "真值文件（模拟数据生成器的 ground-truth.csv 格式：scenario,category,region,start_month,peak_month,level）", Required = true };
        var command = new Command("evaluate", "对照预置风险真值评估已分析月份的预警：召回率、精确率、级别一致性（二次加权 κ）、提前量和季节性误报") { truth };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            var risks = LevelFiles.ReadTruth(parse.GetValue(truth)!, warehouse.Reference);
            EvaluationPrinter.Print(
                [("规则分级", WarningEvaluator.Evaluate(connection, risks, ruleLevelOnly: true)), ("最终级别", WarningEvaluator.Evaluate(connection, risks))],
                warehouse.Reference, parse.InvocationConfiguration.Output);
            return RiskMonitorCli.Success;
        });
        return command;
    }
}

/// <summary>Prints evaluation reports as a table of figures and one line per planted risk.</summary>
public static class EvaluationPrinter
{
    public static void Print(IReadOnlyList<(string Name, EvaluationReport Report)> reports, ReferenceData reference, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(output);
        if (reports.Count == 0)
        {
            return;
        }

        output.WriteLine($"评估（{reports[0].Report.Months} 个已分析月份，{reports[0].Report.Scenarios.Count} 项预置风险）：");
        output.WriteLine("  口径       | 召回率 | 精确率（对象月） | 精确率（对象） | 级别一致性 κ | 提前量中位数 | 季节性误报");
        foreach (var (name, r) in reports)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-8} | {r.Recall,6:P0} | {r.Precision,7:P0}（{r.TrueSubjectMonths}/{r.WarnedSubjectMonths}） | {r.SubjectPrecision,6:P0}（{r.TrueSubjects}/{r.WarnedSubjects}） | {r.Agreement.QuadraticKappa,12:0.00} | {(r.MedianLeadMonths is { } m ? $"{m:0.#} 个月" : "—"),10} | {r.SeasonalWarnings}"));
        }

        var final = reports[^1].Report;
        output.WriteLine("  各项风险（最终级别）：");
        foreach (var s in final.Scenarios)
        {
            var region = s.Risk.RegionCode.Length == 0 ? "全省" : reference.Region(s.Risk.RegionCode).Name;
            var first = s.FirstWarning is { } f ? f.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "未预警";
            var verdict = s.CaughtBeforePeak ? "峰值前预警" : s.Caught ? "峰值当月预警" : "未达要求";
            output.WriteLine($"    {s.Risk.Scenario}：{region}{reference.Category(s.Risk.CategoryCode).Name}，真值{s.Risk.Level.Roman()}级，" +
                $"起始 {s.Risk.Start:yyyy-MM}，峰值 {s.Risk.Peak:yyyy-MM}；首次预警 {first}，峰值前最高{(s.LevelByPeak == WarningLevel.None ? "无" : s.LevelByPeak.Roman() + "级")}，" +
                $"提前 {(s.LeadMonths is { } l ? l.ToString(CultureInfo.InvariantCulture) : "—")} 个月：{verdict}");
        }
    }
}
