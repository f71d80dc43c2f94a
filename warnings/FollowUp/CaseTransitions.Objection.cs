using RiskMonitor.Core.Calendar;
using static RiskMonitor.Warnings.FollowUp.CaseDraft;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>The objection branch: Art. 7–15.</summary>
internal static partial class CaseTransitions
{
    private static void ApplyObjection(CaseDraft d, FollowUpEventType type, DateOnly on, EventOutcome? outcome, string? note)
    {
        switch (type.Kind)
        {
            case FollowUpEventKind.ObjectionFiled:
                RequireStage(d, type, CaseStage.ObjectionWindow);
                d.Complete(SpotCheckSteps.Objection, on, StepOutcomes.Objected);
                d.Stage = CaseStage.Objection;
                break;
            case FollowUpEventKind.NoObjection:
                RequireStage(d, type, CaseStage.ObjectionWindow);
                var windowEnd = d.RequireOpen(SpotCheckSteps.Objection).DueOn!.Value;
                d.Complete(SpotCheckSteps.Objection, on, StepOutcomes.Waived);
                StartTransfer(d, windowEnd.AddDays(1), $"被抽样单位于 {Iso(on)} 表示无异议，但异议申请期至 {Iso(windowEnd)} 方届满");
                break;
            case FollowUpEventKind.ObjectionResultNotice:
                RequireStage(d, type, CaseStage.Objection);
                RequireNotBefore(on, d.Step(SpotCheckSteps.Objection.Code)!.DoneOn!.Value, "提出异议");
                switch (RequireOutcome(type, outcome).Code)
                {
                    case "retest":
                        d.Start(SpotCheckSteps.RetestSampleConfirmation, on);
                        d.Stage = CaseStage.Retest;
                        break;
                    case "rejected":
                        Maintain(d);
                        StartTransfer(d, on, $"异议申请结果通知书告知不予受理或异议不成立（{Iso(on)}），维持原检验结论");
                        break;
                    default:
                        d.Conclusion = CaseConclusions.Withdrawn;
                        d.Close(on, "异议成立，撤回原检验结论（第十三条、第十四条）");
                        break;
                }

                break;
            case FollowUpEventKind.AuthenticityCheckRequested:
                RequireStage(d, type, CaseStage.Objection);
                RequireNotBefore(on, d.Step(SpotCheckSteps.Objection.Code)!.DoneOn!.Value, "提出异议");
                d.Start(SpotCheckSteps.AuthenticityCheck, on);
                d.Stage = CaseStage.Authenticity;
                break;
            case FollowUpEventKind.AuthenticityCheckDone:
                RequireStage(d, type, CaseStage.Authenticity);
                d.Complete(SpotCheckSteps.AuthenticityCheck, on);
                if (RequireOutcome(type, outcome).Code == "rejected")
                {
                    Maintain(d);
                    StartTransfer(d, on, $"样品真实性异议经协助调查不成立（{Iso(on)}），维持原检验结论");
                }
                else
                {
                    d.Conclusion = CaseConclusions.Withdrawn;
                    d.Close(on, "样品真实性异议成立，抽查结果不公开标称生产者信息（第十五条）");
                }

                break;
            case FollowUpEventKind.RetestSamplesConfirmed:
                RequireStage(d, type, CaseStage.Retest);
                d.Complete(SpotCheckSteps.RetestSampleConfirmation, on);
                break;
            case FollowUpEventKind.RetestResult:
                RequireStage(d, type, CaseStage.Retest);
                if (d.Step(SpotCheckSteps.RetestSampleConfirmation.Code) is not { DoneOn: { } confirmed })
                {
                    throw Refused("复检样品尚未确认（第九条），不能记录复检结论");
                }

                RequireNotBefore(on, confirmed, "复检样品确认");
                if (RequireOutcome(type, outcome).Code == "consistent")
                {
                    Maintain(d);
                    StartTransfer(d, on, $"复检结论与初检结论一致（{Iso(on)}），维持原检验结论");
                }
                else
                {
                    d.Conclusion = CaseConclusions.Withdrawn;
                    d.Close(on, "复检结论与初检结论不一致，撤回原检验结论（第十一条、第十二条）");
                }

                break;
            default:
                // Withdrawn (Art. 10(5)) or ended for another reason of Art. 10: the branch's open steps are no longer needed.
                RequireStage(d, type, CaseStage.Objection, CaseStage.Retest, CaseStage.Authenticity);
                RequireNotBefore(on, d.Step(SpotCheckSteps.Objection.Code)!.DoneOn!.Value, "提出异议");
                foreach (var step in new[] { SpotCheckSteps.RetestSampleConfirmation, SpotCheckSteps.AuthenticityCheck }.Where(d.IsOpen))
                {
                    d.End(step, StepOutcomes.Cancelled);
                }

                Maintain(d);
                var why = type.Kind == FollowUpEventKind.ObjectionWithdrawn ? "异议申请人撤回异议和复检申请（第十条第五项）" : $"终止复检或调查核实：{note}（第十条）";
                StartTransfer(d, on, $"{why}，维持原检验结论");
                break;
        }
    }

    private static void RequireNotBefore(DateOnly on, DateOnly earliest, string what)
    {
        if (on < earliest)
        {
            throw Refused($"日期 {Iso(on)} 早于{what}日期 {Iso(earliest)}");
        }
    }
}
