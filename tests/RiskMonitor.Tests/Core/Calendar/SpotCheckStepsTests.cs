using RiskMonitor.Core.Calendar;

namespace RiskMonitor.Tests.Core.Calendar;

public sealed class SpotCheckStepsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void All_HoldsTheElevenStepsOnceEach()
    {
        SpotCheckSteps.All.Should().HaveCount(11);
        SpotCheckSteps.All.Select(s => s.Code).Should().OnlyHaveUniqueItems();
        SpotCheckSteps.All.Should().OnlyContain(s => s.ActorName.Length > 0 && s.CountsFrom.Length > 0 && s.Note.Length > 0);
    }

    [Theory]
    // Figures as read in the text of regulation 000.
    [InlineData("result_delivery", 7, "第五条", SpotCheckActor.TestingBody)]
    [InlineData("objection", 15, "第七条", SpotCheckActor.ProducerOrSeller)]
    [InlineData("retest_sample_confirmation", 7, "第九条", SpotCheckActor.Objector)]
    [InlineData("authenticity_check", 10, "第十五条", SpotCheckActor.AssistingBureau)]
    [InlineData("transfer", null, "第十六条", SpotCheckActor.ProvincialBureau)]
    [InlineData("correction_order", 15, "第十七条", SpotCheckActor.LocalBureau)]
    [InlineData("rectification", 60, "第十七条、第二十条", SpotCheckActor.ProducerOrSeller)]
    [InlineData("recheck_organisation", 15, "第二十一条", SpotCheckActor.LocalBureau)]
    [InlineData("recheck_objection", 15, "第二十二条、第七条", SpotCheckActor.ProducerOrSeller)]
    [InlineData("recheck_report_delivery", 7, "第二十二条", SpotCheckActor.LocalBureau)]
    [InlineData("outcome_report", 10, "第二十五条", SpotCheckActor.LocalBureau)]
    public void Find_EachStep_CarriesTheRegulationsFigures(string code, int? days, string article, SpotCheckActor actor)
    {
        var step = SpotCheckSteps.Find(code);

        step.Should().NotBeNull();
        step!.Days.Should().Be(days);
        step.Article.Should().Be(article);
        step.Actor.Should().Be(actor);
    }

    [Fact]
    public void Find_UnknownCode_IsNull()
    {
        SpotCheckSteps.Find("no_such_step").Should().BeNull();
    }

    [Fact]
    public void Deadline_Rectification_UsesTheSixtyCalendarDayRule()
    {
        // Correction order received 2025-12-24 → 2026-02-22 (Sun, 春节) → Tue 2026-02-24, as in StatutoryDeadlineTests.
        SpotCheckSteps.Rectification.Deadline(D("2025-12-24"), WorkCalendar.Shipped).DueDate.Should().Be(D("2026-02-24"));
    }

    [Fact]
    public void Deadline_Objection_EndingOnTheAdjustedSaturday_DoesNotMove()
    {
        // Result notice received Fri 2026-02-13 → + 15 = Sat 02-28, worked after Spring Festival.
        SpotCheckSteps.Objection.Deadline(D("2026-02-13"), WorkCalendar.Shipped).DueDate.Should().Be(D("2026-02-28"));
    }

    [Fact]
    public void Deadline_Transfer_HasNoPeriodToCompute()
    {
        var act = () => SpotCheckSteps.Transfer.Deadline(D("2026-03-10"), WorkCalendar.Shipped);
        act.Should().Throw<InvalidOperationException>();
    }
}
