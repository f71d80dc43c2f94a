using RiskMonitor.App.Cli.Commands;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.App;

public sealed class DemoTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Demo_SixMonths_IngestsEveryFileAndWritesNoticesAndReports()
    {
        var settings = Settings();
        using var output = new StringWriter();

        DemoCommand.Run(settings, _dir.File("demo"), months: 6, seed: 7, output);

        var printed = output.ToString();
        printed.Should().Contain("失败文件 0").And.Contain("月度报告：");
        var reports = Directory.GetFiles(_dir.File("out/reports"), "monthly-report.html", SearchOption.AllDirectories);
        reports.Should().HaveCount(6);
        File.ReadAllText(reports.Order().Last()).Should().Contain("湖北省工业产品质量安全风险监测月度报告");

        using var database = DuckDbDatabase.Open(settings.Warehouse.Path, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        connection.ExecuteScalar<long>("SELECT count(*) FROM ingest_batches WHERE status = 'loaded'").Should().Be(18);
        connection.ExecuteScalar<long>("SELECT count(DISTINCT month) FROM agg_subject_month").Should().Be(6);
        var notices = connection.ExecuteScalar<long>("SELECT count(*) FROM notices");
        Directory.Exists(_dir.File("out/notices"))
            .Should().Be(notices > 0);
        if (notices > 0)
        {
            Directory.GetFiles(_dir.File("out/notices"), "*.md", SearchOption.AllDirectories).Should().HaveCount((int)notices);
            Directory.GetFiles(_dir.File("out/notices"), "*.docx", SearchOption.AllDirectories).Should().HaveCount((int)notices);
            connection.ExecuteScalar<long>("SELECT count(*) FROM notices WHERE status = 'draft'").Should().Be(0, "the demo approver approves every draft");
            connection.ExecuteScalar<long>("SELECT count(*) FROM notices WHERE status = 'approved'")
                .Should().Be(0, "the demo publishes every approved notice through the outbox");
            var published = connection.ExecuteScalar<long>("SELECT count(*) FROM notices WHERE status = 'published'");
            published.Should().BePositive();
            connection.ExecuteScalar<long>("SELECT count(*) FROM notices WHERE status = 'published' AND (approved_by <> 'demo-approver' OR drafted_by <> 'system')")
                .Should().Be(0, "the analysis drafts as system and a second user, the demo approver, approves");
            Directory.GetFiles(_dir.File("out/published"), "*-folder.json").Should().HaveCount((int)published, "one file per notice on the folder channel");
            File.ReadAllLines(_dir.File("out/published/manifest.jsonl")).Should().HaveCount((int)published);
        }
    }

    [Fact]
    public void Demo_RunTwice_RebuildsItsOwnWarehouseInsteadOfDoublingIt()
    {
        var settings = Settings();
        DemoCommand.Run(settings, _dir.File("demo"), months: 2, seed: 3, TextWriter.Null);
        DemoCommand.Run(settings, _dir.File("demo"), months: 2, seed: 3, TextWriter.Null);

        using var database = DuckDbDatabase.Open(settings.Warehouse.Path, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        connection.ExecuteScalar<long>("SELECT count(*) FROM ingest_batches").Should().Be(6);
    }

    private RiskMonitorSettings Settings() => new(
        new WarehouseSettings { Path = _dir.File("demo/riskmonitor.duckdb") },
        new PrivacySettings { HashKey = "test-key-0123456789abcdef" },
        new OutputSettings { Directory = _dir.File("out") },
        new InboxSettings { Directory = _dir.File("inbox") },
        new SchedulerSettings());

    public void Dispose() => _dir.Dispose();
}
