using System.Globalization;
using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>Reads and writes cases, steps and events; the only place their SQL lives.</summary>
internal static class CaseStore
{
    private const string CaseColumns = """
        case_id, sample_id, producer, region_code, category_code, report_date, stage, conclusion, recheck_result,
        opened_on, closed_on, close_reason,
        coalesce((SELECT count(*) > 0 AND NOT bool_or(i.safety_related) FROM fact_spot_check_failed_item i
                  WHERE i.sample_id = followup_cases.sample_id), false) AS labelling_only
        """;

    private const string EventColumns = "event_id, case_id, event, event_on, outcome, note, actor, source, recorded_at";

    public static FollowUpCase? Get(DuckDbConnection connection, long caseId) =>
        Load(connection, $"SELECT {CaseColumns} FROM followup_cases WHERE case_id = $1", caseId).FirstOrDefault();

    /// <summary>The case of a sample number, else of a case number; null if neither exists.</summary>
    public static FollowUpCase? Resolve(DuckDbConnection connection, string caseRef)
    {
        var reference = caseRef.Trim();
        var bySample = Load(connection, $"SELECT {CaseColumns} FROM followup_cases WHERE sample_id = $1", reference).FirstOrDefault();
        if (bySample is not null)
        {
            return bySample;
        }

        return long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Get(connection, id) : null;
    }

    public static List<FollowUpCase> List(DuckDbConnection connection, bool includeClosed) =>
        Load(connection, $"SELECT {CaseColumns} FROM followup_cases WHERE $1 OR status = 'open' ORDER BY case_id", includeClosed);

    /// <summary>Open cases in the stages where a period can run out by itself (see <see cref="CaseTransitions.Settle"/>).</summary>
    public static List<FollowUpCase> Lapsable(DuckDbConnection connection) =>
        Load(connection, $"SELECT {CaseColumns} FROM followup_cases WHERE status = 'open' AND stage IN ($1, $2, $3, $4) ORDER BY case_id",
            CaseStage.ObjectionWindow.Code(), CaseStage.Retest.Code(), CaseStage.Reporting.Code(), CaseStage.Reported.Code());

    public static List<CaseEvent> Events(DuckDbConnection connection, long caseId) =>
        connection.Query($"SELECT {EventColumns} FROM followup_events WHERE case_id = $1 ORDER BY event_on, event_id", ReadEvent, caseId);

    public static long Insert(DuckDbConnection connection, string sampleId, string? producer, string? region, string? category, DateOnly? reportDate, DateOnly today)
    {
        var caseId = connection.ExecuteScalar<long>("SELECT nextval('seq_case_id')");
        connection.Execute(
            "INSERT INTO followup_cases (case_id, sample_id, producer, region_code, category_code, status, opened_on, report_date, stage, conclusion) " +
            "VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9)",
            caseId, sampleId, producer, region, category, today, reportDate, CaseStage.Delivery.Code(), CaseConclusions.Failed);
        return caseId;
    }

    /// <summary>Writes what the draft changed: the case row, the steps it started or ended, and the events the product recorded.</summary>
    public static void Save(CaseDraft draft, DuckDbConnection connection, DateTime recordedAt, string systemActor, string systemSource)
    {
        connection.Execute(
            "UPDATE followup_cases SET stage = $2, conclusion = $3, recheck_result = $4, status = $5, closed_on = $6, close_reason = $7 WHERE case_id = $1",
            draft.CaseId, draft.Stage.Code(), draft.Conclusion, draft.RecheckResult, draft.Stage == CaseStage.Closed ? "closed" : "open",
            draft.ClosedOn, draft.CloseReason);
        foreach (var (step, isNew) in draft.ChangedSteps)
        {
            connection.Execute(
                isNew
                    ? "INSERT INTO followup_steps (case_id, step, started_on, due_on, done_on, outcome, rule) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                    : "UPDATE followup_steps SET started_on = $3, due_on = $4, done_on = $5, outcome = $6, rule = $7 WHERE case_id = $1 AND step = $2",
                draft.CaseId, step.Code, step.StartedOn, step.DueOn, step.DoneOn, step.Outcome, step.Rule);
        }

        foreach (var (kind, on, note) in draft.SystemEvents)
        {
            InsertEvent(connection, draft.CaseId, FollowUpEvents.Of(kind), on, null, note, systemActor, systemSource, recordedAt);
        }
    }

    public static CaseEvent InsertEvent(
        DuckDbConnection connection, long caseId, FollowUpEventType type, DateOnly on, string? outcome, string? note, string actor, string source, DateTime recordedAt)
    {
        var id = connection.ExecuteScalar<long>("SELECT nextval('seq_followup_event_id')");
        connection.Execute(
            $"INSERT INTO followup_events ({EventColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            id, caseId, type.Code, on, outcome, note, actor, source, recordedAt);
        return new CaseEvent(id, caseId, type, on, outcome, note, actor, source, recordedAt);
    }

    private static List<FollowUpCase> Load(DuckDbConnection connection, string sql, params object?[] parameters)
    {
        var rows = connection.Query(sql, r => new FollowUpCase(
            r.GetInt64(0), r.GetString(1), r.GetStringOrNull(2), r.GetStringOrNull(3), r.GetStringOrNull(4), r.GetDateOrNull(5),
            CaseStages.Parse(r.GetStringOrNull(6) ?? CaseStage.Delivery.Code()), r.GetStringOrNull(7) ?? CaseConclusions.Failed,
            r.GetStringOrNull(8), r.GetDate(9), r.GetDateOrNull(10), r.GetStringOrNull(11), []) { LabellingOnly = r.GetBoolean(12) }, parameters);
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(c => c.CaseId).ToHashSet();
        var steps = connection.Query(
                "SELECT case_id, step, started_on, due_on, done_on, outcome, rule FROM followup_steps WHERE case_id BETWEEN $1 AND $2",
                r => (CaseId: r.GetInt64(0), Step: new CaseStep(r.GetString(1), r.GetDate(2), r.GetDateOrNull(3), r.GetDateOrNull(4), r.GetStringOrNull(5), r.GetString(6))),
                ids.Min(), ids.Max())
            .Where(s => ids.Contains(s.CaseId))
            .ToLookup(s => s.CaseId, s => s.Step);
        return rows.ConvertAll(c => c with { Steps = steps[c.CaseId].OrderBy(s => StepOrder(s.Code)).ToList() });
    }

    private static int StepOrder(string code)
    {
        for (var i = 0; i < SpotCheckSteps.All.Count; i++)
        {
            if (SpotCheckSteps.All[i].Code == code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static CaseEvent ReadEvent(DuckDbDataReader r)
    {
        var code = r.GetString(2);
        var type = FollowUpEvents.Find(code) ?? throw new InvalidOperationException($"unknown follow-up event {code} in the warehouse");
        return new CaseEvent(r.GetInt64(0), r.GetInt64(1), type, r.GetDate(3), r.GetStringOrNull(4), r.GetStringOrNull(5), r.GetString(6), r.GetString(7), r.GetDateTime(8));
    }
}
