using System.CommandLine;
using RiskMonitor.Warnings.FollowUp;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor cases event|import|event-types|watch</c>.</summary>
public static partial class CasesCommand
{
    private static Command Event()
    {
        var reference = new Argument<string>("case") { Description = "抽样单编号或案件编号" };
        var type = new Argument<string>("event") { Description = "事件代码或中文名称，见 riskmonitor cases event-types" };
        var date = new Option<string>("--date") { Description = "事件发生日期 YYYY-MM-DD（如收到通知书之日），为后续期限的起算日", Required = true };
        var outcome = new Option<string?>("--outcome") { Description = "事件结果（部分事件须填写，如 objection_result_notice 的 retest/rejected/upheld）" };
        var note = new Option<string?>("--note") { Description = "备注" };
        var actor = ActorOption();
        var today = TodayOption();
        var holidays = DeadlineCommand.HolidaysOption();
        var command = new Command("event", "记录案件事件；事件结束当前环节并开始下一环节，按第三十四条计算期限")
        {
            reference, type, date, outcome, note, actor, today, holidays,
        };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var input = new CaseEventInput(
                parse.GetValue(reference)!, parse.GetValue(type)!, DeadlineCommand.ParseDate(parse.GetValue(date), "--date"),
                parse.GetValue(outcome), parse.GetValue(note));
            var day = Today(parse.GetValue(today), settings);
            var recorded = new CaseEventRecorder(Calendar(parse, holidays), TimeProvider.System)
                .Record(connection, input, day, parse.GetValue(actor)!, "cli");
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"已记录：案件 {recorded.Case.CaseId}（抽样单 {recorded.Case.SampleId}）{Iso(recorded.Event.On)} {recorded.Event.Type.Name}。当前阶段：{recorded.Case.Stage.ChineseName()}。");
            foreach (var step in recorded.StartedSteps)
            {
                var due = step.DueOn is { } d ? $"期限届满日 {Iso(d)}" : "无法定期限";
                output.WriteLine($"下一环节：{step.Definition.Name}（{step.Definition.ActorName}，{step.Definition.Article}），{due}");
                output.WriteLine($"  依据：{step.Rule}");
            }

            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "CSV、XLSX 或 XLS 文件；列：抽样单编号（或案件编号）、事件、日期、结果、备注" };
        var encoding = new Option<string?>("--encoding") { Description = "CSV 编码（utf-8、gb18030、gbk），默认自动识别" };
        var actor = ActorOption();
        var today = TodayOption();
        var holidays = DeadlineCommand.HolidaysOption();
        var command = new Command("import", "从文件批量导入案件事件：按文件顺序在一个事务中导入，任一行有误则全部不导入，并列出每个错误行的行号和原因")
        {
            file, encoding, actor, today, holidays,
        };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var import = new CaseEventImport(new CaseEventRecorder(Calendar(parse, holidays), TimeProvider.System));
            try
            {
                var result = import.Import(connection, parse.GetValue(file)!, Today(parse.GetValue(today), settings), parse.GetValue(actor)!, parse.GetValue(encoding));
                parse.InvocationConfiguration.Output.WriteLine($"已导入 {result.File}：{result.Events} 条事件，涉及 {result.Cases} 个案件。");
                return RiskMonitorCli.Success;
            }
            catch (CaseImportException e) when (e.Problems.Count > 0)
            {
                // Every bad row on its own line: the clerk fixes them all in one pass.
                var error = parse.InvocationConfiguration.Error;
                error.WriteLine($"错误：文件“{Path.GetFileName(parse.GetValue(file))}”有 {e.Problems.Count} 行错误，未导入任何记录：");
                foreach (var problem in e.Problems)
                {
                    error.WriteLine($"  {problem}");
                }

                return RiskMonitorCli.Failure;
            }
        });
        return command;
    }

    private static Command EventTypes()
    {
        var command = new Command("event-types", "列出可记录的事件类型、结果选项及所依据的条款");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var type in FollowUpEvents.All.Where(t => !t.SystemOnly))
            {
                var article = type.Article.Length == 0 ? string.Empty : $"（{type.Article}）";
                output.WriteLine($"{type.Code}　{type.Name}{article}");
                foreach (var o in type.Outcomes)
                {
                    output.WriteLine($"    --outcome {o.Code}　{o.Name}");
                }
            }

            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command Watch()
    {
        var today = TodayOption();
        var holidays = DeadlineCommand.HolidaysOption();
        var command = new Command("watch", "逾期检查（每日定时任务的同一逻辑）：标记期限已过而未办理的环节，每个环节只标记一次；并处理届满的异议期和复检样品确认期")
        {
            today, holidays,
        };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var flagged = new DeadlineWatch(Calendar(parse, holidays), TimeProvider.System).FlagOverdue(connection, Today(parse.GetValue(today), settings));
            var output = parse.InvocationConfiguration.Output;
            foreach (var o in flagged)
            {
                output.WriteLine(o.Message);
            }

            output.WriteLine($"新发现逾期环节 {flagged.Count} 个。");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Option<string> ActorOption() => new("--actor")
    {
        Description = "经办人（默认当前系统用户名）",
        DefaultValueFactory = _ => Environment.UserName,
    };
}
