using System.Text;
using RiskMonitor.Warnings.FollowUp;
using static RiskMonitor.Tests.Warnings.FollowUp.FollowUpWorld;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// Importing case events from a file: all rows or none. Two cases, both reported Mon 2026-01-26: result notice received
/// Wed 01-28 → objection window to Thu 02-12.
/// </summary>
public sealed class CaseEventImportTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-03-02");
    private readonly TempDirectory _dir = new();

    public CaseEventImportTests()
    {
        _world.Sample("S-1", "甲厂", passed: false, sampledAt: "2026-01-10", reportDate: "2026-01-26")
            .Sample("S-2", "乙厂", passed: false, sampledAt: "2026-01-10", reportDate: "2026-01-26");
        _world.OpenCases();
    }

    private CaseEventImport Import => new(_world.Recorder);

    [Fact]
    public void Import_GoodFile_RecordsEveryRowInFileOrder()
    {
        var path = Write("events.csv", Encoding.UTF8,
            "抽样单编号,事件,日期,结果,备注",
            "S-1,收到检验结果通知单,2026-01-28,,",
            "S-1,提出书面异议申请,2026/2/5,,对检验方法有异议",
            "S-2,result_received,2026年1月28日,,",
            "S-2,no_objection,2026-02-02,,");

        var result = Import.Import(_world.Connection, path, D("2026-03-02"), "李四");

        result.Should().Be(new CaseImportResult("events.csv", 4, 2));
        _world.Case("S-1").Stage.Should().Be(CaseStage.Objection);
        _world.Case("S-2").Stage.Should().Be(CaseStage.Transfer);
        var events = FollowUpCases.Events(_world.Connection, _world.Case("S-1").CaseId);
        events.Select(e => e.Source).Should().Equal("csv:events.csv:2", "csv:events.csv:3");
        events[1].Note.Should().Be("对检验方法有异议");
        events.Should().OnlyContain(e => e.Actor == "李四");
    }

    [Fact]
    public void Import_GbkFileWithEnglishHeaders_IsRead()
    {
        var path = Write("gbk.csv", Gbk(), "sample_id,event,date,outcome,note", "S-1,收到检验结果通知单,2026-01-28,,");

        Import.Import(_world.Connection, path, D("2026-03-02"), "李四").Events.Should().Be(1);
    }

    [Fact]
    public void Import_UnreadableRows_AreAllReportedWithTheirLines_AndNothingIsLoaded()
    {
        var path = Write("bad.csv", Encoding.UTF8,
            "抽样单编号,事件,日期",
            "S-1,收到检验结果通知单,2026-01-28",
            "S-2,收到检验结果通知单,2026-13-45",
            ",飞鸽传书,");

        var act = () => Import.Import(_world.Connection, path, D("2026-03-02"), "李四");

        var problems = act.Should().Throw<CaseImportException>().Which.Problems;
        problems.Select(p => p.ToString()).Should().Equal(
            "第 3 行：日期“2026-13-45”无法识别，应为 yyyy-MM-dd",
            "第 4 行：抽样单编号（或案件编号）为空；未知的事件“飞鸽传书”；日期为空");
        _world.Case("S-1").Stage.Should().Be(CaseStage.Delivery);
    }

    [Fact]
    public void Import_RowTheCaseRefuses_RollsBackTheRowsBeforeIt_AndSkipsTheCasesLaterRows()
    {
        var path = Write("order.csv", Encoding.UTF8,
            "抽样单编号,事件,日期,结果",
            "S-1,收到检验结果通知单,2026-01-28,",
            "S-2,收到不合格结果移交处理通知书,2026-01-29,",
            "S-2,收到检验结果通知单,2026-01-30,",
            "S-1,objection_result_notice,2026-02-03,retest");

        var act = () => Import.Import(_world.Connection, path, D("2026-03-02"), "李四");

        var error = act.Should().Throw<CaseImportException>().Which;
        error.Problems.Select(p => p.Line).Should().Equal(3, 4, 5);
        error.Problems[0].Message.Should().Contain("当前处于“检验结果送达”阶段");
        error.Problems[1].Message.Should().Be("同一案件第 3 行有错误，本行未检查");
        error.Problems[2].Message.Should().Contain("当前处于“异议申请期”阶段");
        error.Message.Should().StartWith("文件“order.csv”有 3 行错误，未导入任何记录");
        _world.Connection.ExecuteScalar<long>("SELECT count(*) FROM followup_events").Should().Be(0);
        _world.Case("S-1").Stage.Should().Be(CaseStage.Delivery, "line 2 was valid but the file loads as a whole or not at all");
    }

    [Fact]
    public void Import_WithoutAnEventColumn_SaysWhichColumnIsMissing()
    {
        var path = Write("cols.csv", Encoding.UTF8, "抽样单编号,日期,备注", "S-1,2026-01-28,");

        var act = () => Import.Import(_world.Connection, path, D("2026-03-02"), "李四");

        act.Should().Throw<CaseImportException>().WithMessage("*第 1 行：缺少事件（event）列*");
    }

    private static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }

    private string Write(string name, Encoding encoding, params string[] lines)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", encoding);
        return path;
    }

    public void Dispose()
    {
        _world.Dispose();
        _dir.Dispose();
    }
}
