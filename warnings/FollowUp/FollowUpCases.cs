using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>Follow-up cases of failed provincial spot checks (regulation 000): opening them and reading them back.</summary>
public static class FollowUpCases
{
    /// <summary>The day regulation 000 came into force; samples reported earlier followed the measures it repealed.</summary>
    public static DateOnly RegulationInForce { get; } = new(2026, 1, 1);

    /// <summary>
    /// Opens a case for every failed sample that has none yet, with its first step (delivery of the result notice, 7 days
    /// from the report date, Art. 5). Idempotent: run it after each ingest or in the monthly cycle.
    /// </summary>
    /// <param name="today">The day the cases are opened (opened_on); the due dates do not depend on it.</param>
    /// <returns>The cases opened by this call, in sample order.</returns>
    /// <remarks>
    /// Samples whose report (or, without a report date, sampling) predates <see cref="RegulationInForce"/> get no case.
    /// A sample without a report date gets a case without the delivery step: its period cannot be counted.
    /// </remarks>
    public static IReadOnlyList<FollowUpCase> OpenForFailedSamples(DuckDbConnection connection, WorkCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(calendar);
        using var transaction = connection.BeginTransaction();
        var samples = connection.Query(
            """
            SELECT s.sample_id, any_value(nullif(trim(s.producer), '')), any_value(coalesce(s.producer_region_code, s.region_code)),
                   any_value(s.category_code), min(s.report_date)
            FROM fact_spot_check s
            WHERE NOT s.passed AND coalesce(s.report_date, s.sampled_at) >= $1
              AND NOT EXISTS (SELECT 1 FROM followup_cases c WHERE c.sample_id = s.sample_id)
            GROUP BY s.sample_id
            ORDER BY s.sample_id
            """,
            r => (Sample: r.GetString(0), Producer: r.GetStringOrNull(1), Region: r.GetStringOrNull(2), Category: r.GetStringOrNull(3), Report: r.GetDateOrNull(4)),
            RegulationInForce);
        var opened = new List<long>();
        foreach (var s in samples)
        {
            var caseId = CaseStore.Insert(connection, s.Sample, s.Producer, s.Region, s.Category, s.Report, today);
            if (s.Report is { } report)
            {
                var draft = new CaseDraft(CaseStore.Get(connection, caseId)!, calendar);
                draft.Start(SpotCheckSteps.ResultDelivery, report);
                CaseStore.Save(draft, connection, default, DeadlineWatch.Actor, DeadlineWatch.Source);
            }

            opened.Add(caseId);
        }

        transaction.Commit();
        return opened.ConvertAll(id => CaseStore.Get(connection, id)!);
    }

    /// <summary>The case of a sample number (抽样单编号) or a case number; null if none.</summary>
    public static FollowUpCase? Find(DuckDbConnection connection, string caseRef)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(caseRef);
        return CaseStore.Resolve(connection, caseRef);
    }

    /// <summary>Every open case (or every case), by case number, with its steps.</summary>
    public static IReadOnlyList<FollowUpCase> List(DuckDbConnection connection, bool includeClosed = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return CaseStore.List(connection, includeClosed);
    }

    /// <summary>A case's events in the order they happened.</summary>
    public static IReadOnlyList<CaseEvent> Events(DuckDbConnection connection, long caseId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return CaseStore.Events(connection, caseId);
    }
}
