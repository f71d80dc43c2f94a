using RiskMonitor.Warnings.FollowUp;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// Events that do not fit the case are refused in Chinese, saying why, and write nothing. The case: report Mon 2026-01-26,
/// notice received Wed 01-28, objection window to 01-28 + 15 = Thu 02-12.
/// </summary>
public sealed class CaseEventRefusalTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-01-26");

    public CaseEventRefusalTests()
    {
        _world.Sample("S-1", "楚天玩具厂", passed: false, sampledAt: "2026-01-10", reportDate: "2026-01-26");
        _world.OpenCases();
    }

    [Fact]
    public void EventOutOfOrder_IsRefusedNamingTheStage()
    {
        var act = () => _world.Record("S-1", "transferred", "2026-01-27");

        act.Should().Throw<FollowUpException>().WithMessage("*当前处于“检验结果送达”阶段，不能记录“收到不合格结果移交处理通知书”*");
        FollowUpCases.Events(_world.Connection, _world.Case("S-1").CaseId).Should().BeEmpty();
    }

    [Fact]
    public void EventDatedAfterToday_IsRefused()
    {
        var act = () => _world.Recorder.Record(
            _world.Connection, new CaseEventInput("S-1", "result_received", FollowUpWorld.D("2026-01-28")), FollowUpWorld.D("2026-01-27"), "张三");

        act.Should().Throw<FollowUpException>().WithMessage("*晚于今天*");
    }

    [Fact]
    public void UnknownEventOrCase_IsRefused()
    {
        var unknownEvent = () => _world.Record("S-1", "delivered_by_pigeon", "2026-01-27");
        var unknownCase = () => _world.Record("S-404", "result_received", "2026-01-28");

        unknownEvent.Should().Throw<FollowUpException>().WithMessage("未知的事件“delivered_by_pigeon”*");
        unknownCase.Should().Throw<FollowUpException>().WithMessage("*找不到*S-404*");
    }

    [Fact]
    public void EventDatedBeforeTheStepItEnds_IsRefused()
    {
        _world.Record("S-1", "result_received", "2026-01-28");

        var act = () => _world.Record("S-1", "objection_filed", "2026-01-27", enteredOn: "2026-01-28");

        act.Should().Throw<FollowUpException>().WithMessage("2026-01-27 早于“提出书面异议申请”的起算日 2026-01-28");
    }

    [Fact]
    public void ObjectionAfterTheWindow_IsRefusedAsNoObjection()
    {
        _world.Record("S-1", "result_received", "2026-01-28");

        var act = () => _world.Record("S-1", "objection_filed", "2026-02-13");

        act.Should().Throw<FollowUpException>().WithMessage("*2026-02-12 届满*视为无异议（第七条）*");
    }

    [Fact]
    public void TransferBeforeTheWindowCloses_IsRefusedEvenWithoutObjection()
    {
        _world.Record("S-1", "result_received", "2026-01-28");
        _world.Record("S-1", "no_objection", "2026-02-02");

        var early = () => _world.Record("S-1", "transferred", "2026-02-12");

        early.Should().Throw<FollowUpException>().WithMessage("*第十六条*最早为 2026-02-13*");
        _world.Record("S-1", "transferred", "2026-02-13").Case.Stage.Should().Be(CaseStage.Correction);
    }

    [Fact]
    public void ObjectionResultWithoutOutcome_ListsTheChoices()
    {
        _world.Record("S-1", "result_received", "2026-01-28");
        _world.Record("S-1", "objection_filed", "2026-02-02");

        var act = () => _world.Record("S-1", "objection_result_notice", "2026-02-06");

        act.Should().Throw<FollowUpException>().WithMessage("*须注明结果*retest（需要复检）*");
    }

    [Fact]
    public void ReTestTerminatedWithoutReason_IsRefused()
    {
        _world.Record("S-1", "result_received", "2026-01-28");
        _world.Record("S-1", "objection_filed", "2026-02-02");

        var act = () => _world.Record("S-1", "retest_terminated", "2026-02-06");

        act.Should().Throw<FollowUpException>().WithMessage("*须在备注中说明理由*");
    }

    [Fact]
    public void ClosingWithOpenSteps_NeedsAReason_AndThenNothingMoreIsAccepted()
    {
        var bare = () => _world.Record("S-1", "closed", "2026-01-27");
        bare.Should().Throw<FollowUpException>().WithMessage("*送达检验报告和检验结果通知单并录入信息系统*须在备注中说明理由*");

        _world.Record("S-1", "closed", "2026-01-27", note: "企业已注销，无法送达");
        var after = () => _world.Record("S-1", "result_received", "2026-01-28");

        after.Should().Throw<FollowUpException>().WithMessage("*已于 2026-01-27 结案*");
        _world.Case("S-1").Steps.Should().OnlyContain(s => s.Outcome == StepOutcomes.Cancelled);
    }

    public void Dispose() => _world.Dispose();
}
