using System.Net;
using System.Net.Sockets;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Warnings.Publishing;

/// <summary><c>riskmonitor publish</c> run as operators run it: a real process configured through its environment.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private readonly PublishingWarehouse _w = new(open: false);

    private string Drop => _w.Directory.File("drop");

    private Dictionary<string, string> Environment(Uri? webhook = null, int maxAttempts = 12) => new()
    {
        ["RISKMONITOR_Privacy__HashKey"] = "publish-command-key-0123",
        ["RISKMONITOR_Publishing__Channels__Folder__Path"] = Drop,
        ["RISKMONITOR_Publishing__Channels__Webhook__Enabled"] = webhook is null ? "false" : "true",
        ["RISKMONITOR_Publishing__Channels__Webhook__Url"] = webhook?.ToString() ?? string.Empty,
        ["RISKMONITOR_Publishing__Channels__Webhook__MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RISKMONITOR_Publishing__Channels__Webhook__BaseBackoff"] = "00:00:01",
        ["RISKMONITOR_Publishing__Channels__Webhook__MaxBackoff"] = "00:00:01",
    };

    private Task<(int ExitCode, string Output)> Publish(Dictionary<string, string> environment, params string[] args) =>
        ServeProcess.RunAsync(_w.Directory.Path, environment, ["publish", "--db", _w.Path, .. args]);

    private void Seed(int approved)
    {
        using var warehouse = RiskWarehouse.Open(_w.Path);
        using var connection = warehouse.Connect();
        for (var i = 0; i < approved; i++)
        {
            PublishingWarehouse.AddNotice(connection, "approved");
        }

        PublishingWarehouse.AddNotice(connection, "draft", approvedBy: null);
    }

    private static Uri NobodyListening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/hook");
    }

    [Fact]
    public async Task PublishOnce_FolderOnly_PublishesTheApprovedNoticesAndSaysSoInChinese()
    {
        Seed(2);

        var (code, output) = await Publish(Environment(), "--once");

        code.Should().Be(0, output);
        output.Should().Contain("发布（folder）：新入队 2 条，投递成功 2 条").And.Contain("已发布通知 2 份").And.Contain("已投递 2");
        Directory.GetFiles(Drop, "*.json").Should().HaveCount(2);
    }

    [Fact]
    public async Task PublishOnce_WebhookDown_ExitsWithFailure_TellsWhenItRetries_AndTheFolderStillGetsItsNotice()
    {
        Seed(1);

        var (code, output) = await Publish(Environment(NobodyListening()), "--once");

        code.Should().Be(1, output);
        output.Should().Contain("失败 1 条（将按退避重试）").And.Contain("通知 1 → webhook：已尝试 1 次，将于").And.Contain("unreachable");
        Directory.GetFiles(Drop, "*.json").Should().ContainSingle();
    }

    [Fact]
    public async Task Publish_WithoutOnce_WaitsOutTheBackoffAndFinishes()
    {
        Seed(1);
        await using var receiver = await WebhookReceiver.StartAsync();
        var refused = 0;
        receiver.Behaviour = (_, _) => Interlocked.Increment(ref refused) == 1 ? ReceiverAction.Fail : ReceiverAction.Accept;

        var (code, output) = await Publish(Environment(receiver.Url));

        code.Should().Be(0, output);
        output.Should().Contain("等待").And.Contain("已发布通知 1 份").And.Contain("待投递 0");
        receiver.Accepted.Should().ContainSingle();
    }

    [Fact]
    public async Task PublishRetryFailed_PutsGivenUpDeliveriesBack()
    {
        Seed(1);
        var (firstCode, first) = await Publish(Environment(NobodyListening(), maxAttempts: 1), "--once");
        firstCode.Should().Be(1, first);
        first.Should().Contain("已放弃 1").And.Contain("--retry-failed");

        await using var receiver = await WebhookReceiver.StartAsync();
        var (code, output) = await Publish(Environment(receiver.Url, maxAttempts: 1), "--once", "--retry-failed");

        code.Should().Be(0, output);
        output.Should().Contain("已将 1 条已放弃的投递重新置为待投递").And.Contain("已发布通知 1 份");
        using var warehouse = RiskWarehouse.Open(_w.Path);
        using var connection = warehouse.Connect();
        connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'publish_retry'").Should().Be(1);
    }

    [Fact]
    public async Task Publish_NoChannelEnabled_FailsInOneLine()
    {
        var environment = Environment();
        environment["RISKMONITOR_Publishing__Channels__Folder__Enabled"] = "false";

        var (code, output) = await Publish(environment, "--once");

        code.Should().Be(1);
        output.Trim().Should().Be("错误：未启用任何发布渠道（Publishing:Channels:*:Enabled），已审批的通知不会发出");
    }

    [Fact]
    public async Task Publish_BadSettings_ReportsEveryProblemAtOnce()
    {
        var environment = Environment();
        environment["RISKMONITOR_Publishing__Channels__Webhook__Enabled"] = "true";
        environment["RISKMONITOR_Publishing__Channels__Folder__MaxAttempts"] = "0";
        environment["RISKMONITOR_Scheduler__PublishCron"] = "every minute";

        var (code, output) = await Publish(environment, "--once");

        code.Should().Be(1);
        output.Should().Contain("配置有误").And.Contain("Scheduler:PublishCron").And.Contain("Folder:MaxAttempts").And.Contain("Webhook:Url");
    }

    [Fact]
    public async Task PublishHelp_ListsOnceAndRetryFailed()
    {
        var outcome = await RiskMonitor.Tests.App.CliHarness.Run("publish", "--help");

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain("--once").And.Contain("--retry-failed");
    }

    public void Dispose() => _w.Dispose();
}
