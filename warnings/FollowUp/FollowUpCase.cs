using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>A follow-up case: one failed sample of a provincial spot check, followed through regulation 000.</summary>
/// <param name="RegionCode">Where the producer (or, failing that, the sampling) is: the local bureau that follows up.</param>
/// <param name="ReportDate">The test report's date; the delivery period of Art. 5 runs from it.</param>
/// <param name="Conclusion">One of <see cref="CaseConclusions"/>.</param>
/// <param name="RecheckResult">passed or failed once the re-check is done.</param>
public sealed record FollowUpCase(
    long CaseId, string SampleId, string? Producer, string? RegionCode, string? CategoryCode, DateOnly? ReportDate,
    CaseStage Stage, string Conclusion, string? RecheckResult, DateOnly OpenedOn, DateOnly? ClosedOn, string? CloseReason,
    IReadOnlyList<CaseStep> Steps)
{
    public bool IsClosed => Stage == CaseStage.Closed;

    /// <summary>Every failed item of the sample is a labelling item (标签、标志): Art. 24 ¶2 lets the re-check pass on the
    /// corrected labelling alone.</summary>
    public bool LabellingOnly { get; init; }

    /// <summary>The step with <paramref name="code"/> (see <see cref="SpotCheckSteps"/>), or null if it never started.</summary>
    public CaseStep? Step(string code) => Steps.FirstOrDefault(s => s.Code == code);
}

/// <summary>One step of a case with its statutory period.</summary>
/// <param name="StartedOn">The day of the triggering event; the period runs from the next day.</param>
/// <param name="DueOn">The last day the act is on time (Art. 34 applied); null for a step without a period.</param>
/// <param name="Outcome">One of <see cref="StepOutcomes"/>; null while the step is open.</param>
/// <param name="Rule">How the due date was found, in Chinese, for the clerk to check by hand.</param>
public sealed record CaseStep(string Code, DateOnly StartedOn, DateOnly? DueOn, DateOnly? DoneOn, string? Outcome, string Rule)
{
    public SpotCheckStep Definition => SpotCheckSteps.Find(Code) ?? throw new InvalidOperationException($"unknown step {Code}");

    public bool IsOpen => Outcome is null;

    /// <summary>
    /// Whether missing the due date is a breach: not for the objection window of Art. 7 (a right: silence means no
    /// objection) nor for the transfer of Art. 16 (no period).
    /// </summary>
    public bool IsDuty => !IsNoDuty(Code);

    /// <summary>Whether the step is a duty, open, and its due date lies before <paramref name="today"/>.</summary>
    public bool IsOverdueOn(DateOnly today) => IsDuty && IsOpen && DueOn < today;

    /// <summary>Whether the step with <paramref name="code"/> is a right or an order of events rather than a duty with a period.</summary>
    public static bool IsNoDuty(string code) =>
        code == SpotCheckSteps.Objection.Code || code == SpotCheckSteps.RecheckObjection.Code || code == SpotCheckSteps.Transfer.Code;
}

/// <summary>Stored outcomes of a step and their Chinese names.</summary>
public static class StepOutcomes
{
    public const string Done = "done";
    public const string Late = "late";
    public const string Objected = "objected";
    public const string Waived = "waived";
    public const string Lapsed = "lapsed";
    public const string Refused = "refused";
    public const string Cancelled = "cancelled";

    /// <param name="stepCode">The step, where the same outcome reads differently (an unused objection window).</param>
    public static string ChineseName(string? outcome, string? stepCode = null) => outcome switch
    {
        Lapsed when stepCode == SpotCheckSteps.Objection.Code || stepCode == SpotCheckSteps.RecheckObjection.Code => "期限届满未提出异议，视为无异议",
        null => "进行中",
        Done => "按期完成",
        Late => "逾期完成",
        Objected => "已提出异议",
        Waived => "无异议",
        Lapsed => "期限届满未办理",
        Refused => "拒绝整改",
        Cancelled => "不再需要",
        _ => outcome,
    };
}

/// <summary>A clerk's record of something that happened to a case.</summary>
/// <param name="CaseRef">The case: its sample number (抽样单编号) or its case number.</param>
/// <param name="Event">The event's code or Chinese name (see <see cref="FollowUpEvents"/>).</param>
/// <param name="On">The day it happened; the next period runs from the following day.</param>
/// <param name="Outcome">The outcome's code or Chinese name, where the event has outcomes.</param>
public sealed record CaseEventInput(string CaseRef, string Event, DateOnly On, string? Outcome = null, string? Note = null);

/// <summary>An event as recorded.</summary>
/// <param name="Source">cli, csv:FILE:LINE, or watch for what the daily watch recorded.</param>
public sealed record CaseEvent(
    long EventId, long CaseId, FollowUpEventType Type, DateOnly On, string? Outcome, string? Note, string Actor, string Source, DateTime RecordedAt);
