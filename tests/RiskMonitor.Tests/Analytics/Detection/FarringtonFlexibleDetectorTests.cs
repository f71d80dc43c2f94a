using RiskMonitor.Analytics.Detection;
using RiskMonitor.Core;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class FarringtonFlexibleDetectorTests
{
    // Eight years of monthly counts peaking in July (t % 12 = 6) around 35 and bottoming near 18 in January,
    // with a deterministic ±8% wobble so that no two years are alike.
    private static long[] Seasonal(int months = 96) => Enumerable.Range(0, months)
        .Select(t => (long)Math.Round(25 * Math.Exp(0.35 * Math.Cos(2 * Math.PI * ((t % 12) - 6) / 12)) * (1 + (0.08 * Math.Sin(1.7 * t)))))
        .ToArray();

    // Outbreaks: March of year 7 (t = 74, +30) and February–March of year 8 (t = 85, 86, +25 and +30).
    private static long[] WithOutbreaks()
    {
        var counts = Seasonal();
        counts[74] += 30;
        counts[85] += 25;
        counts[86] += 30;
        return counts;
    }

    [Fact]
    public void Detect_SeasonalSeriesWithOutbreaks_AlarmsAtTheOutbreaksOnly()
    {
        var results = new FarringtonFlexibleDetector().Detect(CountSeries.Of(WithOutbreaks(), 12));

        // b·f + w = 63 periods of history are needed.
        results.Take(63).Should().OnlyContain(r => r.Expected == null && r.Threshold == null && !r.Alarm);
        results.Skip(63).Should().OnlyContain(r => r.Expected > 0 && r.Threshold >= r.Expected);
        Enumerable.Range(0, results.Count).Where(t => results[t].Alarm).Should().Equal(74, 85, 86);

        // The clean July and August peaks of years 6 to 8 stay under their thresholds.
        foreach (var peak in new[] { 66, 67, 78, 79, 90, 91 })
        {
            results[peak].Alarm.Should().BeFalse();
            results[peak].Count.Should().BeGreaterThan((long)results[peak].Expected!.Value);
        }
    }

    [Fact]
    public void Detect_WeeklySeriesWithOutbreak_AlarmsAtTheOutbreak()
    {
        // Eight years of weeks peaking around week 26, the same ±8% wobble, an outbreak of +25 in weeks 350 and 351.
        var counts = Enumerable.Range(0, 416)
            .Select(t => (long)Math.Round(12 * Math.Exp(0.4 * Math.Cos(2 * Math.PI * ((t % 52) - 26) / 52)) * (1 + (0.08 * Math.Sin(1.7 * t)))))
            .ToArray();
        counts[350] += 25;
        counts[351] += 25;

        var results = new FarringtonFlexibleDetector().Detect(CountSeries.Of(counts, 52));

        // b·f + w = 263 weeks of history are needed.
        results[262].Expected.Should().BeNull();
        results[263].Expected.Should().NotBeNull();
        Enumerable.Range(0, results.Count).Where(t => results[t].Alarm).Should().Equal(350, 351);
    }

    [Fact]
    public void Detect_CleanSeasonalSeries_NeverAlarms()
    {
        var results = new FarringtonFlexibleDetector().Detect(CountSeries.Of(Seasonal(), 12));

        results.Should().OnlyContain(r => !r.Alarm);
    }

    [Fact]
    public void Estimate_PastOutbreakInTheBaseline_IsDownWeighted()
    {
        var counts = WithOutbreaks();
        var options = new FarringtonOptions();
        var reference = FarringtonReference.Select(86, 12, options)!;

        var weighted = FarringtonModel.Estimate(counts, 86, reference, options)!;
        var unweighted = FarringtonModel.Estimate(counts, 86, reference, options with { Reweight = false })!;

        // March of year 7 (t = 74) lies in the window of t = 86; its Anscombe residual exceeds 2.58.
        var outbreak = reference.Select((r, i) => (r.Index, i)).Single(p => p.Index == 74).i;
        weighted.Weights[outbreak].Should().BeLessThan(0.1);
        weighted.Weights.Sum().Should().BeApproximately(reference.Count, 1e-9);
        weighted.Expected.Should().BeLessThan(unweighted.Expected);
        unweighted.Weights.Should().OnlyContain(w => w == 1);
    }

    [Fact]
    public void Estimate_ModestTrendWithSeasonality_KeepsTheTrend()
    {
        var counts = Seasonal().Select((c, t) => (long)Math.Round(c * Math.Pow(1.01, t))).ToArray();
        var options = new FarringtonOptions();

        // December (t = 95): the trend is significant and the prediction stays below the past summer peaks.
        var estimate = FarringtonModel.Estimate(counts, 95, FarringtonReference.Select(95, 12, options)!, options)!;

        estimate.TrendUsed.Should().BeTrue();
    }

    [Fact]
    public void Estimate_SteadyGrowthBeyondTheBaselineMaximum_DropsTheTrend()
    {
        // Pure growth: the trend is significant but would predict above every baseline count (over-extrapolation).
        var counts = Enumerable.Range(0, 96).Select(t => (long)Math.Round(10 * Math.Pow(1.03, t))).ToArray();
        var options = new FarringtonOptions();

        var estimate = FarringtonModel.Estimate(counts, 95, FarringtonReference.Select(95, 12, options)!, options)!;

        estimate.TrendUsed.Should().BeFalse();
    }

    [Fact]
    public void Detect_FewCasesInTheLastFourPeriods_ReportsTheThresholdButDoesNotAlarm()
    {
        var quiet = new long[70];
        quiet[68] = 4;
        var busy = (long[])quiet.Clone();
        busy[69] = 1;

        var fewer = new FarringtonFlexibleDetector().Detect(CountSeries.Of(quiet, 12))[68];
        var enough = new FarringtonFlexibleDetector().Detect(CountSeries.Of(busy, 12))[69];

        // All-zero baseline: μ̂₀ = 0, U = 0. Four cases in four periods stay silent; five alarm.
        fewer.Expected.Should().Be(0);
        fewer.Threshold.Should().Be(0);
        fewer.Alarm.Should().BeFalse();
        enough.Alarm.Should().BeTrue();
    }

    [Fact]
    public void Detect_WithoutFrequency_ThrowsInChinese()
    {
        var act = () => new FarringtonFlexibleDetector().Detect(CountSeries.Of(Seasonal()));

        act.Should().Throw<RiskMonitorException>().WithMessage("*频率*");
    }
}
