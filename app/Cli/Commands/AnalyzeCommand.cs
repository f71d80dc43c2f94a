using System.CommandLine;
using RiskMonitor.App.Cycle;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor analyze --month YYYY-MM</c>: the month's assessments, proposed warnings, notices and report.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var month = MonthArgument.Create();
        var command = new Command("analyze", "分析指定月份：汇总、评估风险等级、提出预警建议并生成待审批通知和月度报告") { month };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            var result = new MonthlyCycle(warehouse, settings.Output.Directory).Run(MonthArgument.Parse(parse.GetValue(month)));
            CyclePrinter.Print(result, parse.InvocationConfiguration.Output);
            return RiskMonitorCli.Success;
        });
        return command;
    }
}

/// <summary>Prints a cycle's outcome for the terminal.</summary>
public static class CyclePrinter
{
    public static void Print(CycleResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"{result.Month:yyyy-MM}：评估 {result.Assessments.Count} 个风险对象，其中 {result.Warned} 个达到预警级别" +
            $"（{string.Join("，", WarningLevels.Descending.Select(l => $"{l.Roman()}级 {result.Assessments.Count(a => a.Level == l)}"))}）");
        output.WriteLine($"新提出预警通知 {result.Notices.Count} 份（待审批）：");
        foreach (var file in result.NoticeFiles)
        {
            output.WriteLine($"  {file}");
        }

        output.WriteLine($"月度报告：{result.ReportPath}");
    }
}
