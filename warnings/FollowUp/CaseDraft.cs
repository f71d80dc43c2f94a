using System.Globalization;
using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>
/// A case being changed by one event: a working copy of the case and its steps that remembers what changed, so that the
/// store writes only that. Every due date comes from <see cref="SpotCheckStep.Deadline"/>, never from arithmetic here.
/// </summary>
internal sealed class CaseDraft
{
    private readonly Dictionary<string, StepState> _steps;
    private readonly List<(FollowUpEventKind Kind, DateOnly On, string Note)> _systemEvents = [];

    public CaseDraft(FollowUpCase original, WorkCalendar calendar)
    {
        Original = original;
        Calendar = calendar;
        Stage = original.Stage;
        Conclusion = original.Conclusion;
        RecheckResult = original.RecheckResult;
        ClosedOn = original.ClosedOn;
        CloseReason = original.CloseReason;
        _steps = original.Steps.ToDictionary(s => s.Code, s => new StepState(s, isNew: false));
    }

    public FollowUpCase Original { get; }

    public WorkCalendar Calendar { get; }

    public long CaseId => Original.CaseId;

    public CaseStage Stage { get; set; }

    public string Conclusion { get; set; }

    public string? RecheckResult { get; set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? CloseReason { get; private set; }

    /// <summary>Events the product records itself (a lapsed period), in order.</summary>
    public IReadOnlyList<(FollowUpEventKind Kind, DateOnly On, string Note)> SystemEvents => _systemEvents;

    public IEnumerable<(CaseStep Step, bool IsNew)> ChangedSteps =>
        _steps.Values.Where(s => s.IsDirty).Select(s => (s.Current, s.IsNew));

    public CaseStep? Step(string code) => _steps.TryGetValue(code, out var s) ? s.Current : null;

    /// <summary>Starts <paramref name="step"/> on <paramref name="start"/> with its statutory due date.</summary>
    public CaseStep Start(SpotCheckStep step, DateOnly start)
    {
        var deadline = step.Deadline(start, Calendar);
        return Put(new CaseStep(step.Code, start, deadline.DueDate, null, null, deadline.Explanation));
    }

    /// <summary>Starts a step without a period (the transfer of Art. 16), explaining from when it may be done.</summary>
    public CaseStep StartWithoutPeriod(SpotCheckStep step, DateOnly earliest, string rule) =>
        Put(new CaseStep(step.Code, earliest, null, null, null, rule));

    /// <summary>Marks an open step done on <paramref name="on"/>: done, or late after its due date, unless an outcome is given.</summary>
    public CaseStep Complete(SpotCheckStep step, DateOnly on, string? outcome = null)
    {
        var current = RequireOpen(step);
        if (on < current.StartedOn)
        {
            throw Refused($"{Iso(on)} 早于“{step.Name}”的起算日 {Iso(current.StartedOn)}");
        }

        outcome ??= current.DueOn is { } due && on > due ? StepOutcomes.Late : StepOutcomes.Done;
        return Replace(current with { DoneOn = on, Outcome = outcome });
    }

    /// <summary>Ends an open step without the act: lapsed, refused or cancelled.</summary>
    public void End(SpotCheckStep step, string outcome) => Replace(RequireOpen(step) with { Outcome = outcome });

    /// <summary>Reopens a step the product had ended as lapsed, because the act is now reported as done in time.</summary>
    public void Reopen(string code) => Replace(_steps[code].Current with { Outcome = null, DoneOn = null });

    public void RecordSystemEvent(FollowUpEventKind kind, DateOnly on, string note) => _systemEvents.Add((kind, on, note));

    /// <summary>Closes the case on <paramref name="on"/>; steps still open are no longer needed.</summary>
    public void Close(DateOnly on, string reason)
    {
        foreach (var open in _steps.Values.Where(s => s.Current.IsOpen).ToList())
        {
            Replace(open.Current with { Outcome = StepOutcomes.Cancelled });
        }

        Stage = CaseStage.Closed;
        ClosedOn = on;
        CloseReason = reason;
    }

    public bool IsOpen(SpotCheckStep step) => Step(step.Code) is { IsOpen: true };

    public CaseStep RequireOpen(SpotCheckStep step)
    {
        var current = Step(step.Code) ?? throw Refused($"“{step.Name}”尚未开始");
        return current.IsOpen ? current : throw Refused($"“{step.Name}”已经办结（{StepOutcomes.ChineseName(current.Outcome)}）");
    }

    public static FollowUpException Refused(string message) => new(message);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private CaseStep Put(CaseStep step)
    {
        if (_steps.TryGetValue(step.Code, out var existing))
        {
            // A step ended as no longer needed (an objection branch that was reversed) may start again.
            if (existing.Current.Outcome != StepOutcomes.Cancelled)
            {
                throw Refused($"“{step.Definition.Name}”已于 {Iso(existing.Current.StartedOn)} 开始，不能重复开始");
            }

            return Replace(step);
        }

        _steps[step.Code] = new StepState(step, isNew: true) { IsDirty = true };
        return step;
    }

    private CaseStep Replace(CaseStep step)
    {
        var state = _steps[step.Code];
        state.Current = step;
        state.IsDirty = true;
        return step;
    }

    private sealed class StepState(CaseStep step, bool isNew)
    {
        public CaseStep Current { get; set; } = step;

        public bool IsNew { get; } = isNew;

        public bool IsDirty { get; set; }
    }
}

/// <summary>An event the case's state does not allow, or a date that breaks the regulation's order; the message is Chinese.</summary>
public sealed class FollowUpException : RiskMonitor.Core.RiskMonitorException
{
    public FollowUpException() { }

    public FollowUpException(string message) : base(message) { }

    public FollowUpException(string message, Exception inner) : base(message, inner) { }
}
