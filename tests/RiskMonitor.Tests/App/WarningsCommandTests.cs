using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Proposals;

namespace RiskMonitor.Tests.App;

[CollectionDefinition(nameof(OutputDirectoryVariable), DisableParallelization = true)]
public sealed class OutputDirectoryVariable;

/// <summary>
/// <c>warnings list|show|approve|reject|lift</c> over the real command line, as the demo users of the shipped configuration.
/// The output directory comes from the environment, so these tests run alone.
/// </summary>
[Collection(nameof(OutputDirectoryVariable))]
public sealed class WarningsCommandTests : IDisposable
{
    private const string OutputVariable = "RISKMONITOR_Output__Directory";
    private readonly TempDirectory _dir = new();
    private readonly string? _previousOutput = Environment.GetEnvironmentVariable(OutputVariable);
    private readonly long _warningId;
    private readonly long[] _notices;

    public WarningsCommandTests()
    {
        Environment.SetEnvironmentVariable(OutputVariable, _dir.File("out"));
        using var warehouse = RiskWarehouse.Open(Db);
        using var connection = warehouse.Connect();
        connection.Execute(
            """
            INSERT INTO risk_assessments (assessment_id, month, subject_kind, category_code, region_code, rule_level, level, score, explanation, created_at)
            VALUES (1, DATE '2026-02-01', 'category', 'GA01', '', 3, 3, 3.0, '测试评估', now())
            """);
        var drafts = new WarningProposer(warehouse.Reference).Propose(connection, new DateOnly(2026, 2, 1), Actor.SystemName);
        _warningId = drafts[0].WarningId;
        _notices = [.. drafts.Select(d => d.NoticeId)];
    }

    private string Db => _dir.File("w.duckdb");

    [Fact]
    public async Task List_ShowsTheProposalAndItsDraftsInChinese()
    {
        var outcome = await CliHarness.Run("warnings", "list", "--db", Db);

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain("燃气热水器").And.Contain("Ⅱ级（严重，橙色）").And.Contain("待审批")
            .And.Contain($"{_notices[0]} 风险警示通报（草稿，待审批）");
    }

    [Fact]
    public async Task Approve_AsViewer_ExitsOneWithTheRefusal()
    {
        var outcome = await CliHarness.Run("warnings", "approve", $"{_notices[0]}", "--user", "demo-viewer", "--db", Db);

        outcome.ExitCode.Should().Be(1);
        outcome.Error.Should().Contain("错误：用户“demo-viewer”（查看者）只能查看，无权审批通知。");
    }

    [Fact]
    public async Task Approve_AsDemoApprover_NumbersTheNotice_WritesItsFiles_AndSaysItIsADemoAccount()
    {
        var outcome = await CliHarness.Run("warnings", "approve", $"{_notices[0]}", "--user", "demo-approver", "--db", Db);

        outcome.ExitCode.Should().Be(0, outcome.Error);
        outcome.Output.Should().MatchRegex($@"已审批通知 {_notices[0]}：鄂市监风险〔\d{{4}}〕1号 关于全省燃气热水器质量安全风险的风险警示通报")
            .And.Contain("同批尚有通知待审批");
        outcome.Error.Should().Contain("“demo-approver”是演示账户");
        Directory.GetFiles(_dir.File("out/notices/2026-02"), "*.docx").Should().HaveCount(_notices.Length);
    }

    [Fact]
    public async Task Reject_WithoutAReason_IsBadUsage()
    {
        var outcome = await CliHarness.Run("warnings", "reject", $"{_notices[0]}", "--user", "demo-approver", "--db", Db);

        outcome.ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task Show_PrintsTheNoticesAndTheHistory_AndLiftDraftsALiftingOnceItIsPublished()
    {
        foreach (var notice in _notices)
        {
            (await CliHarness.Run("warnings", "approve", $"{notice}", "--user", "demo-approver", "--db", Db)).ExitCode.Should().Be(0);
        }

        using (var warehouse = RiskWarehouse.Open(Db))
        using (var connection = warehouse.Connect())
        {
            var lifecycle = new WarningLifecycle(connection, warehouse.Reference, UserDirectory.Empty);
            foreach (var notice in lifecycle.ReadyToPublish())
            {
                lifecycle.MarkPublished(notice.NoticeId, DateTimeOffset.UtcNow);
            }
        }

        var lift = await CliHarness.Run("warnings", "lift", $"{_warningId}", "--user", "demo-analyst", "--reason", "召回已完成，风险已消除", "--db", Db);
        lift.ExitCode.Should().Be(0, lift.Error);
        lift.Output.Should().Contain("已起草解除通知").And.Contain("关于解除全省燃气热水器质量安全风险预警的风险警示通报");

        var show = await CliHarness.Run("warnings", "show", $"{_warningId}", "--db", Db);
        show.ExitCode.Should().Be(0, show.Error);
        show.Output.Should().Contain($"预警 {_warningId}：全省燃气热水器").And.Contain("状态：已发布")
            .And.Contain("# 关于全省燃气热水器质量安全风险的风险警示通报").And.Contain("处理历史：")
            .And.Contain("system　提出预警　无预警 → Ⅱ级").And.Contain("demo-approver　审批通过").And.Contain("发布")
            .And.Contain("demo-analyst　申请解除").And.Contain("召回已完成，风险已消除");
    }

    [Fact]
    public async Task Show_UnknownWarning_IsBadUsage()
    {
        var outcome = await CliHarness.Run("warnings", "show", "999", "--db", Db);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("预警 999 不存在");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(OutputVariable, _previousOutput);
        _dir.Dispose();
    }
}
