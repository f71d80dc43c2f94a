using RiskMonitor.Core.Calendar;
using RiskMonitor.Warnings.FollowUp;
using static RiskMonitor.Tests.Warnings.FollowUp.FollowUpWorld;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// A failed sample walked through regulation 000 with a fake clock, each due date derived by hand in the comment:
/// last day = start + n (the starting day is not counted); a last day that is not a working day moves to the next one (Art. 34).
/// Anchors: 2026-02-01, 2026-03-01 and 2026-11-01 are Sundays. Holidays (core/Reference/cn-workday-adjustments.csv):
/// 春节 02-15..02-23 with Sat 02-14 and Sat 02-28 worked; 劳动节 05-01..05-05 with Sat 05-09 worked; 中秋节 09-25..09-27;
/// 国庆节 10-01..10-07 with Sun 09-20 and Sat 10-10 worked. 2027 is not in the shipped data.
/// </summary>
public sealed class CaseWalkthroughTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-02-09");

    [Fact]
    public void FailedSample_WithObjectionRetestAndLateRectification_GetsEveryDueDateRight()
    {
        _world.Sample("S-A", "华中电动车有限公司", passed: false, sampledAt: "2026-01-20", reportDate: "2026-02-09");
        _world.OpenCases().Should().ContainSingle().Which.Stage.Should().Be(CaseStage.Delivery);

        // Report Mon 02-09 + 7 = Mon 02-16, inside 春节 (02-15..02-23) → first working day after it, Tue 02-24.
        var delivery = _world.Step("S-A", SpotCheckSteps.ResultDelivery);
        delivery.DueOn.Should().Be(D("2026-02-24"));
        delivery.Rule.Should().Contain("第三十四条");

        _world.Record("S-A", "result_delivered", "2026-02-12");
        _world.Step("S-A", SpotCheckSteps.ResultDelivery).Outcome.Should().Be(StepOutcomes.Done);

        // Received Fri 02-13 + 15 = Sat 02-28, a Spring Festival working Saturday (调休上班) → it counts, the window ends that day.
        _world.Record("S-A", "收到检验结果通知单", "2026-02-13");
        var window = _world.Step("S-A", SpotCheckSteps.Objection);
        window.DueOn.Should().Be(D("2026-02-28"));
        window.Rule.Should().Contain("调休上班日");

        _world.Record("S-A", "objection_filed", "2026-02-27");
        _world.Case("S-A").Stage.Should().Be(CaseStage.Objection);

        // Objection result notice received Fri 03-06 + 7 = Fri 03-13, a working day.
        _world.Record("S-A", "objection_result_notice", "2026-03-06", outcome: "retest");
        _world.Step("S-A", SpotCheckSteps.RetestSampleConfirmation).DueOn.Should().Be(D("2026-03-13"));

        _world.Record("S-A", "retest_samples_confirmed", "2026-03-12");
        _world.Record("S-A", "retest_result", "2026-04-15", outcome: "复检结论与初检结论一致，维持原检验结论");
        var transfer = _world.Step("S-A", SpotCheckSteps.Transfer);
        transfer.DueOn.Should().BeNull("Art. 16 sets no period, only that the transfer follows the objection");
        transfer.StartedOn.Should().Be(D("2026-04-15"));
        _world.Case("S-A").Conclusion.Should().Be(CaseConclusions.Maintained);

        // Transfer received Fri 04-17 + 15 = Sat 05-02, inside 劳动节 (05-01..05-05) → Wed 05-06.
        _world.Record("S-A", "transferred", "2026-04-17");
        _world.Step("S-A", SpotCheckSteps.CorrectionOrder).DueOn.Should().Be(D("2026-05-06"));

        _world.Record("S-A", "correction_order_issued", "2026-04-30");

        // Order received Wed 05-06 + 60: 25 days to 05-31, 30 to 06-30, 5 more → Sun 07-05, an ordinary Sunday → Mon 07-06.
        _world.Record("S-A", "correction_order_received", "2026-05-06");
        _world.Step("S-A", SpotCheckSteps.Rectification).DueOn.Should().Be(D("2026-07-06"));

        // The last day is still in time; the day after, the watch flags the rectification once.
        _world.WatchOn("2026-07-06").Should().BeEmpty();
        _world.WatchOn("2026-07-07").Should().ContainSingle().Which.Step.Should().Be(SpotCheckSteps.Rectification);
        _world.WatchOn("2026-07-08").Should().BeEmpty();

        // Applied (late) Tue 09-15 + 15 = Wed 09-30, a working day.
        _world.Record("S-A", "recheck_applied", "2026-09-15");
        _world.Step("S-A", SpotCheckSteps.Rectification).Outcome.Should().Be(StepOutcomes.Late);
        _world.Step("S-A", SpotCheckSteps.RecheckOrganisation).DueOn.Should().Be(D("2026-09-30"));

        // Re-check report received Fri 09-18 + 7 = Fri 09-25, 中秋节 (09-25..09-27) → Mon 09-28.
        _world.Record("S-A", "recheck_report_received", "2026-09-18");
        _world.Step("S-A", SpotCheckSteps.RecheckReportDelivery).DueOn.Should().Be(D("2026-09-28"));
        _world.Record("S-A", "recheck_report_delivered", "2026-09-28");

        // Re-check done Wed 09-30 + 10 = Sat 10-10, a National Day working Saturday → it counts, due that day.
        _world.Record("S-A", "recheck_done", "2026-09-30", outcome: "passed");
        _world.Step("S-A", SpotCheckSteps.OutcomeReport).DueOn.Should().Be(D("2026-10-10"));

        _world.Record("S-A", "outcome_reported", "2026-10-10");
        _world.Record("S-A", "closed", "2026-10-12");

        var closed = _world.Case("S-A");
        closed.IsClosed.Should().BeTrue();
        closed.RecheckResult.Should().Be("passed");
        closed.Steps.Select(s => (s.Code, s.Outcome)).Should().Equal(
            ("result_delivery", "done"), ("objection", "objected"), ("retest_sample_confirmation", "done"), ("transfer", "done"),
            ("correction_order", "done"), ("rectification", "late"), ("recheck_organisation", "done"),
            ("recheck_report_delivery", "done"), ("outcome_report", "done"));
        FollowUpCases.Events(_world.Connection, closed.CaseId).Should().HaveCount(15);
    }

    [Fact]
    public void FailedSample_WithoutObjection_LapsesTheWindowAndMovesDeadlinesPastNationalDay()
    {
        _world.Sample("S-B", "汉江电器厂", passed: false, sampledAt: "2026-08-20", reportDate: "2026-09-07");
        _world.OpenCases();

        // Report Mon 09-07 + 7 = Mon 09-14; the notice was received only on Wed 09-16, so it was delivered late.
        // Received Wed 09-16 + 15 = Thu 10-01, 国庆节 (10-01..10-07) → Thu 10-08.
        _world.Step("S-B", SpotCheckSteps.ResultDelivery).DueOn.Should().Be(D("2026-09-14"));
        _world.Record("S-B", "result_received", "2026-09-16");
        _world.Step("S-B", SpotCheckSteps.ResultDelivery).Outcome.Should().Be(StepOutcomes.Late, "receipt shows when the notice was delivered");
        _world.Step("S-B", SpotCheckSteps.Objection).DueOn.Should().Be(D("2026-10-08"));

        // Silence: the window is open through 10-08; on 10-09 it has lapsed, which means no objection (Art. 7) — not an overdue duty.
        _world.WatchOn("2026-10-08").Should().BeEmpty();
        _world.Case("S-B").Stage.Should().Be(CaseStage.ObjectionWindow);
        _world.Case("S-B").Steps.Should().NotContain(s => s.IsOverdueOn(D("2026-10-09")), "an unused objection window is no breach");
        _world.WatchOn("2026-10-09").Should().BeEmpty();
        var lapsed = _world.Case("S-B");
        lapsed.Stage.Should().Be(CaseStage.Transfer);
        lapsed.Step(SpotCheckSteps.Objection.Code)!.Outcome.Should().Be(StepOutcomes.Lapsed);
        lapsed.Step(SpotCheckSteps.Transfer.Code)!.StartedOn.Should().Be(D("2026-10-09"));
        FollowUpCases.Events(_world.Connection, lapsed.CaseId).Select(e => e.Type.Kind)
            .Should().Equal(FollowUpEventKind.ResultReceived, FollowUpEventKind.ObjectionLapsed);

        // Transfer received Fri 10-09 + 15 = Sat 10-24, an ordinary Saturday → Mon 10-26.
        _world.Record("S-B", "transferred", "2026-10-09");
        _world.Step("S-B", SpotCheckSteps.CorrectionOrder).DueOn.Should().Be(D("2026-10-26"));
        _world.WatchOn("2026-10-27").Should().ContainSingle().Which.Step.Should().Be(SpotCheckSteps.CorrectionOrder);

        // Order received Tue 11-10 (late, which also ends the correction step) + 60: 20 days to 11-30, 31 to 12-31, 9 more → Sat 2027-01-09.
        // 2027's holidays are not shipped: only the weekend is known → Mon 2027-01-11, with a warning to check by hand.
        _world.Record("S-B", "correction_order_received", "2026-11-10");
        _world.Step("S-B", SpotCheckSteps.CorrectionOrder).Outcome.Should().Be(StepOutcomes.Late);
        var rectification = _world.Step("S-B", SpotCheckSteps.Rectification);
        rectification.DueOn.Should().Be(D("2027-01-11"));
        rectification.Rule.Should().Contain("未包含2027年的放假安排");
    }

    public void Dispose() => _world.Dispose();
}
