using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class EarsC2DetectorTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Detect_SeriesWithRise_UsesBaselineTwoPeriodsBack()
    {
        long[] counts = [3, 5, 4, 6, 2, 5, 3, 9, 10, 12, 4];

        var results = new EarsC2Detector().Detect(CountSeries.Of(counts));

        // t = 9: baseline y(t−9 … t−3) = y(0..6) = 3 5 4 6 2 5 3, mean 4, sd √2 (the rising 9 and 10 at t−2, t−1 stay out);
        //   U = 4 + 3.090232306 × 1.414213562 = 8.370248438; C2 = (12 − 4) / √2 = 5.656854249; alarm.
        results[9].Expected.Should().BeApproximately(4, Tolerance);
        results[9].Threshold.Should().BeApproximately(8.370248438, Tolerance);
        results[9].Statistic.Should().BeApproximately(5.656854249, Tolerance);
        results[9].Alarm.Should().BeTrue();

        // t = 10: baseline y(1..7) = 5 4 6 2 5 3 9, sum 34, mean 4.857142857; Σy² = 196, Σ(y − ȳ)² = 196 − 34²/7 = 30.857142857,
        //   variance 5.142857143, sd 2.267786838; U = 4.857142857 + 3.090232306 × 2.267786838 = 11.865131008;
        //   C2 = (4 − 4.857142857) / 2.267786838 = −0.377964473; no alarm.
        results[10].Expected.Should().BeApproximately(4.857142857, Tolerance);
        results[10].Threshold.Should().BeApproximately(11.865131008, Tolerance);
        results[10].Statistic.Should().BeApproximately(-0.377964473, Tolerance);
        results[10].Alarm.Should().BeFalse();
    }

    [Fact]
    public void Detect_FirstNinePeriods_ReportNothing()
    {
        long[] counts = [3, 5, 4, 6, 2, 5, 3, 9, 10, 12, 4];

        var results = new EarsC2Detector().Detect(CountSeries.Of(counts));

        results.Take(9).Should().OnlyContain(r => r.Expected == null && r.Threshold == null && !r.Alarm);
        results[9].Expected.Should().NotBeNull();
    }
}
