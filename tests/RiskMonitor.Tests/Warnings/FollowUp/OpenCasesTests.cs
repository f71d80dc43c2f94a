using RiskMonitor.Core.Calendar;
using RiskMonitor.Warnings.FollowUp;
using static RiskMonitor.Tests.Warnings.FollowUp.FollowUpWorld;

namespace RiskMonitor.Tests.Warnings.FollowUp;

public sealed class OpenCasesTests : IDisposable
{
    private readonly FollowUpWorld _world = new("2026-03-02");

    [Fact]
    public void OpenForFailedSamples_RunTwice_OpensOneCasePerFailedSample()
    {
        _world.Sample("S-1", "甲厂", passed: false, sampledAt: "2026-02-02", reportDate: "2026-02-25")
            .Sample("S-2", "乙厂", passed: true, sampledAt: "2026-02-02", reportDate: "2026-02-25")
            .Sample("S-3", "丙厂", passed: false, sampledAt: "2026-02-03", reportDate: "2026-02-26");

        _world.OpenCases().Select(c => c.SampleId).Should().Equal("S-1", "S-3");
        _world.OpenCases().Should().BeEmpty();
        FollowUpCases.List(_world.Connection).Should().HaveCount(2);
    }

    [Fact]
    public void OpenForFailedSamples_FirstStep_IsTheDeliveryFromTheReportDate()
    {
        // Report Wed 2026-02-25 + 7 = Wed 03-04, a working day.
        _world.Sample("S-1", "甲厂", passed: false, sampledAt: "2026-02-02", reportDate: "2026-02-25");

        var opened = _world.OpenCases().Single();

        opened.OpenedOn.Should().Be(D("2026-03-02"));
        opened.Steps.Should().ContainSingle().Which.Should().Match<CaseStep>(
            s => s.Code == SpotCheckSteps.ResultDelivery.Code && s.StartedOn == D("2026-02-25") && s.DueOn == D("2026-03-04"));
    }

    [Fact]
    public void SampleReportedBeforeTheRegulationCameIntoForce_GetsNoCase()
    {
        _world.Sample("S-OLD", "甲厂", passed: false, sampledAt: "2025-12-01", reportDate: "2025-12-20");

        _world.OpenCases().Should().BeEmpty();
    }

    [Fact]
    public void SampleWithoutReportDate_GetsACaseWithoutADeliveryPeriod()
    {
        _world.Sample("S-1", "甲厂", passed: false, sampledAt: "2026-02-02");

        _world.OpenCases().Single().Steps.Should().BeEmpty();
        var delivered = () => _world.Record("S-1", "result_delivered", "2026-03-02");
        delivered.Should().Throw<FollowUpException>().WithMessage("*检验报告日期缺失*");
        _world.Record("S-1", "result_received", "2026-03-02").Case.Stage.Should().Be(CaseStage.ObjectionWindow);
    }

    [Fact]
    public void ProducersRegion_NamesTheLocalBureau()
    {
        _world.Sample("S-1", "  甲厂 ", passed: false, sampledAt: "2026-02-02", reportDate: "2026-02-25", region: "420100", producerRegion: "420500");

        var opened = _world.OpenCases().Single();

        opened.RegionCode.Should().Be("420500", "the producer is followed up where it is located (Art. 16)");
        opened.Producer.Should().Be("甲厂");
    }

    [Fact]
    public void ProducerOutsideHubei_IsClosedOnTransferToItsOwnProvince()
    {
        // Received Tue 03-03 + 15 = Wed 03-18; no objection, so the transfer may follow from Thu 03-19.
        _world.Sample("S-1", "泉州佳美建材有限公司", passed: false, sampledAt: "2026-02-02", reportDate: "2026-02-25", producerRegion: "990000");
        _world.OpenCases();
        _world.Record("S-1", "result_received", "2026-03-03");
        _world.Record("S-1", "no_objection", "2026-03-04");

        var transferred = _world.Record("S-1", "transferred", "2026-03-19").Case;

        transferred.IsClosed.Should().BeTrue();
        transferred.CloseReason.Should().Contain("省级市场监督管理部门");
        transferred.Step(SpotCheckSteps.CorrectionOrder.Code).Should().BeNull();
    }

    public void Dispose() => _world.Dispose();
}
