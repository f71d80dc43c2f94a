using System.Globalization;
using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>A step whose due date passed without the act, as the daily watch found it.</summary>
/// <param name="DaysOverdue">Calendar days from the due date to the day of the watch.</param>
/// <param name="Message">The finding in Chinese: who should have done what by when, under which article, and what follows.</param>
public sealed record OverdueStep(
    long CaseId, string SampleId, string? Producer, string? RegionCode, SpotCheckStep Step, DateOnly StartedOn, DateOnly DueOn,
    int DaysOverdue, string Message);

/// <summary>What a daily run did: the cases it opened for newly loaded failed samples and the steps it flagged.</summary>
public sealed record DailyFollowUp(IReadOnlyList<FollowUpCase> Opened, IReadOnlyList<OverdueStep> Overdue);

/// <summary>
/// The daily deadline watch of regulation 000: flags every step whose due date has passed without the act, once, and applies
/// the periods that ran out (Art. 7 silence means no objection; Art. 10(2) ends the re-test). The scheduled job calls
/// <see cref="FlagOverdue"/> once a day.
/// </summary>
/// <remarks>
/// A step is flagged on the first run after its due date (normally the day after) and recorded in <c>followup_overdue</c>,
/// so later runs do not flag it again; a run that was missed is caught up by the next one. The objection window of Art. 7
/// is a right, not a duty, and the transfer of Art. 16 has no period: neither is ever overdue.
/// </remarks>
public sealed class DeadlineWatch(WorkCalendar calendar, TimeProvider time)
{
    /// <summary>The actor named on what the watch writes.</summary>
    public const string Actor = "system";

    /// <summary>The source named on events the watch records.</summary>
    public const string Source = "watch";

    /// <summary>
    /// The scheduled job's entry point: opens cases for failed samples loaded since the last run
    /// (<see cref="FollowUpCases.OpenForFailedSamples"/>), then <see cref="FlagOverdue"/>.
    /// </summary>
    public DailyFollowUp RunDaily(DuckDbConnection connection, DateOnly today)
    {
        var opened = FollowUpCases.OpenForFailedSamples(connection, calendar, today);
        return new DailyFollowUp(opened, FlagOverdue(connection, today));
    }

    /// <summary>Flags the steps overdue on <paramref name="today"/> not flagged before; one transaction.</summary>
    /// <param name="today">The bureau's current day; a step due yesterday and still open is overdue today.</param>
    /// <returns>The steps flagged by this run, longest overdue first.</returns>
    public IReadOnlyList<OverdueStep> FlagOverdue(DuckDbConnection connection, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var now = time.GetUtcNow().UtcDateTime;
        using var transaction = connection.BeginTransaction();
        var candidates = connection.Query(
            """
            SELECT c.case_id, c.sample_id, c.producer, c.region_code, s.step, s.started_on, s.due_on
            FROM followup_steps s
            JOIN followup_cases c ON c.case_id = s.case_id
            WHERE c.status = 'open' AND s.due_on < $1 AND s.done_on IS NULL AND (s.outcome IS NULL OR s.outcome = $2)
              AND NOT EXISTS (SELECT 1 FROM followup_overdue o WHERE o.case_id = s.case_id AND o.step = s.step)
            ORDER BY s.due_on, c.case_id
            """,
            r => Describe(r.GetInt64(0), r.GetString(1), r.GetStringOrNull(2), r.GetStringOrNull(3), SpotCheckSteps.Find(r.GetString(4))!,
                r.GetDate(5), r.GetDate(6), today),
            today, StepOutcomes.Lapsed)
            .Where(o => !CaseStep.IsNoDuty(o.Step.Code))
            .ToList();
        foreach (var o in candidates)
        {
            connection.Execute("INSERT INTO followup_overdue VALUES ($1, $2, $3, $4)", o.CaseId, o.Step.Code, o.DueOn, today);
            connection.Execute(
                "INSERT INTO audit_log VALUES (nextval('seq_audit_id'), $1, $2, 'system', 'flag_overdue', $3, 'ok', $4)",
                now, Actor, string.Create(CultureInfo.InvariantCulture, $"case:{o.CaseId}:{o.Step.Code}"), o.Message);
        }

        foreach (var lapsing in CaseStore.Lapsable(connection).Where(c => CaseTransitions.HasLapse(c, today)))
        {
            var draft = new CaseDraft(lapsing, calendar);
            CaseTransitions.Settle(draft, today);
            CaseStore.Save(draft, connection, now, Actor, Source);
        }

        transaction.Commit();
        return candidates;
    }

    private static OverdueStep Describe(
        long caseId, string sampleId, string? producer, string? region, SpotCheckStep step, DateOnly started, DateOnly due, DateOnly today)
    {
        var days = today.DayNumber - due.DayNumber;
        var who = producer is null ? $"抽样单 {sampleId}" : $"抽样单 {sampleId}，{producer}";
        var consequence = step.Code switch
        {
            "retest_sample_confirmation" => "依第十条第二项终止复检，维持原检验结论，案件转入移交处理。",
            "rectification" => "逾期未提出复查申请的，按《中华人民共和国工业产品生产许可证管理条例》《产品质量监督抽查管理暂行办法》等有关规定执行（第二十四条）。",
            _ => string.Empty,
        };
        var message = string.Create(CultureInfo.InvariantCulture,
            $"案件 {caseId}（{who}）：{step.ActorName}应于 {due:yyyy-MM-dd} 前{step.Name}（{step.Article}，自 {started:yyyy-MM-dd} 起算），已逾期 {days} 日。{consequence}");
        return new OverdueStep(caseId, sampleId, producer, region, step, started, due, days, message);
    }
}
