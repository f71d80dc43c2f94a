using System.CommandLine;
using System.Globalization;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.App.Cli.Commands;

public static partial class WarningsCommand
{
    private static Command Show()
    {
        var id = new Argument<long>("warning-id") { Description = "预警编号（见 warnings list）" };
        var command = new Command("show", "查看一条预警：全部通知及其正文，以及完整的处理历史") { id };
        command.SetAction(parse =>
        {
            using var warehouse = WarehouseAccess.OpenForQueries(RiskMonitorCli.Settings(parse));
            using var connection = warehouse.Connect();
            var lifecycle = new WarningLifecycle(connection, warehouse.Reference, UserDirectory.Empty, TimeProvider.System, WarningsConfiguration.Lifecycle());
            var (warning, notices, events) = lifecycle.Show(parse.GetValue(id));
            if (warning is null)
            {
                throw new UsageException($"预警 {parse.GetValue(id)} 不存在（见 warnings list）");
            }

            Print(warning, notices, events, warehouse.Reference, parse.InvocationConfiguration.Output);
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static void Print(
        WarningRecord warning, IReadOnlyList<NoticeRecord> notices, IReadOnlyList<WarningEvent> events, ReferenceData reference, TextWriter output)
    {
        var category = reference.Categories.FirstOrDefault(c => c.Code == warning.CategoryCode)?.Name ?? warning.CategoryCode;
        var area = warning.RegionCode.Length == 0 ? "全省" : reference.Regions.FirstOrDefault(r => r.Code == warning.RegionCode)?.Name ?? warning.RegionCode;
        output.WriteLine($"预警 {warning.WarningId}：{area}{category}");
        output.WriteLine($"  级别：{warning.Level.ChineseLabel()}　状态：{warning.Status.ChineseLabel()}　起始月份：{warning.FirstMonth:yyyy-MM}　最近预警月份：{warning.LastMonth:yyyy-MM}");
        output.WriteLine();
        output.WriteLine($"通知（{notices.Count} 份）：");
        foreach (var n in notices)
        {
            output.WriteLine();
            output.WriteLine($"──── 通知 {n.NoticeId}　{n.Kind.ChineseName()}　{n.Action.ChineseLabel()}　【{n.Status.ChineseLabel()}】"
                + (n.Number is { } number ? $"　{number}" : string.Empty));
            output.WriteLine($"     起草：{n.DraftedBy} {Local(n.DraftedAt)}"
                + (n.ApprovedBy is { } approver ? $"　审批：{approver} {Local(n.ApprovedAt!.Value)}" : string.Empty)
                + (n.PublishedAt is { } published ? $"　发布：{Local(published)}" : string.Empty)
                + (n.RejectReason is { } reason ? $"　理由：{reason}" : string.Empty));
            output.WriteLine();
            output.WriteLine(WarningStore.Render(n) ?? "（迁移 003 之前起草的通知，正文见数据库 notices.body_markdown）");
        }

        output.WriteLine("处理历史：");
        foreach (var e in events)
        {
            var levels = (e.FromLevel, e.ToLevel) switch
            {
                ({ } from, { } to) when from != to => $"　{LevelText.Numbered(from)} → {LevelText.Numbered(to)}",
                (_, { } to) => $"　{LevelText.Numbered(to)}",
                _ => string.Empty,
            };
            output.WriteLine($"  {e.Seq,3}. {Local(e.At)}　{e.Actor}　{WarningEventActions.ChineseLabel(e.Action)}{levels}"
                + (e.NoticeId is { } noticeId ? $"　通知 {noticeId}" : string.Empty)
                + (string.IsNullOrEmpty(e.Reason) ? string.Empty : $"　{e.Reason}"));
        }
    }

    /// <summary>A stored UTC time in the bureau's time.</summary>
    private static string Local(DateTime utc) => (utc + BureauClock.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
