using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Hosting;
using RiskMonitor.Core;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Publishing;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// <c>riskmonitor publish [--once] [--retry-failed]</c>: the operator's way to drain the publication outbox without the
/// service (which, when running, owns the warehouse and publishes every minute by itself).
/// </summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "只处理一轮：将已审批通知入队，投递到期条目后退出（不等待退避重试）" };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "先将已放弃（failed）的投递重新置为待投递" };
        var command = new Command("publish", "向已配置的渠道发布已审批的预警通知，每个通知在每个渠道恰好发布一次") { once, retryFailed };
        command.SetAction(async (parse, cancellation) =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            SettingsValidation.ThrowIfInvalid(settings);
            var output = parse.InvocationConfiguration.Output;
            using var warehouse = WarehouseAccess.Open(settings);
            using var http = PublishingServices.CreateHttpClient();
            var time = TimeProvider.System;
            var routes = PublishingServices.Routes(settings.Publishing, http, time);
            if (routes.Count == 0)
            {
                throw new RiskMonitorException("未启用任何发布渠道（Publishing:Channels:*:Enabled），已审批的通知不会发出");
            }

            if (parse.GetValue(retryFailed))
            {
                using var connection = warehouse.Connect();
                var reset = PublicationOutbox.RetryFailed(connection, Environment.UserName, time.GetUtcNow().UtcDateTime);
                output.WriteLine($"已将 {reset} 条已放弃的投递重新置为待投递。");
            }

            var publisher = new OutboxPublisher(warehouse, routes, time, NullLogger<OutboxPublisher>.Instance);
            var problems = false;
            while (true)
            {
                var result = await publisher.RunOnceAsync(cancellation);
                // Draining to the end, a failed attempt that later succeeds is no problem; in one pass it is left unresolved.
                problems |= parse.GetValue(once) ? result.HasProblems : result.Refused > 0 || result.GivenUp > 0 || result.Cancelled > 0;
                output.WriteLine($"发布（{string.Join("、", routes.Select(r => r.Name))}）：新入队 {result.Enqueued} 条，投递成功 {result.Delivered} 条，" +
                    $"失败 {result.FailedAttempts} 条（将按退避重试），放弃 {result.GivenUp} 条，已发布通知 {result.Published.Count} 份。");
                if (result.Refused > 0)
                {
                    output.WriteLine($"有 {result.Refused} 份已审批通知缺少合规审批（无审批人或由起草人自行审批），未予发布。");
                }

                if (parse.GetValue(once) || !await WaitForNextDue(warehouse, time, output, cancellation))
                {
                    break;
                }
            }

            return PrintState(warehouse, output) || problems ? RiskMonitorCli.Failure : RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary>Waits until the earliest pending row is due; false when nothing is pending.</summary>
    private static async Task<bool> WaitForNextDue(RiskWarehouse warehouse, TimeProvider time, TextWriter output, CancellationToken cancellation)
    {
        DateTime? next;
        using (var connection = warehouse.Connect())
        {
            next = PublicationOutbox.NextDue(connection);
        }

        if (next is not { } due)
        {
            return false;
        }

        var wait = DateTime.SpecifyKind(due, DateTimeKind.Utc) - time.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero)
        {
            output.WriteLine($"等待 {Math.Ceiling(wait.TotalSeconds):0} 秒后重试（Ctrl+C 可中止，未投递的条目会保留）……");
            await Task.Delay(wait, time, cancellation);
        }

        return true;
    }

    /// <summary>Prints the outbox and any failures; true when some delivery was given up.</summary>
    private static bool PrintState(RiskWarehouse warehouse, TextWriter output)
    {
        using var connection = warehouse.Connect();
        var counts = PublicationOutbox.Counts(connection);
        output.WriteLine($"发件箱：待投递 {counts.GetValueOrDefault("pending")}，已投递 {counts.GetValueOrDefault("delivered")}，" +
            $"已放弃 {counts.GetValueOrDefault("failed")}，已取消 {counts.GetValueOrDefault("cancelled")}。");
        foreach (var p in PublicationOutbox.Problems(connection))
        {
            var state = p.Status switch
            {
                "failed" => "已放弃，可用 --retry-failed 重试",
                "cancelled" => "已取消",
                _ => $"将于 {p.NextAttemptUtc:yyyy-MM-dd HH:mm:ss} UTC 重试",
            };
            output.WriteLine($"  通知 {p.NoticeId} → {p.Channel}：已尝试 {p.Attempts} 次，{state}；最近错误：{p.LastError}");
        }

        return counts.GetValueOrDefault("failed") > 0;
    }
}
