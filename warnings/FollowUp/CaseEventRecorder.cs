using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Data;
using static RiskMonitor.Warnings.FollowUp.CaseDraft;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>What recording an event did: the event, the case as it now stands and the steps the event started.</summary>
public sealed record RecordedEvent(CaseEvent Event, FollowUpCase Case, IReadOnlyList<CaseStep> StartedSteps);

/// <summary>
/// Records events of follow-up cases, from the command line or a CSV import: checks the event against the case, ends and
/// starts steps with their due dates (<see cref="CaseTransitions"/>) and keeps the event in <c>followup_events</c>.
/// </summary>
/// <param name="time">Only stamps when an event was recorded; which day it is comes from the caller as <c>today</c>.</param>
public sealed class CaseEventRecorder(WorkCalendar calendar, TimeProvider time)
{
    /// <summary>Records one event in its own transaction.</summary>
    /// <param name="today">The bureau's current day: events cannot be dated later.</param>
    /// <exception cref="FollowUpException">The event does not fit the case; nothing was written.</exception>
    public RecordedEvent Record(DuckDbConnection connection, CaseEventInput input, DateOnly today, string actor, string source = "cli")
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        var recorded = Apply(connection, input, today, actor, source);
        transaction.Commit();
        return recorded;
    }

    /// <summary>Records one event inside the caller's transaction.</summary>
    internal RecordedEvent Apply(DuckDbConnection connection, CaseEventInput input, DateOnly today, string actor, string source)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (type, outcome) = Validate(input, today);
        var current = CaseStore.Resolve(connection, input.CaseRef)
            ?? throw Refused($"找不到抽样单编号或案件编号为“{input.CaseRef}”的后处理案件");
        if (type.Kind == FollowUpEventKind.Transferred && outcome is null && IsOutOfProvince(connection, current.RegionCode))
        {
            // Art. 16: a producer outside Hubei is transferred to its own province's bureau, which follows up from there.
            outcome = type.FindOutcome("out_of_province");
        }

        var draft = new CaseDraft(current, calendar);
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        CaseTransitions.Apply(draft, type, input.On, outcome, note);

        var now = time.GetUtcNow().UtcDateTime;
        var started = draft.ChangedSteps.Where(s => s.Step.IsOpen).Select(s => s.Step).ToList();
        CaseStore.Save(draft, connection, now, DeadlineWatch.Actor, source);
        var recorded = CaseStore.InsertEvent(connection, draft.CaseId, type, input.On, outcome?.Code, note, actor, source, now);
        return new RecordedEvent(recorded, CaseStore.Get(connection, draft.CaseId)!, started);
    }

    private static bool IsOutOfProvince(DuckDbConnection connection, string? regionCode) =>
        regionCode is not null && connection.ExecuteScalar<bool?>("SELECT out_of_province FROM dim_region WHERE code = $1", regionCode) == true;

    private static (FollowUpEventType Type, EventOutcome? Outcome) Validate(CaseEventInput input, DateOnly today)
    {
        var type = FollowUpEvents.Find(input.Event)
            ?? throw Refused($"未知的事件“{input.Event}”；可用事件见 riskmonitor cases event-types");
        if (type.SystemOnly)
        {
            throw Refused($"“{type.Name}”由系统在期限届满后自动记录，不能手工录入");
        }

        if (input.On > today)
        {
            throw Refused($"日期 {Iso(input.On)} 晚于今天（{Iso(today)}），不能记录尚未发生的事件");
        }

        EventOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(input.Outcome))
        {
            outcome = type.Outcomes.Count == 0
                ? throw Refused($"“{type.Name}”没有结果选项，不应填写结果“{input.Outcome}”")
                : type.FindOutcome(input.Outcome.Trim()) ?? throw Refused($"“{type.Name}”的结果“{input.Outcome}”无效，应为：{Choices(type)}");
        }
        else if (type.OutcomeRequired)
        {
            throw Refused($"“{type.Name}”须注明结果：{Choices(type)}");
        }

        if (type.NoteRequired && string.IsNullOrWhiteSpace(input.Note))
        {
            throw Refused($"“{type.Name}”须在备注中说明理由（例如第十条所列的哪一种情形）");
        }

        return (type, outcome);
    }

    private static string Choices(FollowUpEventType type) => string.Join("；", type.Outcomes.Select(o => $"{o.Code}（{o.Name}）"));
}
