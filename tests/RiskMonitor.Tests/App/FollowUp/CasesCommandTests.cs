using System.Text;

namespace RiskMonitor.Tests.App.FollowUp;

/// <summary>
/// <c>riskmonitor cases</c> end to end on a warehouse file: spot checks ingested, cases opened, events recorded from the
/// command line and a CSV file, the watch, and the producer lists. Dates are given with <c>--today</c>.
/// SC-001 is reported Mon 2026-02-09: delivery due 02-16 (春节) → 02-24.
/// </summary>
public sealed class CasesCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("w.duckdb");

    [Fact]
    public async Task Cases_OpenRecordShow_PrintsEachStepWithItsDueDateAndRule()
    {
        await Ingest();

        var open = await Cases("open", "--today", "2026-02-10");
        open.Output.Should().Contain("案件 1　抽样单 SC-001　华中电动车有限公司　武汉市").And.Contain("2026-02-24").And.Contain("新立案 2 件");
        (await Cases("open", "--today", "2026-02-11")).Output.Should().Contain("新立案 0 件");

        // Received Fri 02-13 + 15 = Sat 02-28, a worked Saturday: the window ends that day.
        var recorded = await Cases("event", "SC-001", "收到检验结果通知单", "--date", "2026-02-13", "--today", "2026-02-13", "--actor", "张三");
        recorded.ExitCode.Should().Be(0);
        recorded.Output.Should().Contain("当前阶段：异议申请期").And.Contain("下一环节：提出书面异议申请").And.Contain("期限届满日 2026-02-28");

        var show = await Cases("show", "SC-001", "--today", "2026-02-13");
        show.Output.Should().Contain("起算 2026-02-09　期限 2026-02-24　办结 2026-02-13　按期完成")
            .And.Contain("起算 2026-02-13　期限 2026-02-28")
            .And.Contain("2026-02-13　收到检验结果通知单　张三，cli");
    }

    [Fact]
    public async Task Cases_EventTheCaseRefuses_ExitsOneWithTheReason()
    {
        await Ingest();
        await Cases("open", "--today", "2026-02-10");

        var refused = await Cases("event", "SC-001", "transferred", "--date", "2026-02-12", "--today", "2026-02-12");

        refused.ExitCode.Should().Be(1);
        refused.Error.Should().StartWith("错误：案件当前处于“检验结果送达”阶段");
    }

    [Fact]
    public async Task Cases_ImportWithBadRows_ListsEveryLineAndLoadsNothing()
    {
        await Ingest();
        await Cases("open", "--today", "2026-02-10");
        var file = _dir.File("events.csv");
        await File.WriteAllTextAsync(file, "抽样单编号,事件,日期,结果\nSC-001,收到检验结果通知单,2026-02-13,\nSC-404,收到检验结果通知单,2026-02-13,\nSC-003,收到检验结果通知单,2026-9-31,\n", Encoding.UTF8);

        var import = await Cases("import", file, "--today", "2026-10-01");

        import.ExitCode.Should().Be(1);
        import.Error.Should().Contain("第 4 行：日期“2026-9-31”无法识别");
        await File.WriteAllTextAsync(file, "抽样单编号,事件,日期,结果\nSC-001,收到检验结果通知单,2026-02-13,\nSC-404,收到检验结果通知单,2026-02-13,\n", Encoding.UTF8);
        var second = await Cases("import", file, "--today", "2026-10-01");
        second.ExitCode.Should().Be(1);
        second.Error.Should().Contain("未导入任何记录").And.Contain("  第 3 行：找不到抽样单编号或案件编号为“SC-404”的后处理案件");
        (await Cases("show", "SC-001", "--today", "2026-10-01")).Output.Should().Contain("阶段：检验结果送达");
    }

    [Fact]
    public async Task Cases_WatchListFlagsAndKeyList_ShowTheFollowUpState()
    {
        await Ingest();
        await Cases("open", "--today", "2026-02-10");

        var watch = await Cases("watch", "--today", "2026-02-25");
        watch.Output.Should().Contain("案件 1（抽样单 SC-001，华中电动车有限公司）：承检机构应于 2026-02-24 前送达").And.Contain("新发现逾期环节 1 个");
        (await Cases("watch", "--today", "2026-02-25")).Output.Should().Contain("新发现逾期环节 0 个");
        (await Cases("list", "--overdue", "--today", "2026-02-25")).Output.Should().Contain("SC-001").And.Contain("已逾期 1 日").And.Contain("共 1 件");

        var flags = await Cases("flags", "--format", "csv");
        flags.Output.Should().Contain("华中电动车有限公司,武汉市,1,1,2026-01-20,否,否,");
        var keyList = await Cases("key-list", "--format", "csv");
        keyList.Output.Should().Contain("汉江电器厂,宜昌市,1,2026-08-20,2026-08-20,2026,否");
    }

    [Theory]
    [InlineData("open")]
    [InlineData("list")]
    [InlineData("show")]
    [InlineData("event")]
    [InlineData("import")]
    [InlineData("event-types")]
    [InlineData("watch")]
    [InlineData("flags")]
    [InlineData("key-list")]
    public async Task EveryCasesSubcommand_HasHelp(string sub)
    {
        var outcome = await CliHarness.Run("cases", sub, "--help");

        outcome.ExitCode.Should().Be(0);
        outcome.Output.Should().Contain(sub);
    }

    [Fact]
    public async Task EventTypes_ListsCodesNamesAndOutcomes()
    {
        var outcome = await CliHarness.Run("cases", "event-types");

        outcome.Output.Should().Contain("result_received　收到检验结果通知单（第五条、第七条）")
            .And.Contain("--outcome retest　需要复检")
            .And.NotContain("objection_lapsed");
    }

    private Task<CliHarness.Outcome> Cases(params string[] args) => CliHarness.Run(["cases", .. args, "--db", Db]);

    private async Task Ingest()
    {
        var file = _dir.File("spot-checks.csv");
        await File.WriteAllTextAsync(file, """
            抽样单编号,抽查任务,抽样日期,抽样地区,产品类别,产品名称,生产企业,生产企业所在地,检验结论,不合格项目,报告日期
            SC-001,2026年省级监督抽查,2026-01-20,武汉市,电动自行车,电动自行车,华中电动车有限公司,武汉市,不合格,制动性能,2026-02-09
            SC-002,2026年省级监督抽查,2026-01-20,武汉市,电动自行车,电动自行车,汉江电器厂,宜昌市,合格,,2026-02-09
            SC-003,2026年省级监督抽查,2026-08-20,宜昌市,电动自行车,电动自行车,汉江电器厂,宜昌市,不合格,标识,2026-09-07

            """, Encoding.UTF8);
        (await CliHarness.Run("ingest", "spot-checks", file, "--db", Db)).ExitCode.Should().Be(0);
    }

    public void Dispose() => _dir.Dispose();
}
