using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class CusumDetectorTests
{
    private const double Tolerance = 1e-6;

    // Baseline 4, k = 1.04, h = 2.26; m(t) = mean of y(t−4 … t−1), x = (y − m)/√m, S(t) = max(0, S(t−1) + x − k),
    // U(t) = m + √m (h + k − S(t−1)) = m + √m (3.3 − S(t−1)).
    //   t=4: m 4,    √m 2,           x (8 − 4)/2 = 2,                  S 0.96,        U 4 + 2 × 3.3 = 10.6
    //   t=5: m 5,    √m 2.236067977, x −1/√5 = −0.447213595,           S 0,           U 5 + √5 × 2.34 = 10.232399067
    //   t=6: m 5,    √m 2.236067977, x 4/√5 = 1.788854382,             S 0.748854382, U 5 + √5 × 3.3 = 12.379024326
    //   t=7: m 6.25, √m 2.5,         x 5.75/2.5 = 2.3,                 S 2.008854382, U 6.25 + 2.5 × 2.551145618 = 12.627864045
    //   t=8: m 8.25, √m 2.872281323, x 5.75/2.872281323 = 2.001893043, S 2.970747425 ≥ h: alarm, then S restarts at 0;
    //        U 8.25 + 2.872281323 × (3.3 − 2.008854382) = 11.958533444
    //   t=9: m 9.75, √m 3.122498999, x 0.25/3.122498999 = 0.080064077, S max(0, 0 + 0.080064077 − 1.04) = 0;
    //        U 9.75 + 3.122498999 × 3.3 = 20.054246697 (without the restart S would be 2.010811502)
    private static readonly long[] Counts = [4, 4, 4, 4, 8, 4, 9, 12, 14, 10];

    [Fact]
    public void Detect_RisingSeries_MatchesHandComputedSumsAndThresholds()
    {
        var results = new CusumDetector(new CusumOptions(Baseline: 4)).Detect(CountSeries.Of(Counts));

        results.Take(4).Should().OnlyContain(r => r.Expected == null && r.Threshold == null && !r.Alarm);
        results.Skip(4).Select(r => r.Expected!.Value).Should().Equal([4, 5, 5, 6.25, 8.25, 9.75], Close);
        results.Skip(4).Select(r => r.Statistic!.Value).Should()
            .Equal([0.96, 0, 0.748854382, 2.008854382, 2.970747425, 0], Close);
        results.Skip(4).Select(r => r.Threshold!.Value).Should()
            .Equal([10.6, 10.232399067, 12.379024326, 12.627864045, 11.958533444, 20.054246697], Close);
        results.Select(r => r.Alarm).Should().Equal(false, false, false, false, false, false, false, false, true, false);
    }

    [Fact]
    public void Detect_CountAtThreshold_AlarmsExactlyWhenTheSumReachesH()
    {
        var results = new CusumDetector(new CusumOptions(Baseline: 4)).Detect(CountSeries.Of(Counts));

        results.Skip(4).Should().OnlyContain(r => r.Alarm == (r.Count >= r.Threshold));
    }

    [Fact]
    public void Detect_AllZeroBaseline_AlarmsOnAnyCase()
    {
        long[] counts = [0, 0, 0, 1, 0];

        var results = new CusumDetector(new CusumOptions(Baseline: 3)).Detect(CountSeries.Of(counts));

        results[3].Alarm.Should().BeTrue();
        results[3].Threshold.Should().Be(0);
        results[4].Alarm.Should().BeFalse();
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) < Tolerance;
}
