using System.Globalization;
using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.FollowUp;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>A clock standing still on one day of the bureau (09:00 Beijing time) until a test moves it on.</summary>
public sealed class FakeClock(DateOnly today) : TimeProvider
{
    public DateOnly Today { get; private set; } = today;

    public void MoveTo(DateOnly day)
    {
        day.Should().BeOnOrAfter(Today, "a fake clock only moves forward");
        Today = day;
    }

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}

/// <summary>
/// A real in-memory warehouse with spot-check facts, the shipped calendar and a fake clock: the clerk records each event on
/// the day it happens, and the daily watch runs on the day the test says.
/// </summary>
public sealed class FollowUpWorld : IDisposable
{
    public FollowUpWorld(string today = "2026-01-05")
    {
        Warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
        Connection = Warehouse.Connect();
        Clock = new FakeClock(D(today));
        Recorder = new CaseEventRecorder(Calendar, Clock);
        Watch = new DeadlineWatch(Calendar, Clock);
    }

    public static WorkCalendar Calendar => WorkCalendar.Shipped;

    public RiskWarehouse Warehouse { get; }

    public DuckDbConnection Connection { get; }

    public FakeClock Clock { get; }

    public CaseEventRecorder Recorder { get; }

    public DeadlineWatch Watch { get; }

    public static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>Adds one sample of a provincial spot check, as the ingest would have loaded it.</summary>
    public FollowUpWorld Sample(
        string sampleId, string producer, bool passed, string sampledAt, string? reportDate = null, string task = "2026年省级监督抽查",
        string region = "420100", string? producerRegion = null)
    {
        var sampled = D(sampledAt);
        Connection.Execute(
            """
            INSERT INTO fact_spot_check (sample_id, batch_id, task, sampled_at, month, region_code, category_code, producer, producer_region_code, passed, report_date)
            VALUES ($1, 1, $2, $3, $4, $5, 'EB01', $6, $7, $8, $9)
            """,
            sampleId, task, sampled, new DateOnly(sampled.Year, sampled.Month, 1), region, producer, producerRegion, passed,
            reportDate is null ? null : D(reportDate));
        return this;
    }

    /// <summary>Records a failed item of a sample: safety-related, or a labelling item (标签、标志).</summary>
    public FollowUpWorld FailedItem(string sampleId, string item, bool safety)
    {
        Connection.Execute("INSERT INTO fact_spot_check_failed_item (sample_id, batch_id, item, safety_related) VALUES ($1, 1, $2, $3)", sampleId, item, safety);
        return this;
    }

    public IReadOnlyList<FollowUpCase> OpenCases() => FollowUpCases.OpenForFailedSamples(Connection, Calendar, Clock.Today);

    /// <summary>The clerk records an event on the day it happened (the clock moves there first), or later on <paramref name="enteredOn"/>.</summary>
    public RecordedEvent Record(string sampleId, string @event, string on, string? outcome = null, string? note = null, string? enteredOn = null)
    {
        Clock.MoveTo(D(enteredOn ?? on));
        return Recorder.Record(Connection, new CaseEventInput(sampleId, @event, D(on), outcome, note), Clock.Today, "张三");
    }

    /// <summary>Runs the daily watch on <paramref name="day"/>.</summary>
    public IReadOnlyList<OverdueStep> WatchOn(string day)
    {
        Clock.MoveTo(D(day));
        return Watch.FlagOverdue(Connection, Clock.Today);
    }

    public FollowUpCase Case(string sampleId) => FollowUpCases.Find(Connection, sampleId) ?? throw new InvalidOperationException($"no case for {sampleId}");

    public CaseStep Step(string sampleId, SpotCheckStep step) =>
        Case(sampleId).Step(step.Code) ?? throw new InvalidOperationException($"{sampleId} has no step {step.Code}");

    public void Dispose()
    {
        Connection.Dispose();
        Warehouse.Dispose();
    }
}
