using RiskMonitor.Core.Calendar;
using RiskMonitor.Warnings.FollowUp;
using static RiskMonitor.Tests.Warnings.FollowUp.FollowUpWorld;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// Art. 22 ¶2: an objection to a failed re-check is handled "with reference to chapter 3": 15 days from receiving the re-check
/// result notice (as Art. 7), silence meaning no objection. Dates derived by hand as in <see cref="CaseWalkthroughTests"/>.
/// Also Art. 24 ¶2: a sample that failed on labelling items alone may pass the re-check on the corrected labelling.
/// </summary>
public sealed class RecheckObjectionTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-03-02");

    public void Dispose() => _world.Dispose();

    /// <summary>A case brought to a re-check whose report arrives Mon 2026-08-10.</summary>
    private void ToRecheck(string sample)
    {
        _world.Sample(sample, "江汉电器有限公司", passed: false, sampledAt: "2026-02-20", reportDate: "2026-03-02");
        _world.OpenCases();
        _world.Record(sample, "result_received", "2026-03-04");
        _world.Record(sample, "no_objection", "2026-03-06");
        _world.Record(sample, "transferred", "2026-03-20");
        _world.Record(sample, "correction_order_received", "2026-03-25");
        _world.Record(sample, "recheck_applied", "2026-05-20");
        _world.Record(sample, "recheck_report_received", "2026-06-01");
    }

    [Fact]
    public void FailedRecheck_OpensAWindowFromDelivery_AndAnUpheldObjectionMakesItPass()
    {
        ToRecheck("S-R");
        _world.Record("S-R", "recheck_done", "2026-06-01", outcome: "failed");
        _world.Step("S-R", SpotCheckSteps.RecheckReportDelivery).IsOpen.Should().BeTrue();
        _world.Case("S-R").Step(SpotCheckSteps.RecheckObjection.Code).Should().BeNull("the window runs from the delivery of the result notice");

        // Delivered Wed 06-03 + 15 = Thu 06-18, a working day (端午节 2026 is 06-19..06-21).
        _world.Record("S-R", "recheck_report_delivered", "2026-06-03");
        var window = _world.Step("S-R", SpotCheckSteps.RecheckObjection);
        window.DueOn.Should().Be(D("2026-06-18"));
        window.IsDuty.Should().BeFalse("objecting is a right, not a duty: an unused window is no breach");

        _world.Record("S-R", "对复查结果提出书面异议", "2026-06-10");
        _world.Step("S-R", SpotCheckSteps.RecheckObjection).Outcome.Should().Be(StepOutcomes.Objected);
        _world.Record("S-R", "recheck_objection_result", "2026-07-01", outcome: "异议成立，认定复查合格");
        _world.Case("S-R").RecheckResult.Should().Be("passed");

        // A passed re-check: continuing to sell is no longer "before passing the re-check" (Art. 28).
        var act = () => _world.Record("S-R", "sales_before_recheck", "2026-07-02");
        act.Should().Throw<FollowUpException>().WithMessage("*整改复查已合格*");
    }

    [Fact]
    public void SilenceThroughTheWindow_LapsesIt_AsNoObjection_AndALateObjectionIsRefused()
    {
        ToRecheck("S-L");
        _world.Record("S-L", "recheck_report_delivered", "2026-06-03");
        _world.Case("S-L").Step(SpotCheckSteps.RecheckObjection.Code).Should().BeNull("a re-check not yet concluded opens no window");
        _world.Record("S-L", "recheck_done", "2026-06-04", outcome: "failed");
        _world.Step("S-L", SpotCheckSteps.RecheckObjection).DueOn.Should().Be(D("2026-06-18"), "counted from the delivery before it");
        _world.Record("S-L", "outcome_reported", "2026-06-10");

        _world.WatchOn("2026-06-18").Should().BeEmpty();
        _world.WatchOn("2026-06-19").Should().BeEmpty("a lapsed window is not an overdue step");
        var lapsed = _world.Step("S-L", SpotCheckSteps.RecheckObjection);
        lapsed.Outcome.Should().Be(StepOutcomes.Lapsed);
        StepOutcomes.ChineseName(lapsed.Outcome, lapsed.Code).Should().Be("期限届满未提出异议，视为无异议");
        FollowUpCases.Events(_world.Connection, _world.Case("S-L").CaseId).Should().Contain(e => e.Type.Code == "recheck_objection_lapsed");

        var late = () => _world.Record("S-L", "recheck_objection_filed", "2026-06-22");
        late.Should().Throw<FollowUpException>().WithMessage("复查结果异议期已于 2026-06-18 届满*");
        _world.Case("S-L").RecheckResult.Should().Be("failed");
    }

    [Fact]
    public void AnObjectionFiledInTime_ButEnteredAfterTheLapse_StillCounts()
    {
        ToRecheck("S-E");
        _world.Record("S-E", "recheck_done", "2026-06-02", outcome: "failed");
        _world.Record("S-E", "recheck_report_delivered", "2026-06-03");
        _world.WatchOn("2026-06-22");
        _world.Step("S-E", SpotCheckSteps.RecheckObjection).Outcome.Should().Be(StepOutcomes.Lapsed);

        _world.Record("S-E", "recheck_objection_filed", "2026-06-17", enteredOn: "2026-06-22");

        _world.Step("S-E", SpotCheckSteps.RecheckObjection).Outcome.Should().Be(StepOutcomes.Objected);
        _world.Record("S-E", "recheck_objection_result", "2026-07-01", outcome: "rejected");
        _world.Case("S-E").RecheckResult.Should().Be("failed");
    }

    [Fact]
    public void LabellingOnlyFailure_MayPassTheRecheckOnTheCorrectedLabel()
    {
        // Art. 24 ¶2.
        _world.FailedItem("S-T", "产品标识", safety: false).FailedItem("S-T", "使用说明", safety: false);
        ToRecheck("S-T");
        _world.Case("S-T").LabellingOnly.Should().BeTrue();
        _world.Record("S-T", "recheck_done", "2026-06-02", outcome: "labelling_passed");
        _world.Case("S-T").RecheckResult.Should().Be("passed");
    }

    [Fact]
    public void SafetyFailure_CannotPassTheRecheckOnTheLabelAlone()
    {
        _world.FailedItem("S-U", "产品标识", safety: false).FailedItem("S-U", "短路保护", safety: true);
        ToRecheck("S-U");
        _world.Case("S-U").LabellingOnly.Should().BeFalse();
        var act = () => _world.Record("S-U", "recheck_done", "2026-06-02", outcome: "labelling_passed");
        act.Should().Throw<FollowUpException>().WithMessage("*第二十四条第二款只适用于仅标识项目不合格*");
        _world.Case("S-U").RecheckResult.Should().BeNull("a refused event changes nothing");
    }

    [Fact]
    public void NoWindow_ForAPassedRecheck_AndNoObjectionWithoutOne()
    {
        ToRecheck("S-P");
        _world.Record("S-P", "recheck_done", "2026-06-02", outcome: "passed");
        _world.Record("S-P", "recheck_report_delivered", "2026-06-03");

        _world.Case("S-P").Step(SpotCheckSteps.RecheckObjection.Code).Should().BeNull();
        var act = () => _world.Record("S-P", "recheck_objection_filed", "2026-06-05");
        act.Should().Throw<FollowUpException>().WithMessage("复查结论为不合格并送达*");
    }
}
