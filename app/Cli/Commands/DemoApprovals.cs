using Microsoft.Extensions.Logging.Abstractions;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// The demo's approval step: the demo approver (a <c>DemoOnly</c> approver of the <c>Users</c> configuration) approves every
/// draft the monthly analysis wrote, through the same service and checks as <c>warnings approve</c>, so that the
/// publication job has approved notices to publish. Demo only: real drafts are read by a person before approval.
/// </summary>
public static class DemoApprovals
{
    public static void Run(RiskWarehouse warehouse, string outputDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(output);
        var users = WarningsConfiguration.Users();
        var approver = users.Users.FirstOrDefault(u => u.DemoOnly && u.Role == UserRole.Approver);
        if (approver is null)
        {
            output.WriteLine("  未配置演示审批人（Users 中 DemoOnly 的 approver），草稿保持待审批");
            return;
        }

        using var connection = warehouse.Connect();
        var lifecycle = new WarningLifecycle(connection, warehouse.Reference, users, TimeProvider.System, WarningsConfiguration.Lifecycle());
        var drafts = WarningStore.Drafts(connection);
        foreach (var draft in drafts)
        {
            lifecycle.Approve(draft.NoticeId, approver.Name);
        }

        NoticeOutputs.Write(connection, outputDirectory, drafts.Select(d => d.WarningId));
        output.WriteLine($"  演示审批：{approver.Name}（审批人，演示账户）审批通过草稿通知 {drafts.Count} 份，待发布（文号、成文日期和反馈期限已填写）");
    }

    /// <summary>
    /// The demo's publication: one pass of the same outbox the scheduled job drains, to a folder channel under the output
    /// directory only (a demo never calls a configured webhook); then every notice file is rewritten in its published state.
    /// </summary>
    public static void Publish(RiskWarehouse warehouse, string outputDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(output);
        var folder = Path.Combine(outputDirectory, "published");
        var route = new PublicationRoute(new FolderChannel(folder, TimeProvider.System), DeliveryPolicy.Default);
        var publisher = new OutboxPublisher(warehouse, [route], TimeProvider.System, NullLogger<OutboxPublisher>.Instance);
        var result = publisher.RunOnceAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var connection = warehouse.Connect();
        NoticeOutputs.Write(connection, outputDirectory, connection.Query("SELECT warning_id FROM warnings", r => r.GetInt64(0)));
        output.WriteLine($"  演示发布：已审批通知 {result.Published.Count} 份经发布队列投递至 {folder}（每份通知一个文件，附清单 manifest.jsonl）");
    }
}
