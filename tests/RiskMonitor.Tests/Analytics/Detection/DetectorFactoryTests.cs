using RiskMonitor.Analytics.Detection;
using RiskMonitor.Core;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class DetectorFactoryTests
{
    [Theory]
    [InlineData("ears-c1", typeof(EarsC1Detector))]
    [InlineData("EARS-C2", typeof(EarsC2Detector))]
    [InlineData("ears-c3", typeof(EarsC3Detector))]
    [InlineData("cusum", typeof(CusumDetector))]
    [InlineData(" farrington ", typeof(FarringtonFlexibleDetector))]
    public void Create_KnownMethod_BuildsItsDetector(string method, Type type)
    {
        var detector = DetectorFactory.Create(new DetectorOptions(method));

        detector.Should().BeOfType(type);
        DetectorFactory.Methods.Should().Contain(detector.Name);
    }

    [Fact]
    public void Create_UnknownMethod_ListsTheChoicesInChinese()
    {
        var act = () => DetectorFactory.Create(new DetectorOptions("shewhart"));

        act.Should().Throw<RiskMonitorException>().WithMessage("*未知的检测方法*ears-c1*farrington*");
    }

    [Theory]
    [InlineData("cusum", 0.01, null)]
    [InlineData("ears-c1", 0.7, null)]
    [InlineData("ears-c2", null, 2)]
    [InlineData("cusum", null, 0)]
    public void Create_UnusableOption_IsRefused(string method, double? alpha, int? baseline)
    {
        var act = () => DetectorFactory.Create(new DetectorOptions(method, alpha, baseline));

        act.Should().Throw<RiskMonitorException>();
    }

    [Fact]
    public void Create_FarringtonBaseline_SetsTheYearsBack()
    {
        var detector = DetectorFactory.Create(new DetectorOptions("farrington", Baseline: 1));
        var counts = Enumerable.Range(0, 20).Select(t => (long)(10 + (t % 3))).ToArray();

        var results = detector.Detect(CountSeries.Of(counts, 12));

        // b = 1: history of 1 × 12 + 3 periods suffices.
        results[14].Expected.Should().BeNull();
        results[15].Expected.Should().NotBeNull();
    }

    [Theory]
    [InlineData(new[] { "2026-01", "2026-02" }, 12)]
    [InlineData(new[] { "202601", "2026/02" }, 12)]
    [InlineData(new[] { "2026-W52", "2026-W53", "2027-W01" }, 52)]
    [InlineData(new[] { "2026-Q1", "2026Q2" }, 4)]
    [InlineData(new[] { "2026-01", "2026-W02" }, null)]
    [InlineData(new[] { "2026-13" }, null)]
    [InlineData(new string[0], null)]
    public void Infer_PeriodLabels_GivesTheFrequency(string[] periods, int? frequency) =>
        PeriodFrequency.Infer(periods).Should().Be(frequency);
}
