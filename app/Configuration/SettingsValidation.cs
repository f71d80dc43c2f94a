using Quartz;
using RiskMonitor.Core;

namespace RiskMonitor.App.Configuration;

/// <summary>
/// Checks the settings the host and the publisher depend on, and reports every problem at once (in Chinese, for the
/// operator who wrote them) rather than the first one met.
/// </summary>
public static class SettingsValidation
{
    public static IReadOnlyList<string> Problems(RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        var scheduler = settings.Scheduler;
        Cron(problems, "Scheduler:MonthlyCycleCron", scheduler.MonthlyCycleCron);
        Cron(problems, "Scheduler:PublishCron", scheduler.PublishCron);
        Cron(problems, "Scheduler:DeadlineWatchCron", scheduler.DeadlineWatchCron);

        var channels = settings.Publishing.Channels;
        Channel(problems, "Publishing:Channels:Folder", channels.Folder);
        if (channels.Folder.Enabled && string.IsNullOrWhiteSpace(channels.Folder.Path))
        {
            problems.Add("Publishing:Channels:Folder:Path 不能为空");
        }

        Channel(problems, "Publishing:Channels:Webhook", channels.Webhook);
        if (channels.Webhook.Enabled && channels.Webhook.Url is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            problems.Add("Publishing:Channels:Webhook:Url 必须是 http 或 https 的绝对地址");
        }

        if (channels.Webhook.Enabled && channels.Webhook.Timeout <= TimeSpan.Zero)
        {
            problems.Add("Publishing:Channels:Webhook:Timeout 必须大于 0");
        }

        return problems;
    }

    /// <summary>Throws one <see cref="RiskMonitorException"/> naming every problem.</summary>
    public static void ThrowIfInvalid(RiskMonitorSettings settings)
    {
        var problems = Problems(settings);
        if (problems.Count > 0)
        {
            throw new RiskMonitorException($"配置有误：{string.Join("；", problems)}");
        }
    }

    private static void Cron(List<string> problems, string name, string expression)
    {
        if (!CronExpression.TryParse(expression, out _))
        {
            problems.Add($"{name} 不是有效的 Quartz cron 表达式：{expression}");
        }
    }

    private static void Channel(List<string> problems, string name, ChannelSettings channel)
    {
        if (!channel.Enabled)
        {
            return;
        }

        if (channel.MaxAttempts < 1)
        {
            problems.Add($"{name}:MaxAttempts 至少为 1");
        }

        if (channel.BaseBackoff <= TimeSpan.Zero)
        {
            problems.Add($"{name}:BaseBackoff 必须大于 0");
        }

        if (channel.MaxBackoff < channel.BaseBackoff)
        {
            problems.Add($"{name}:MaxBackoff 不能小于 BaseBackoff");
        }

        if (channel.PauseBetweenDeliveries < TimeSpan.Zero)
        {
            problems.Add($"{name}:PauseBetweenDeliveries 不能为负");
        }
    }
}
