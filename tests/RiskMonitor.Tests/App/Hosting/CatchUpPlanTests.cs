using Microsoft.Extensions.Logging.Abstractions;
using RiskMonitor.App.Configuration;
using RiskMonitor.App.Hosting;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.App.Hosting;

/// <summary>The start-up rule over a real warehouse: a missed fire runs once, never twice, and a failed one again.</summary>
public sealed class CatchUpPlanTests : IDisposable
{
    private static readonly TimeZoneInfo Zone = BureauTime.Zone("Asia/Shanghai");
    private static readonly DateTimeOffset FirstStart = new(2026, 9, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset NovemberFire = new(2026, 11, 3, 6, 0, 0, TimeSpan.FromHours(8));
    private readonly TempDirectory _dir = new();
    private readonly RiskWarehouse _warehouse;
    private readonly TestClock _clock = TestClock.Frozen(FirstStart);
    private readonly JobRunLedger _ledger;
    private readonly IReadOnlyList<ScheduledJob> _jobs = [ScheduledJobs.From(new SchedulerSettings())[0]];

    public CatchUpPlanTests()
    {
        _warehouse = RiskWarehouse.Open(_dir.File("w.duckdb"));
        _ledger = new JobRunLedger(_warehouse, _clock);
    }

    private IReadOnlyList<CatchUp> Restart()
    {
        _ledger.MarkInterrupted();
        return MissedRunCatchUp.Plan(_ledger, _jobs, Zone, _clock.GetUtcNow(), NullLogger.Instance);
    }

    private void Run(CatchUp catchUp, string status)
    {
        var runId = _ledger.Begin(catchUp.Job.Name, catchUp.ScheduledFor, "catch-up");
        runId.Should().NotBeNull();
        _ledger.Finish(catchUp.Job.Name, runId!.Value, status, null);
    }

    [Fact]
    public void FirstStart_SetsABaseline_AndRunsNothing()
    {
        Restart().Should().BeEmpty();
        _ledger.LastCompleted(ScheduledJobs.MonthlyCycle).Should().Be(FirstStart);
    }

    [Fact]
    public void DownOverTwoMonthlyFires_RunsTheLatestOnce_AndASecondRestartDoesNotRepeatIt()
    {
        Restart();
        _clock.Advance(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)) - FirstStart);

        var plan = Restart();

        plan.Should().ContainSingle().Which.ScheduledFor.Should().Be(NovemberFire);
        Run(plan[0], "succeeded");
        _clock.Advance(TimeSpan.FromMinutes(5));
        Restart().Should().BeEmpty();
        _ledger.Begin(ScheduledJobs.MonthlyCycle, NovemberFire, "schedule").Should().BeNull("a fire that succeeded never runs twice");
    }

    [Fact]
    public void CatchUpThatFailed_OrWasInterrupted_IsCaughtUpAgainAtTheNextStart()
    {
        Restart();
        _clock.Advance(new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.FromHours(8)) - FirstStart);
        var plan = Restart();
        Run(plan.Single(), "failed");

        var again = Restart();
        again.Should().ContainSingle().Which.ScheduledFor.Should().Be(NovemberFire);

        // The process dies mid-run: the row stays 'running' until the next start marks it interrupted.
        _ledger.Begin(ScheduledJobs.MonthlyCycle, NovemberFire, "catch-up").Should().NotBeNull();
        Restart().Should().ContainSingle("an interrupted run did not complete");
    }

    public void Dispose()
    {
        _warehouse.Dispose();
        _dir.Dispose();
    }
}
