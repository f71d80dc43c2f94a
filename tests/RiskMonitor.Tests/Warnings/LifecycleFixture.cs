using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Proposals;

namespace RiskMonitor.Tests.Warnings;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// An in-memory warehouse with users of every role, a fake clock and helpers to seed assessments, so a test can walk a
/// warning through the months: assess, run the month's proposals, approve, publish.
/// </summary>
public sealed class LifecycleFixture : IDisposable
{
    public const string SystemActor = "system";
    public const string Analyst = "li.fenxi";
    public const string Approver = "wang.shenpi";
    public const string SecondApprover = "zhao.shenpi";
    public const string Viewer = "chen.chakan";

    /// <summary>燃气热水器, warned province-wide in most tests.</summary>
    public const string Heater = "GA01";

    public LifecycleFixture()
    {
        Warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
        Connection = Warehouse.Connect();
        // 10:00 in Wuhan on Wednesday 4 March 2026.
        Clock = new FakeClock(new DateTimeOffset(2026, 3, 4, 2, 0, 0, TimeSpan.Zero));
        Users = new UserDirectory(
        [
            new UserAccount(Analyst, UserRole.Analyst, PasswordHasher.Hash("analyst-pw", iterations: 1000)),
            new UserAccount(Approver, UserRole.Approver, PasswordHasher.Hash("approver-pw", iterations: 1000)),
            new UserAccount(SecondApprover, UserRole.Approver, PasswordHasher.Hash("approver2-pw", iterations: 1000)),
            new UserAccount(Viewer, UserRole.Viewer, PasswordHasher.Hash("viewer-pw", iterations: 1000)),
        ]);
        Lifecycle = new WarningLifecycle(Connection, Warehouse.Reference, Users, Clock, Options);
    }

    public RiskWarehouse Warehouse { get; }

    public DuckDbConnection Connection { get; }

    public FakeClock Clock { get; }

    public UserDirectory Users { get; }

    public LifecycleOptions Options { get; } = new(CalmMonths: 2, FeedbackDays: 15);

    public WarningLifecycle Lifecycle { get; }

    /// <summary>Stores the month's assessment of a subject (level None included, so that the month counts as analysed).</summary>
    public void Assess(string month, WarningLevel level, string category = Heater, string region = "")
    {
        Connection.Execute(
            """
            INSERT INTO risk_assessments (assessment_id, month, subject_kind, category_code, region_code, rule_level, level, score, explanation, created_at)
            VALUES (nextval('seq_assessment_id'), $1, $2, $3, $4, $5, $5, $6, $7, $8)
            """,
            Month(month), region.Length == 0 ? "category" : "category_region", category, region, (int)level, (double)level, $"测试评估为{level.ChineseLabel()}",
            Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Runs the warnings side of the month's cycle, as the system.</summary>
    public IReadOnlyList<DraftNotice> RunMonth(string month) =>
        new WarningProposer(Warehouse.Reference, Clock, Options).Propose(Connection, Month(month), SystemActor);

    /// <summary>Approves every notice of the drafts, as <paramref name="approver"/>.</summary>
    public void ApproveAll(IEnumerable<DraftNotice> drafts, string approver = Approver)
    {
        foreach (var draft in drafts)
        {
            Lifecycle.Approve(draft.NoticeId, approver);
        }
    }

    /// <summary>Publishes every notice of the drafts, as the publication job, a minute apart.</summary>
    public void PublishAll(IEnumerable<DraftNotice> drafts)
    {
        foreach (var draft in drafts)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            Lifecycle.MarkPublished(draft.NoticeId, Clock.GetUtcNow());
        }
    }

    public WarningRecord Warning(long id) => WarningStore.Warning(Connection, id)!;

    public NoticeRecord Notice(long id) => WarningStore.Notice(Connection, id)!;

    /// <summary>The warning's events as "action from→to #notice", e.g. "approve II→II #3", for whole-history assertions.</summary>
    public List<string> History(long warningId) => WarningStore.Events(Connection, warningId)
        .Select(e => $"{e.Action} {Roman(e.FromLevel)}→{Roman(e.ToLevel)}" + (e.NoticeId is { } n ? $" #{n}" : string.Empty))
        .ToList();

    public List<AuditEntry> Audit(string target) => AuditLog.For(Connection, target);

    public static DateOnly Month(string yyyyMm) => DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Roman(WarningLevel? level) => level is null or WarningLevel.None ? "-" : level.Value.Roman();

    public void Dispose()
    {
        Connection.Dispose();
        Warehouse.Dispose();
    }
}
