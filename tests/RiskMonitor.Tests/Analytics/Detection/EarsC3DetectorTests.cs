using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class EarsC3DetectorTests
{
    private const double Tolerance = 1e-6;

    // z(0.975) = qnorm(0.975) = 1.959963985
    private const double Z975 = 1.9599639845400536;

    // Baseline 3 keeps the hand computation short. C2(t) uses y(t−5 … t−3).
    //   C2(5): base 4 0 2, mean 2, var (4 + 4 + 0)/2 = 4, sd 2, y 2 → 0;      excess max(0, C2 − 1) = 0
    //   C2(6): base 0 2 4, mean 2, sd 2, y 4 → 1;                             excess 0
    //   C2(7): base 2 4 6, mean 4, sd 2, y 9 → 2.5;                           excess 1.5
    //   C2(8): base 4 6 2, mean 4, sd 2, y 6 → 1;                             excess 0
    //   C2(9): base 6 2 4, mean 4, sd 2, y 4 → 0;                             excess 0
    //   C2(10): base 2 4 9, mean 5, var (9 + 1 + 16)/2 = 13, sd √13 = 3.605551275, y 20 → 15/√13 = 4.160251472; excess 3.160251472
    private static readonly long[] Counts = [4, 0, 2, 4, 6, 2, 4, 9, 6, 4, 20];

    [Fact]
    public void Detect_FirstSevenPeriods_ReportNothing()
    {
        var results = Detect();

        // C3 needs C2 at t − 2, which needs baseline + 2 periods before it: t ≥ 3 + 4.
        results.Take(7).Should().OnlyContain(r => r.Expected == null && r.Threshold == null && !r.Alarm);
    }

    [Fact]
    public void Detect_CurrentTermAboveZ_AlarmsByTheDocumentedBoundAlthoughC3IsBelowZ()
    {
        var result = Detect()[7];

        // C3(7) = 0 + 0 + 1.5 = 1.5 < z; U3(7) = 4 + 2 × (1.959963985 − (0 + 0)) = 7.919927969 and 9 > U3: alarm.
        result.Expected.Should().BeApproximately(4, Tolerance);
        result.Statistic.Should().BeApproximately(1.5, Tolerance);
        result.Threshold.Should().BeApproximately(4 + (2 * Z975), Tolerance);
        result.Alarm.Should().BeTrue();
    }

    [Fact]
    public void Detect_AfterAnExcess_LowersTheThresholdByTheLaggedTerms()
    {
        var results = Detect();

        // t = 8: lagged excess C2(6), C2(7) = 0 + 1.5; C3 = 1.5 + 0 = 1.5;
        //   U3 = 4 + 2 × (1.959963985 − 1.5) = 4.919927969; 6 > U3: alarm.
        results[8].Statistic.Should().BeApproximately(1.5, Tolerance);
        results[8].Threshold.Should().BeApproximately(4.919927969, Tolerance);
        results[8].Alarm.Should().BeTrue();

        // t = 9: lagged excess 1.5 + 0; C3 = 1.5; U3 = 4.919927969 as above; 4 < U3: no alarm.
        results[9].Statistic.Should().BeApproximately(1.5, Tolerance);
        results[9].Threshold.Should().BeApproximately(4.919927969, Tolerance);
        results[9].Alarm.Should().BeFalse();
    }

    [Fact]
    public void Detect_LargeCurrentExcess_MatchesHandComputation()
    {
        var result = Detect()[10];

        // Lagged excess C2(8), C2(9) = 0; C3 = 3.160251472; U3 = 5 + 3.605551275 × 1.959963985 = 12.066750644; alarm.
        result.Expected.Should().BeApproximately(5, Tolerance);
        result.Statistic.Should().BeApproximately(3.160251472, Tolerance);
        result.Threshold.Should().BeApproximately(12.066750644, Tolerance);
        result.Alarm.Should().BeTrue();
    }

    [Fact]
    public void Detect_LaggedExcessAboveZ_FloorsTheThresholdAtZero()
    {
        long[] counts = [4, 0, 2, 4, 6, 2, 9, 12, 4];

        var result = new EarsC3Detector(new EarsOptions(Baseline: 3)).Detect(CountSeries.Of(counts))[8];

        // C2(6): base 0 2 4, mean 2, sd 2, y 9 → 3.5, excess 2.5; C2(7): base 2 4 6, mean 4, sd 2, y 12 → 4, excess 3;
        // C2(8): base 4 6 2, mean 4, sd 2, y 4 → 0. U3 = 4 + 2 × (1.959963985 − 5.5) < 0 → 0; C3 = 5.5.
        result.Threshold.Should().Be(0);
        result.Statistic.Should().BeApproximately(5.5, Tolerance);
        result.Alarm.Should().BeTrue();
    }

    private static IReadOnlyList<DetectionResult> Detect() =>
        new EarsC3Detector(new EarsOptions(Baseline: 3)).Detect(CountSeries.Of(Counts));
}
