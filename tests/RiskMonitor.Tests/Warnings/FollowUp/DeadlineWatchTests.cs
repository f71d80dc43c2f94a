using RiskMonitor.Core.Calendar;
using RiskMonitor.Warnings.FollowUp;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// The daily watch, over delivery steps (7 days from the report, Art. 5). 2026-03-01 is a Sunday:
/// report Tue 03-03 → due Tue 03-10; report Wed 03-04 → due Wed 03-11. No holiday in March.
/// </summary>
public sealed class DeadlineWatchTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-03-04");

    public DeadlineWatchTests()
    {
        _world.Sample("DUE-YESTERDAY", "甲厂", passed: false, sampledAt: "2026-02-20", reportDate: "2026-03-03")
            .Sample("DUE-TODAY", "乙厂", passed: false, sampledAt: "2026-02-20", reportDate: "2026-03-04")
            .Sample("DONE-IN-TIME", "丙厂", passed: false, sampledAt: "2026-02-20", reportDate: "2026-03-03");
        _world.OpenCases();
        _world.Record("DONE-IN-TIME", "result_delivered", "2026-03-09");
    }

    [Fact]
    public void Watch_FlagsExactlyTheStepsOverdueSinceYesterday_AndNotAgainTheNextDay()
    {
        var wednesday = _world.WatchOn("2026-03-11");

        var flagged = wednesday.Should().ContainSingle().Subject;
        flagged.SampleId.Should().Be("DUE-YESTERDAY");
        flagged.Step.Should().Be(SpotCheckSteps.ResultDelivery);
        flagged.DueOn.Should().Be(FollowUpWorld.D("2026-03-10"));
        flagged.DaysOverdue.Should().Be(1);
        flagged.Message.Should().Contain("承检机构应于 2026-03-10 前送达检验报告和检验结果通知单").And.Contain("第五条").And.Contain("已逾期 1 日");

        _world.WatchOn("2026-03-12").Select(o => o.SampleId).Should().Equal("DUE-TODAY");
        _world.WatchOn("2026-03-13").Should().BeEmpty();
    }

    [Fact]
    public void Watch_KeepsItsFlagsAndAnAuditRowPerFlag()
    {
        _world.WatchOn("2026-03-12");

        _world.Connection.ExecuteScalar<long>("SELECT count(*) FROM followup_overdue").Should().Be(2);
        _world.Connection.Query(
                "SELECT target, actor, detail FROM audit_log WHERE action = 'flag_overdue' ORDER BY target",
                r => (Target: r.GetString(0), Actor: r.GetString(1), Detail: r.GetString(2)))
            .Should().HaveCount(2).And.OnlyContain(a => a.Actor == "system" && a.Target.EndsWith(":result_delivery", StringComparison.Ordinal) && a.Detail.Contains("已逾期"));
    }

    [Fact]
    public void Watch_MissedDays_AreCaughtUpByTheNextRun()
    {
        var monday = _world.WatchOn("2026-03-16");

        monday.Select(o => (o.SampleId, o.DaysOverdue)).Should().Equal(("DUE-YESTERDAY", 6), ("DUE-TODAY", 5));
    }

    [Fact]
    public void Watch_IgnoresClosedCasesAndStepsDoneLate()
    {
        _world.Record("DUE-YESTERDAY", "closed", "2026-03-10", note: "样品编号重复，重新立案");
        _world.Record("DUE-TODAY", "result_delivered", "2026-03-12", enteredOn: "2026-03-12");

        _world.WatchOn("2026-03-13").Should().BeEmpty();
    }

    [Fact]
    public void RunDaily_OpensCasesForNewlyLoadedFailures_ThenFlags()
    {
        // Loaded after the first opening: report Mon 03-02 + 7 = Mon 03-09, overdue by Wed 03-11.
        _world.Sample("LOADED-LATER", "丁厂", passed: false, sampledAt: "2026-02-20", reportDate: "2026-03-02");
        _world.Clock.MoveTo(FollowUpWorld.D("2026-03-11"));

        var run = _world.Watch.RunDaily(_world.Connection, _world.Clock.Today);

        run.Opened.Select(c => c.SampleId).Should().Equal("LOADED-LATER");
        run.Overdue.Select(o => o.SampleId).Should().Equal("LOADED-LATER", "DUE-YESTERDAY");
    }

    [Fact]
    public void WarehouseDeadlineWatch_AsTheDailyJobCallsIt_CountsNewFlagsOnce()
    {
        var watch = new WarehouseDeadlineWatch(_world.Warehouse, _world.Clock);

        watch.FlagOverdue(FollowUpWorld.D("2026-03-12")).Should().Be(2);
        watch.FlagOverdue(FollowUpWorld.D("2026-03-12")).Should().Be(0);
    }

    public void Dispose() => _world.Dispose();
}
