using System.CommandLine;
using RiskMonitor.App.Configuration;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.App.Cli.Commands;

public static partial class WarningsCommand
{
    private static Option<string> UserOption() => new("--user") { Description = "操作用户名（角色取自配置 Users）", Required = true };

    private static Option<string> ReasonOption(string description) => new("--reason") { Description = description, Required = true };

    private static Command Approve()
    {
        var id = new Argument<long>("notice-id") { Description = "通知编号（见 warnings list 或 warnings show）" };
        var user = UserOption();
        var command = new Command("approve", "审批通过一份草稿通知（审批人不能审批本人起草的通知）") { id, user };
        command.SetAction(parse => Act(parse, parse.GetValue(user)!, (lifecycle, output) =>
        {
            var notice = lifecycle.Approve(parse.GetValue(id), parse.GetValue(user)!);
            output.WriteLine($"已审批通知 {notice.NoticeId}：{notice.Number} {notice.Title}");
            output.WriteLine($"  成文日期 {NoticeDocument.DateText(notice.Seal.IssuedOn!.Value)}，反馈期限 {NoticeDocument.DateText(notice.FeedbackDeadline!.Value)}");
            output.WriteLine(lifecycle.ReadyToPublish().Any(p => p.NoticeId == notice.NoticeId)
                ? "  同批通知已全部审批，等待发布。"
                : "  同批尚有通知待审批，全部审批后方可发布。");
            return [notice.WarningId];
        }));
        return command;
    }

    private static Command Reject()
    {
        var id = new Argument<long>("notice-id") { Description = "通知编号" };
        var user = UserOption();
        var reason = ReasonOption("退回理由");
        var command = new Command("reject", "退回一份草稿通知（同批通知一并退回），须填写理由") { id, user, reason };
        command.SetAction(parse => Act(parse, parse.GetValue(user)!, (lifecycle, output) =>
        {
            var rejected = lifecycle.Reject(parse.GetValue(id), parse.GetValue(user)!, parse.GetValue(reason)!);
            output.WriteLine($"已退回通知 {string.Join("、", rejected.Select(n => n.NoticeId))}，理由：{parse.GetValue(reason)}");
            return rejected.Select(n => n.WarningId).ToList();
        }));
        return command;
    }

    private static Command Lift()
    {
        var id = new Argument<long>("warning-id") { Description = "预警编号" };
        var user = UserOption();
        var reason = ReasonOption("解除理由");
        var command = new Command("lift", "为已发布的预警起草解除通知（由分析员或审批人起草，经另一位审批人审批后发布）") { id, user, reason };
        command.SetAction(parse => Act(parse, parse.GetValue(user)!, (lifecycle, output) =>
        {
            var drafts = lifecycle.RequestLift(parse.GetValue(id), parse.GetValue(user)!, parse.GetValue(reason)!);
            output.WriteLine($"已起草解除通知 {drafts.Count} 份（待审批）：");
            foreach (var d in drafts)
            {
                output.WriteLine($"  通知 {d.NoticeId}：{d.Title}");
            }

            return [.. drafts.Select(d => d.WarningId)];
        }));
        return command;
    }

    /// <summary>Runs one change through the lifecycle service, then rewrites the files of the warnings it touched.</summary>
    private static int Act(ParseResult parse, string userName, Func<WarningLifecycle, TextWriter, IReadOnlyList<long>> action)
    {
        var settings = RiskMonitorCli.Settings(parse);
        var output = parse.InvocationConfiguration.Output;
        var users = WarningsConfiguration.Users();
        if (users.Find(userName) is { DemoOnly: true } demo)
        {
            parse.InvocationConfiguration.Error.WriteLine($"注意：“{demo.Name}”是演示账户，正式环境请从配置 Users 中删除。");
        }

        using var warehouse = WarehouseAccess.Open(settings);
        using var connection = warehouse.Connect();
        var lifecycle = new WarningLifecycle(connection, warehouse.Reference, users, TimeProvider.System, WarningsConfiguration.Lifecycle());
        var touched = action(lifecycle, output);
        var written = NoticeOutputs.Write(connection, settings.Output.Directory, touched);
        output.WriteLine($"  已更新通知文件（Markdown 和 .docx）{written.Count} 份，位于 {Path.Combine(settings.Output.Directory, "notices")}");

        return RiskMonitorCli.Success;
    }
}
