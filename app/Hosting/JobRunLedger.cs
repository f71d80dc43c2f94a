using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// The <c>job_runs</c> table: one row per run of a scheduled job, keyed in practice by (job, scheduled fire). It is what
/// survives a restart when Quartz's in-memory triggers do not.
/// </summary>
/// <remarks>
/// A run counts as completed when it <c>succeeded</c>. A failed or interrupted run does not, so its fire is caught up at
/// the next start: a cycle that did not complete is run again, one that did is never repeated. The first start of a
/// warehouse writes a <c>baseline</c> row per job instead of running anything: fires before the service first ran were
/// not missed, they predate it.
/// </remarks>
public sealed class JobRunLedger(RiskWarehouse warehouse, TimeProvider time)
{
    /// <summary>How long finished runs are kept; the latest completed one per job is always kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Marks runs left <c>running</c> by a process that died as <c>interrupted</c>; call once at start-up, when
    /// no job can be running (one process owns the warehouse).</summary>
    public int MarkInterrupted()
    {
        using var connection = warehouse.Connect();
        return (int)connection.Execute(
            "UPDATE job_runs SET status = 'interrupted', finished_at = $1, message = 'the process ended during the run' WHERE status = 'running'", Now());
    }

    /// <summary>The scheduled fire of the job's latest completed run (or baseline), if any.</summary>
    public DateTimeOffset? LastCompleted(string job)
    {
        using var connection = warehouse.Connect();
        var last = connection.ExecuteScalar<DateTime?>(
            "SELECT max(scheduled_for) FROM job_runs WHERE job = $1 AND status IN ('succeeded', 'baseline')", job);
        return last is { } utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    public void RecordBaseline(string job, DateTimeOffset at)
    {
        using var connection = warehouse.Connect();
        connection.Execute(
            "INSERT INTO job_runs VALUES (nextval('seq_job_run_id'), $1, $2, 'baseline', $2, $2, 'baseline', 'first start of the service on this warehouse')",
            job, at.UtcDateTime);
    }

    /// <summary>Starts a run for one fire; null when that fire already has a succeeded run (it is never run twice).</summary>
    public long? Begin(string job, DateTimeOffset scheduledFor, string triggerKind)
    {
        using var connection = warehouse.Connect();
        using var transaction = connection.BeginTransaction();
        var done = connection.ExecuteScalar<long>(
            "SELECT count(*) FROM job_runs WHERE job = $1 AND scheduled_for = $2 AND status = 'succeeded'", job, scheduledFor.UtcDateTime);
        if (done > 0)
        {
            return null;
        }

        var runId = connection.ExecuteScalar<long>("SELECT nextval('seq_job_run_id')");
        connection.Execute(
            "INSERT INTO job_runs VALUES ($1, $2, $3, $4, $5, NULL, 'running', NULL)", runId, job, scheduledFor.UtcDateTime, triggerKind, Now());
        transaction.Commit();
        return runId;
    }

    /// <summary>Ends a run as succeeded, failed or interrupted, and drops the job's rows older than <see cref="Retention"/>.</summary>
    public void Finish(string job, long runId, string status, string? message)
    {
        using var connection = warehouse.Connect();
        var now = Now();
        connection.Execute("UPDATE job_runs SET status = $2, finished_at = $3, message = $4 WHERE run_id = $1", runId, status, now, message);
        connection.Execute(
            """
            DELETE FROM job_runs
            WHERE job = $1 AND finished_at < $2
              AND run_id <> coalesce((SELECT max_by(run_id, scheduled_for) FROM job_runs
                                      WHERE job = $1 AND status IN ('succeeded', 'baseline')), -1)
            """,
            job, now - Retention);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
