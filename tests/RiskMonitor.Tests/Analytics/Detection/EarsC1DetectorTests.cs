using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class EarsC1DetectorTests
{
    private const double Tolerance = 1e-6;

    // z(0.999) = qnorm(0.999) = 3.090232306
    private const double Z999 = 3.090232306167813;

    [Fact]
    public void Detect_SeriesWithSpike_MatchesHandComputedMeanSdThresholdAndStatistic()
    {
        long[] counts = [3, 5, 4, 6, 2, 5, 3, 12, 4];

        var results = new EarsC1Detector().Detect(CountSeries.Of(counts));

        // t = 7 (8th period): baseline y(0..6) = 3 5 4 6 2 5 3, sum 28, mean 4;
        //   squared deviations 1 1 0 4 4 1 1 = 12, variance 12 / 6 = 2, sd √2 = 1.414213562;
        //   U = 4 + 3.090232306 × 1.414213562 = 8.370248438; C1 = (12 − 4) / √2 = 5.656854249; 12 > U: alarm.
        results[7].Expected.Should().BeApproximately(4, Tolerance);
        results[7].Threshold.Should().BeApproximately(4 + (Z999 * Math.Sqrt(2)), Tolerance);
        results[7].Threshold.Should().BeApproximately(8.370248438, Tolerance);
        results[7].Statistic.Should().BeApproximately(5.656854249, Tolerance);
        results[7].Alarm.Should().BeTrue();

        // t = 8: baseline 5 4 6 2 5 3 12, sum 37, mean 5.285714286; Σy² = 259, Σ(y − ȳ)² = 259 − 37²/7 = 63.428571429,
        //   variance 10.571428571, sd 3.251373336; U = 5.285714286 + 3.090232306 × 3.251373336 = 15.333213209;
        //   C1 = (4 − 5.285714286) / 3.251373336 = −0.395437298; no alarm.
        results[8].Expected.Should().BeApproximately(5.285714286, Tolerance);
        results[8].Threshold.Should().BeApproximately(15.333213209, Tolerance);
        results[8].Statistic.Should().BeApproximately(-0.395437298, Tolerance);
        results[8].Alarm.Should().BeFalse();
    }

    [Fact]
    public void Detect_FirstSevenPeriods_ReportNothing()
    {
        long[] counts = [3, 5, 4, 6, 2, 5, 3, 12, 4];

        var results = new EarsC1Detector().Detect(CountSeries.Of(counts));

        results.Should().HaveCount(9);
        results.Take(7).Should().OnlyContain(r => r.Expected == null && r.Threshold == null && !r.Alarm && r.Statistic == null);
        results.Select(r => r.Period).Should().Equal("1", "2", "3", "4", "5", "6", "7", "8", "9");
        results.Select(r => r.Count).Should().Equal(counts);
    }

    [Fact]
    public void Detect_FlatZeroBaseline_AlarmsOnOneCaseUnlessMinSigmaIsSet()
    {
        long[] counts = [0, 0, 0, 0, 0, 0, 0, 1];

        var plain = new EarsC1Detector().Detect(CountSeries.Of(counts))[7];
        var floored = new EarsC1Detector(new EarsOptions(MinSigma: 1)).Detect(CountSeries.Of(counts))[7];

        // sd = 0: U = 0 and 1 > 0 alarms; with sd raised to 1: U = 0 + 3.090232306 × 1, no alarm.
        plain.Threshold.Should().Be(0);
        plain.Alarm.Should().BeTrue();
        floored.Threshold.Should().BeApproximately(Z999, Tolerance);
        floored.Alarm.Should().BeFalse();
    }

    [Fact]
    public void Detect_FlatBaselineAndSameCount_DoesNotAlarm()
    {
        long[] counts = [5, 5, 5, 5, 5, 5, 5, 5];

        var result = new EarsC1Detector().Detect(CountSeries.Of(counts))[7];

        result.Threshold.Should().Be(5);
        result.Statistic.Should().Be(0);
        result.Alarm.Should().BeFalse();
    }

    [Fact]
    public void Detect_ShorterBaselineAndLargerAlpha_UsesThem()
    {
        long[] counts = [2, 4, 6, 9];

        var result = new EarsC1Detector(new EarsOptions(Baseline: 3, Alpha: 0.05)).Detect(CountSeries.Of(counts))[3];

        // Baseline 2 4 6: mean 4, variance (4 + 0 + 4) / 2 = 4, sd 2; z(0.95) = 1.644853627; U = 4 + 2 × 1.644853627 = 7.289707254.
        result.Threshold.Should().BeApproximately(7.289707254, Tolerance);
        result.Alarm.Should().BeTrue();
    }
}
