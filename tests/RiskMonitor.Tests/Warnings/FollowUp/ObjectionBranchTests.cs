using RiskMonitor.Core.Calendar;
using RiskMonitor.Warnings.FollowUp;
using static RiskMonitor.Tests.Warnings.FollowUp.FollowUpWorld;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// The objection branch (Art. 7–15). Every case here: report Mon 2026-01-26, notice received Wed 01-28, so the objection
/// window runs 01-28 + 15 = Thu 02-12 (a working day); the objection is filed on Thu 02-05.
/// </summary>
public sealed class ObjectionBranchTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-01-26");

    public ObjectionBranchTests()
    {
        _world.Sample("S-1", "楚天玩具厂", passed: false, sampledAt: "2026-01-10", reportDate: "2026-01-26");
        _world.OpenCases();
        _world.Record("S-1", "result_received", "2026-01-28");
        _world.Record("S-1", "objection_filed", "2026-02-05");
    }

    [Fact]
    public void RetestSamplesNotConfirmedWithinSevenDays_EndsTheRetestAndKeepsTheConclusion()
    {
        // Notice received Tue 02-10 + 7 = Tue 02-17, inside 春节 (02-15..02-23) → Tue 02-24.
        _world.Record("S-1", "objection_result_notice", "2026-02-10", outcome: "retest");
        _world.Step("S-1", SpotCheckSteps.RetestSampleConfirmation).DueOn.Should().Be(D("2026-02-24"));

        _world.WatchOn("2026-02-24").Should().BeEmpty();
        var flagged = _world.WatchOn("2026-02-25");

        flagged.Should().ContainSingle().Which.Message.Should().Contain("第十条第二项");
        var ended = _world.Case("S-1");
        ended.Stage.Should().Be(CaseStage.Transfer);
        ended.Conclusion.Should().Be(CaseConclusions.Maintained);
        ended.Step(SpotCheckSteps.RetestSampleConfirmation.Code)!.Outcome.Should().Be(StepOutcomes.Lapsed);
        ended.Step(SpotCheckSteps.Transfer.Code)!.StartedOn.Should().Be(D("2026-02-25"));
        FollowUpCases.Events(_world.Connection, ended.CaseId)[^1].Should().Match<CaseEvent>(
            e => e.Type.Kind == FollowUpEventKind.RetestTerminated && e.Actor == DeadlineWatch.Actor && e.Note!.Contains("第十条第二项"));
    }

    [Fact]
    public void RetestSamplesConfirmedAfterTheSevenDays_AreRefusedCitingArticle10()
    {
        _world.Record("S-1", "objection_result_notice", "2026-02-10", outcome: "retest");

        var late = () => _world.Record("S-1", "retest_samples_confirmed", "2026-02-25");

        late.Should().Throw<FollowUpException>().WithMessage("*2026-02-24 届满*第十条第二项*");
        _world.Case("S-1").Stage.Should().Be(CaseStage.Retest, "a refused event writes nothing");
    }

    [Fact]
    public void ConfirmationMadeInTimeButEnteredAfterTheWatch_UndoesTheLapse()
    {
        _world.Record("S-1", "objection_result_notice", "2026-02-10", outcome: "retest");
        _world.WatchOn("2026-02-25");

        _world.Record("S-1", "retest_samples_confirmed", "2026-02-24", enteredOn: "2026-02-26");

        var reopened = _world.Case("S-1");
        reopened.Stage.Should().Be(CaseStage.Retest);
        reopened.Conclusion.Should().Be(CaseConclusions.Failed);
        reopened.Step(SpotCheckSteps.RetestSampleConfirmation.Code)!.Outcome.Should().Be(StepOutcomes.Done);
        reopened.Step(SpotCheckSteps.Transfer.Code)!.Outcome.Should().Be(StepOutcomes.Cancelled);

        _world.Record("S-1", "retest_result", "2026-03-20", outcome: "inconsistent");
        var withdrawn = _world.Case("S-1");
        withdrawn.IsClosed.Should().BeTrue();
        withdrawn.Conclusion.Should().Be(CaseConclusions.Withdrawn);
        withdrawn.CloseReason.Should().Contain("撤回原检验结论");
    }

    [Fact]
    public void AuthenticityObjectionRejected_GoesOnToTheTransfer()
    {
        // Letter received Mon 09-21 + 10 = Thu 10-01, 国庆节 (10-01..10-07) → Thu 10-08.
        _world.Record("S-1", "authenticity_check_requested", "2026-09-21");
        _world.Step("S-1", SpotCheckSteps.AuthenticityCheck).DueOn.Should().Be(D("2026-10-08"));

        _world.Record("S-1", "authenticity_check_done", "2026-10-09", outcome: "rejected");

        _world.Step("S-1", SpotCheckSteps.AuthenticityCheck).Outcome.Should().Be(StepOutcomes.Late);
        _world.Case("S-1").Stage.Should().Be(CaseStage.Transfer);
        _world.Step("S-1", SpotCheckSteps.Transfer).StartedOn.Should().Be(D("2026-10-09"));
    }

    [Fact]
    public void ObjectionUpheld_ClosesTheCaseWithTheConclusionWithdrawn()
    {
        _world.Record("S-1", "objection_result_notice", "2026-02-27", outcome: "upheld");

        var closed = _world.Case("S-1");
        closed.IsClosed.Should().BeTrue();
        closed.Conclusion.Should().Be(CaseConclusions.Withdrawn);
    }

    [Fact]
    public void ObjectionWithdrawn_CancelsTheRetestAndTransfersFromThatDay()
    {
        _world.Record("S-1", "objection_result_notice", "2026-02-10", outcome: "retest");
        _world.Record("S-1", "objection_withdrawn", "2026-02-12");

        var withdrawn = _world.Case("S-1");
        withdrawn.Step(SpotCheckSteps.RetestSampleConfirmation.Code)!.Outcome.Should().Be(StepOutcomes.Cancelled);
        withdrawn.Conclusion.Should().Be(CaseConclusions.Maintained);
        withdrawn.Step(SpotCheckSteps.Transfer.Code)!.StartedOn.Should().Be(D("2026-02-12"));
        _world.WatchOn("2026-03-01").Should().BeEmpty("a cancelled step is no longer due");
    }

    public void Dispose() => _world.Dispose();
}
