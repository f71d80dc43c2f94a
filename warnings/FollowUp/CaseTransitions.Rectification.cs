using RiskMonitor.Core.Calendar;
using static RiskMonitor.Warnings.FollowUp.CaseDraft;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>After the objection: transfer, correction order, rectification, re-check, outcome report (Art. 16–25), closing.</summary>
internal static partial class CaseTransitions
{
    private static void ApplyAfterTransfer(CaseDraft d, FollowUpEventType type, DateOnly on, EventOutcome? outcome, string? note)
    {
        switch (type.Kind)
        {
            case FollowUpEventKind.Transferred:
                RequireStage(d, type, CaseStage.Transfer);
                var earliest = d.RequireOpen(SpotCheckSteps.Transfer).StartedOn;
                if (on < earliest)
                {
                    throw Refused($"移交处理须在异议处理申请期届满后进行（第十六条），最早为 {Iso(earliest)}");
                }

                d.Complete(SpotCheckSteps.Transfer, on);
                if (outcome?.Code == "out_of_province")
                {
                    d.Close(on, "生产者在省外，已向其所在地省级市场监督管理部门送达不合格结果移交处理通知书（第十六条）");
                }
                else
                {
                    d.Start(SpotCheckSteps.CorrectionOrder, on);
                    d.Stage = CaseStage.Correction;
                }

                break;
            case FollowUpEventKind.CorrectionOrderIssued:
                RequireStage(d, type, CaseStage.Correction);
                d.Complete(SpotCheckSteps.CorrectionOrder, on);
                break;
            case FollowUpEventKind.CorrectionOrderReceived:
                RequireStage(d, type, CaseStage.Correction);
                if (d.IsOpen(SpotCheckSteps.CorrectionOrder))
                {
                    // Received implies issued by that day.
                    d.Complete(SpotCheckSteps.CorrectionOrder, on);
                }

                RequireNotBefore(on, d.Step(SpotCheckSteps.CorrectionOrder.Code)!.DoneOn!.Value, "下达责令改正通知书");
                d.Start(SpotCheckSteps.Rectification, on);
                d.Stage = CaseStage.Rectification;
                break;
            case FollowUpEventKind.RectificationRefused:
                RequireStage(d, type, CaseStage.Rectification);
                RequireNotBefore(on, d.RequireOpen(SpotCheckSteps.Rectification).StartedOn, "收到责令改正通知书");
                d.End(SpotCheckSteps.Rectification, StepOutcomes.Refused);
                d.Stage = CaseStage.Reporting;
                break;
            case FollowUpEventKind.SalesBeforeRecheck:
                RequireStage(d, type, CaseStage.ObjectionWindow, CaseStage.Objection, CaseStage.Retest, CaseStage.Authenticity,
                    CaseStage.Transfer, CaseStage.Correction, CaseStage.Rectification, CaseStage.Recheck, CaseStage.Reporting, CaseStage.Reported);
                if (d.RecheckResult == "passed")
                {
                    throw Refused("整改复查已合格，不属于“整改复查合格前继续生产、销售”");
                }

                break;
            case FollowUpEventKind.RecheckApplied:
                RequireStage(d, type, CaseStage.Rectification);
                d.Complete(SpotCheckSteps.Rectification, on);
                d.Start(SpotCheckSteps.RecheckOrganisation, on);
                d.Stage = CaseStage.Recheck;
                break;
            case FollowUpEventKind.RecheckDone:
                RequireStage(d, type, CaseStage.Recheck);
                d.Complete(SpotCheckSteps.RecheckOrganisation, on);
                d.RecheckResult = RequireOutcome(type, outcome).Code;
                if (d.RecheckResult == "labelling_passed")
                {
                    // Art. 24 ¶2: only where the sample failed on labelling items alone.
                    if (!d.Original.LabellingOnly)
                    {
                        throw Refused("该样品有安全项目（非标识项目）不合格，不能直接认定复查合格；第二十四条第二款只适用于仅标识项目不合格的情形");
                    }

                    d.RecheckResult = "passed";
                }

                d.Start(SpotCheckSteps.OutcomeReport, on);
                d.Stage = CaseStage.Reporting;
                // The result notice may have been delivered before the result was entered: the objection window runs from it.
                if (d.RecheckResult == "failed" && d.Step(SpotCheckSteps.RecheckReportDelivery.Code) is { DoneOn: { } delivered })
                {
                    StartRecheckObjection(d, delivered);
                }

                break;
            case FollowUpEventKind.RecheckReportReceived:
                RequireStage(d, type, CaseStage.Recheck, CaseStage.Reporting, CaseStage.Reported);
                if (d.Step(SpotCheckSteps.RecheckOrganisation.Code) is not { } recheck)
                {
                    throw Refused("尚未申请整改复查，不能记录复查检验报告");
                }

                RequireNotBefore(on, recheck.StartedOn, "申请整改复查");

                d.Start(SpotCheckSteps.RecheckReportDelivery, on);
                break;
            case FollowUpEventKind.RecheckReportDelivered:
                d.Complete(SpotCheckSteps.RecheckReportDelivery, on);
                if (d.RecheckResult == "failed")
                {
                    StartRecheckObjection(d, on);
                }

                break;
            case FollowUpEventKind.RecheckObjectionFiled:
                if (d.Step(SpotCheckSteps.RecheckObjection.Code) is not { } window)
                {
                    throw Refused("复查结论为不合格并送达复查检验结果通知书后，方可对复查结果提出异议（第二十二条）");
                }

                RequireNotBefore(on, window.StartedOn, "送达复查检验结果通知书");
                if (window.Outcome == StepOutcomes.Lapsed)
                {
                    // Filed in time, entered after the product had applied the lapse.
                    d.Reopen(window.Code);
                }
                else if (!window.IsOpen)
                {
                    throw Refused("已对复查结果提出过异议");
                }

                d.Complete(SpotCheckSteps.RecheckObjection, on, StepOutcomes.Objected);
                break;
            case FollowUpEventKind.RecheckObjectionResult:
                if (d.Step(SpotCheckSteps.RecheckObjection.Code) is not { Outcome: StepOutcomes.Objected, DoneOn: { } filed })
                {
                    throw Refused("尚未对复查结果提出异议，不能记录异议处理结论");
                }

                RequireNotBefore(on, filed, "对复查结果提出异议");
                // The latest decision stands (a decision changed on review is entered again).
                d.RecheckResult = RequireOutcome(type, outcome).Code == "upheld" ? "passed" : "failed";
                break;
            case FollowUpEventKind.OutcomeReported:
                RequireStage(d, type, CaseStage.Reporting);
                if (d.IsOpen(SpotCheckSteps.OutcomeReport))
                {
                    d.Complete(SpotCheckSteps.OutcomeReport, on);
                }

                d.Stage = CaseStage.Reported;
                break;
            case FollowUpEventKind.Closed:
                Close(d, on, note);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "event not handled after the transfer");
        }
    }

    /// <summary>The Art. 22 ¶2 window for objecting to a failed re-check, from the day the result notice was delivered.</summary>
    private static void StartRecheckObjection(CaseDraft d, DateOnly delivered)
    {
        if (d.Step(SpotCheckSteps.RecheckObjection.Code) is null)
        {
            d.Start(SpotCheckSteps.RecheckObjection, delivered);
        }
    }

    /// <summary>Closing leaves no duty unnoticed: with steps still open, the clerk must say why.</summary>
    private static void Close(CaseDraft d, DateOnly on, string? note)
    {
        var open = SpotCheckSteps.All.Where(s => s != SpotCheckSteps.Objection && s != SpotCheckSteps.RecheckObjection && d.IsOpen(s))
            .Select(s => s.Name).ToList();
        if (open.Count > 0 && string.IsNullOrWhiteSpace(note))
        {
            throw Refused($"尚有未办结的环节（{string.Join("、", open)}），结案须在备注中说明理由");
        }

        // The transfer's start is the earliest day it may happen, not an event: it does not bound the closing date.
        var last = SpotCheckSteps.All.Select(s => d.Step(s.Code)).OfType<CaseStep>()
            .Where(s => s.Outcome != StepOutcomes.Cancelled && (s.DoneOn is not null || s.DueOn is not null))
            .Select(s => s.DoneOn ?? s.StartedOn).DefaultIfEmpty(DateOnly.MinValue).Max();
        RequireNotBefore(on, last, "最近一个环节");

        d.Close(on, string.IsNullOrWhiteSpace(note) ? "处理完毕，结案" : note.Trim());
    }
}
