using RiskMonitor.Warnings.FollowUp;
using static RiskMonitor.Tests.Warnings.FollowUp.FollowUpWorld;

namespace RiskMonitor.Tests.Warnings.FollowUp;

/// <summary>
/// Art. 27, 28 and 30 on a small hand-built province; events are entered by the clerk on 2026-04-20. A "check" is the
/// samples taken from a producer on one day for one task.
/// </summary>
public sealed class ProducerFlagsTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-04-20");

    public ProducerFlagsTests()
    {
        _world
            // 甲厂: failed in 2025 and again at its next check in 2026.
            .Sample("A1", "甲厂", passed: false, sampledAt: "2025-05-10", reportDate: "2025-05-30", task: "2025年省级监督抽查")
            .Sample("A2", "甲厂", passed: false, sampledAt: "2026-03-02", reportDate: "2026-03-20")
            // 乙厂: failed, passed, failed: two failures but never two in a row.
            .Sample("B1", "乙厂", passed: false, sampledAt: "2026-01-05", reportDate: "2026-01-20")
            .Sample("B2", "乙厂", passed: true, sampledAt: "2026-02-10", reportDate: "2026-02-25")
            .Sample("B3", "乙厂", passed: false, sampledAt: "2026-03-10", reportDate: "2026-03-25")
            // 丙厂: two failed samples in one check (one failure), then refuses to rectify.
            .Sample("C1", "丙厂", passed: false, sampledAt: "2026-02-15", reportDate: "2026-03-03")
            .Sample("C2", "丙厂", passed: false, sampledAt: "2026-02-15", reportDate: "2026-03-03")
            // 丁厂: its first failure was withdrawn on objection, so the second is not "in a row".
            .Sample("D1", "丁厂", passed: false, sampledAt: "2026-01-15", reportDate: "2026-02-03")
            .Sample("D2", "丁厂", passed: false, sampledAt: "2026-04-01", reportDate: "2026-04-15")
            // 戊厂: found still selling the failed model before any re-check.
            .Sample("E1", "戊厂", passed: false, sampledAt: "2026-01-25", reportDate: "2026-02-10")
            // 己厂: always passes.
            .Sample("F1", "己厂", passed: true, sampledAt: "2026-03-01", reportDate: "2026-03-15")
            // 庚厂: failed in 2024 and 2026, nothing in between: two in a row, but not two years running.
            .Sample("G1", "庚厂", passed: false, sampledAt: "2024-06-01", reportDate: "2024-06-20", task: "2024年省级监督抽查")
            .Sample("G2", "庚厂", passed: false, sampledAt: "2026-03-01", reportDate: "2026-03-18");
        _world.OpenCases();

        Entered("D1", "result_received", "2026-02-04");
        Entered("D1", "objection_filed", "2026-02-06");
        Entered("D1", "objection_result_notice", "2026-02-12", "upheld");
        Entered("E1", "result_received", "2026-02-11");
        Entered("E1", "sales_before_recheck", "2026-02-20");
        // 丙厂's C1: received Wed 03-04, window to Thu 03-19; transferred Fri 03-20; order received Wed 03-25.
        Entered("C1", "result_received", "2026-03-04");
        Entered("C1", "no_objection", "2026-03-05");
        Entered("C1", "transferred", "2026-03-20");
        Entered("C1", "correction_order_received", "2026-03-25");
        Entered("C1", "rectification_refused", "2026-04-10");
    }

    [Fact]
    public void FailingTwoChecksInARow_IsFlaggedForPublication()
    {
        var a = ProducerFlags.Of(_world.Connection, "甲厂")!;

        a.FailedTwiceInARow.Should().BeTrue();
        a.PublishProducer.Should().BeTrue();
        a.Reasons.Should().Contain("连续两次产品质量监督抽查不合格");
        ProducerFlags.Of(_world.Connection, "庚厂")!.FailedTwiceInARow.Should().BeTrue("no check of it passed in between");
    }

    [Fact]
    public void FailuresWithAPassInBetween_AreRepeatedButNotInARow()
    {
        var b = ProducerFlags.Of(_world.Connection, "乙厂")!;

        b.FailedChecks.Should().Be(2);
        b.FailedTwiceInARow.Should().BeFalse();
        b.RepeatedFailures.Should().BeTrue("Art. 28: repeated failures justify an interview");
        b.PublishProducer.Should().BeFalse();
    }

    [Fact]
    public void TwoFailedSamplesOfOneCheck_CountAsOneFailure()
    {
        var c = ProducerFlags.Of(_world.Connection, "丙厂")!;

        c.FailedChecks.Should().Be(1);
        c.FailedTwiceInARow.Should().BeFalse();
    }

    [Fact]
    public void RefusingRectificationAndSellingBeforeTheRecheck_AreFlaggedForPublication()
    {
        var c = ProducerFlags.Of(_world.Connection, "丙厂")!;
        var e = ProducerFlags.Of(_world.Connection, "戊厂")!;

        c.RefusedRectification.Should().BeTrue();
        c.PublishProducer.Should().BeTrue();
        c.Reasons.Should().Contain("拒绝整改");
        e.KeptSelling.Should().BeTrue();
        e.PublishProducer.Should().BeTrue();
        e.Reasons.Should().Contain("整改复查合格前继续生产、销售");
    }

    [Fact]
    public void FailureWithdrawnOnObjection_DoesNotCount()
    {
        var d = ProducerFlags.Of(_world.Connection, "丁厂")!;

        d.FailedChecks.Should().Be(1);
        d.FirstFailedOn.Should().Be(D("2026-04-01"));
        d.FailedTwiceInARow.Should().BeFalse();
    }

    [Fact]
    public void KeySupervisionList_HoldsEveryFailingProducer_AndKeepsCheckingThoseFailingTwoYearsRunning()
    {
        var list = ProducerFlags.KeySupervisionList(_world.Connection);

        list.Select(f => f.Producer).Should().BeEquivalentTo("甲厂", "乙厂", "丙厂", "丁厂", "戊厂", "庚厂");
        list[0].Producer.Should().Be("甲厂", "failing in 2025 and 2026 keeps it under spot checks (Art. 30)");
        list.Where(f => f.FailedTwoYearsRunning).Select(f => f.Producer).Should().Equal("甲厂");
        _world.Connection.ExecuteScalar<long>("SELECT count(*) FROM v_key_supervision WHERE keep_spot_checking").Should().Be(1);
    }

    private void Entered(string sample, string @event, string on, string? outcome = null) =>
        _world.Record(sample, @event, on, outcome, enteredOn: "2026-04-20");

    public void Dispose() => _world.Dispose();
}
