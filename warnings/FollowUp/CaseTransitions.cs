using RiskMonitor.Core.Calendar;
using static RiskMonitor.Warnings.FollowUp.CaseDraft;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>
/// The rules of regulation 000 as a state machine: which event a case accepts in which stage, which step it ends and which
/// step(s) it starts with their due dates. Periods that run out are applied by <see cref="Settle"/>.
/// </summary>
/// <remarks>
/// Each event's date is the starting day of the periods it triggers (not counted, Art. 34 via <see cref="StatutoryDeadline"/>).
/// Refusals are <see cref="FollowUpException"/>s in Chinese saying what the case waits for instead.
/// </remarks>
internal static partial class CaseTransitions
{
    /// <summary>Applies one event to the case, after applying any period that ran out before its date.</summary>
    public static void Apply(CaseDraft d, FollowUpEventType type, DateOnly on, EventOutcome? outcome, string? note)
    {
        if (d.Stage == CaseStage.Closed)
        {
            throw Refused($"案件已于 {Iso(d.ClosedOn!.Value)} 结案，不能再记录“{type.Name}”");
        }

        if (d.Original.ReportDate is { } report && on < report)
        {
            throw Refused($"日期 {Iso(on)} 早于检验报告日期 {Iso(report)}");
        }

        // An act after its period has no effect; an act done in time but entered after the product had applied the lapse
        // undoes the lapse. Both before the lapses up to this date are applied.
        RefuseActAfterItsPeriod(d, type.Kind, on);
        ReverseLapseIfEnteredLate(d, type.Kind, on);
        Settle(d, on);
        switch (type.Kind)
        {
            case FollowUpEventKind.ResultDelivered:
                RequireStage(d, type, CaseStage.Delivery);
                if (d.Step(SpotCheckSteps.ResultDelivery.Code) is null)
                {
                    throw Refused("检验报告日期缺失，无法计算送达期限；请先补录检验报告日期");
                }

                d.Complete(SpotCheckSteps.ResultDelivery, on);
                break;
            case FollowUpEventKind.ResultReceived:
                RequireStage(d, type, CaseStage.Delivery);
                if (d.IsOpen(SpotCheckSteps.ResultDelivery))
                {
                    d.Complete(SpotCheckSteps.ResultDelivery, on);
                }

                d.Start(SpotCheckSteps.Objection, on);
                d.Stage = CaseStage.ObjectionWindow;
                break;
            case FollowUpEventKind.ObjectionLapsed or FollowUpEventKind.RecheckObjectionLapsed:
                throw Refused($"“{type.Name}”由系统在异议期届满后自动记录，不能手工录入");
            case FollowUpEventKind.ObjectionFiled or FollowUpEventKind.NoObjection or FollowUpEventKind.ObjectionResultNotice
                or FollowUpEventKind.AuthenticityCheckRequested or FollowUpEventKind.AuthenticityCheckDone
                or FollowUpEventKind.RetestSamplesConfirmed or FollowUpEventKind.RetestResult
                or FollowUpEventKind.ObjectionWithdrawn or FollowUpEventKind.RetestTerminated:
                ApplyObjection(d, type, on, outcome, note);
                break;
            default:
                ApplyAfterTransfer(d, type, on, outcome, note);
                break;
        }
    }

    /// <summary>Applies the periods that ran out before <paramref name="asOf"/> (the last day itself is still in time).</summary>
    /// <remarks>
    /// Art. 7: an objection window that closes in silence means no objection, and the transfer of Art. 16 may follow.
    /// Art. 10(2): an objector who does not confirm the re-test samples within 7 days ends the re-test; the original
    /// conclusion stands and the transfer may follow.
    /// Art. 22 ¶2 (with Art. 7): a window for objecting to a failed re-check that closes in silence means no objection.
    /// </remarks>
    public static void Settle(CaseDraft d, DateOnly asOf)
    {
        if (d.Stage == CaseStage.ObjectionWindow && d.Step(SpotCheckSteps.Objection.Code) is { IsOpen: true, DueOn: { } windowEnd }
            && asOf > windowEnd)
        {
            d.End(SpotCheckSteps.Objection, StepOutcomes.Lapsed);
            d.RecordSystemEvent(FollowUpEventKind.ObjectionLapsed, windowEnd.AddDays(1),
                $"异议申请期于 {Iso(windowEnd)} 届满，未提出书面异议，视为无异议（第七条）");
            StartTransfer(d, windowEnd.AddDays(1), $"异议申请期于 {Iso(windowEnd)} 届满，未提出异议");
        }

        if (d.Stage == CaseStage.Retest && d.Step(SpotCheckSteps.RetestSampleConfirmation.Code) is { IsOpen: true, DueOn: { } confirmBy }
            && asOf > confirmBy)
        {
            d.End(SpotCheckSteps.RetestSampleConfirmation, StepOutcomes.Lapsed);
            var note = $"异议申请人未在 {Iso(confirmBy)} 前办理复检手续，终止复检，维持原检验结论（第十条第二项）";
            d.RecordSystemEvent(FollowUpEventKind.RetestTerminated, confirmBy.AddDays(1), note);
            Maintain(d);
            StartTransfer(d, confirmBy.AddDays(1), "复检已终止，维持原检验结论");
        }

        if (d.Step(SpotCheckSteps.RecheckObjection.Code) is { IsOpen: true, DueOn: { } recheckWindowEnd } && asOf > recheckWindowEnd)
        {
            d.End(SpotCheckSteps.RecheckObjection, StepOutcomes.Lapsed);
            d.RecordSystemEvent(FollowUpEventKind.RecheckObjectionLapsed, recheckWindowEnd.AddDays(1),
                $"复查结果异议期于 {Iso(recheckWindowEnd)} 届满，未提出书面异议，视为无异议（第二十二条参照第七条）");
        }
    }

    /// <summary>Whether <see cref="Settle"/> would change the case on <paramref name="asOf"/>.</summary>
    public static bool HasLapse(FollowUpCase c, DateOnly asOf) =>
        (c.Stage == CaseStage.ObjectionWindow && c.Step(SpotCheckSteps.Objection.Code) is { IsOpen: true } o && asOf > o.DueOn)
        || (c.Stage == CaseStage.Retest && c.Step(SpotCheckSteps.RetestSampleConfirmation.Code) is { IsOpen: true } r && asOf > r.DueOn)
        || (!c.IsClosed && c.Step(SpotCheckSteps.RecheckObjection.Code) is { IsOpen: true } ro && asOf > ro.DueOn);

    /// <summary>An objection after its window (Art. 7) or a re-test confirmation after its 7 days (Art. 10(2)) has no effect.</summary>
    private static void RefuseActAfterItsPeriod(CaseDraft d, FollowUpEventKind kind, DateOnly on)
    {
        var step = LapsingStep(kind);
        if (step is null || d.Step(step.Code) is not { DueOn: { } due } current || on <= due
            || (current.Outcome is not null && current.Outcome != StepOutcomes.Lapsed))
        {
            return;
        }

        throw Refused(step == SpotCheckSteps.Objection
            ? $"异议申请期已于 {Iso(due)} 届满，{Iso(on)} 提出的异议视为逾期；逾期未提交的，视为无异议（第七条）"
            : step == SpotCheckSteps.RecheckObjection
            ? $"复查结果异议期已于 {Iso(due)} 届满，{Iso(on)} 提出的异议视为逾期，视为无异议（第二十二条参照第七条）"
            : $"复检样品确认期限已于 {Iso(due)} 届满，{Iso(on)} 办理视为逾期；依第十条第二项终止复检，维持原检验结论");
    }

    private static SpotCheckStep? LapsingStep(FollowUpEventKind kind) => kind switch
    {
        FollowUpEventKind.ObjectionFiled => SpotCheckSteps.Objection,
        FollowUpEventKind.RetestSamplesConfirmed => SpotCheckSteps.RetestSampleConfirmation,
        FollowUpEventKind.RecheckObjectionFiled => SpotCheckSteps.RecheckObjection,
        _ => null,
    };

    private static void ReverseLapseIfEnteredLate(CaseDraft d, FollowUpEventKind kind, DateOnly on)
    {
        var lapsed = LapsingStep(kind);
        if (lapsed is null || d.Stage != CaseStage.Transfer || d.Step(lapsed.Code) is not { Outcome: StepOutcomes.Lapsed, DueOn: { } due }
            || on > due || !d.IsOpen(SpotCheckSteps.Transfer))
        {
            return;
        }

        d.Reopen(lapsed.Code);
        d.End(SpotCheckSteps.Transfer, StepOutcomes.Cancelled);
        if (lapsed == SpotCheckSteps.Objection)
        {
            d.Stage = CaseStage.ObjectionWindow;
        }
        else
        {
            d.Stage = CaseStage.Retest;
            d.Conclusion = CaseConclusions.Failed;
        }
    }

    private static void StartTransfer(CaseDraft d, DateOnly earliest, string why)
    {
        d.StartWithoutPeriod(SpotCheckSteps.Transfer, earliest,
            $"{why}。第十六条未规定移交期限，只规定在异议处理申请期届满后移交；自 {Iso(earliest)} 起可以下达《产品质量监督抽查不合格结果移交处理通知书》。");
        d.Stage = CaseStage.Transfer;
    }

    /// <summary>The failing conclusion stands after an objection.</summary>
    private static void Maintain(CaseDraft d)
    {
        if (d.Conclusion == CaseConclusions.Failed)
        {
            d.Conclusion = CaseConclusions.Maintained;
        }
    }

    private static void RequireStage(CaseDraft d, FollowUpEventType type, params CaseStage[] allowed)
    {
        if (!allowed.Contains(d.Stage))
        {
            throw Refused(
                $"案件当前处于“{d.Stage.ChineseName()}”阶段，不能记录“{type.Name}”（仅适用于“{string.Join("”“", allowed.Select(s => s.ChineseName()))}”阶段）");
        }
    }

    private static EventOutcome RequireOutcome(FollowUpEventType type, EventOutcome? outcome) =>
        outcome ?? throw Refused($"“{type.Name}”须注明结果：{string.Join("；", type.Outcomes.Select(o => $"{o.Code}（{o.Name}）"))}");
}
