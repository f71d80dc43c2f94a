using System.CommandLine;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.FollowUp;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor cases show CASE</c>: a case with every step, its due date and rule, and its events.</summary>
public static partial class CasesCommand
{
    private static Command Show()
    {
        var reference = new Argument<string>("case") { Description = "抽样单编号或案件编号" };
        var today = TodayOption();
        var command = new Command("show", "显示案件的各环节（起算日、期限届满日、计算依据、办理情况）和事件记录") { reference, today };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var c = FollowUpCases.Find(connection, parse.GetValue(reference)!)
                ?? throw new RiskMonitorException($"找不到抽样单编号或案件编号为“{parse.GetValue(reference)}”的后处理案件");
            Write(parse.InvocationConfiguration.Output, c, FollowUpCases.Events(connection, c.CaseId), warehouse.Reference, Today(parse.GetValue(today), settings));
            return RiskMonitorCli.Success;
        });
        return command;
    }

    internal static void Write(TextWriter output, FollowUpCase c, IReadOnlyList<CaseEvent> events, ReferenceData reference, DateOnly today)
    {
        output.WriteLine(Summary(c, reference, today));
        var closed = c.ClosedOn is { } on ? $"　结案日期：{Iso(on)}（{c.CloseReason}）" : string.Empty;
        var recheck = c.RecheckResult is null ? string.Empty : $"　复查结论：{(c.RecheckResult == "passed" ? "合格" : "不合格")}";
        output.WriteLine($"检验结论：{CaseConclusions.ChineseName(c.Conclusion)}{recheck}　检验报告日期：{(c.ReportDate is { } r ? Iso(r) : "缺失")}　立案日期：{Iso(c.OpenedOn)}{closed}");
        output.WriteLine("环节：");
        foreach (var step in c.Steps)
        {
            WriteStep(output, step, today);
        }

        output.WriteLine("事件：");
        foreach (var e in events)
        {
            var outcome = e.Outcome is null ? string.Empty : $"：{e.Type.FindOutcome(e.Outcome)?.Name ?? e.Outcome}";
            var note = e.Note is null ? string.Empty : $"　备注：{e.Note}";
            output.WriteLine($"  {Iso(e.On)}　{e.Type.Name}{outcome}{note}　{e.Actor}，{e.Source}");
        }
    }

    private static void WriteStep(TextWriter output, CaseStep step, DateOnly today)
    {
        var definition = step.Definition;
        var due = step.DueOn is { } d ? $"期限 {Iso(d)}" : "无法定期限";
        var done = step.DoneOn is { } doneOn ? $"　办结 {Iso(doneOn)}" : string.Empty;
        output.WriteLine($"  {definition.Name}（{definition.Article}，{definition.ActorName}）");
        output.WriteLine($"    起算 {Iso(step.StartedOn)}　{due}{done}　{StepOutcomes.ChineseName(step.Outcome, step.Code)}{Lateness(step, today)}");
        output.WriteLine($"    依据：{step.Rule}");
    }
}
