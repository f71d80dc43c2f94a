using RiskMonitor.Analytics.Assessment;

namespace RiskMonitor.Tests.Analytics.Assessment;

public sealed class ElevationRulesTests
{
    private static readonly RiskRuleOptions Options = new();

    [Theory]
    // 1 − e^−0.7 (1 + 0.7 + 0.7²/2 + 0.7³/6 + 0.7⁴/24) = 0.000786
    [InlineData(5, 0.7, 0.000786)]
    // Expectation 0 is floored at 0.5: 1 − e^−0.5 (1 + 0.5 + 0.125) = 0.014388
    [InlineData(3, 0.0, 0.014388)]
    // 1 − e^−2 Σ_{k<8} 2^k/k! = 0.001097
    [InlineData(8, 2.0, 0.001097)]
    public void UpperTail_IsThePoissonTail(int observed, double expected, double tail) =>
        ElevationRules.UpperTail(observed, expected).Should().BeApproximately(tail, 5e-7);

    [Fact]
    public void BeyondNoise_NeedsAnExpectationAndAnExcess()
    {
        ElevationRules.BeyondNoise(5, 0.7, 0.001).Should().BeTrue();
        ElevationRules.BeyondNoise(8, 2, 0.001).Should().BeFalse();
        ElevationRules.BeyondNoise(5, null, 0.001).Should().BeFalse();
        // No excess at all is never beyond noise, whatever the level.
        ElevationRules.BeyondNoise(2, 3, 0.99).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_SteadyThenAnOverwhelmingJump_IsElevatedWithEveryDetectorReported()
    {
        // Fifteen months of 1, then 12: the C2 baseline (months t−9 … t−3) is 1; P(X ≥ 12 | 1) = 8.3e-10 ≤ 1e-6, overwhelming.
        var history = History("421000", [.. Enumerable.Repeat(1, 15), 12]);

        var e = ElevationRules.Evaluate(history, [], seasonal: false, Options);

        e.ExpectedSignal.Should().Be(1);
        e.BaselineMethod.Should().Be("ears-c2");
        e.HazardElevated.Should().BeTrue();
        e.ElevatedMonths.Should().Be(1);
        e.Aberrations.Where(a => a.Series == "hazard").Select(a => a.Method).Should().Equal("ears-c1", "ears-c2", "ears-c3", "cusum", "farrington");
        e.Aberrations.Where(a => a.Series == "hazard" && a.Method != "farrington").Should().OnlyContain(a => a.Alarm && a.Expected == 1 && a.Threshold > 1);
    }

    [Fact]
    public void Evaluate_JumpBeyondNoiseButNotOverwhelming_NeedsCorroboration()
    {
        // Fifteen months of 1, then 6: P(X ≥ 6 | 1) = 5.9e-4, beyond noise (≤ 0.001) but not overwhelming (> 1e-6); the
        // detectors alarm, yet they all read the same count.
        var history = History("421000", [.. Enumerable.Repeat(1, 15), 6]);
        var alone = ElevationRules.Evaluate(history, [], seasonal: false, Options);
        alone.HazardAlarms.Should().BeGreaterThanOrEqualTo(2);
        alone.HazardElevated.Should().BeFalse();

        // A rising hazard in the complaints' content corroborates it; so does last month's elevation.
        ElevationRules.Evaluate(history, [Evidence.Rising("fire", 4, 4)], false, Options).HazardElevated.Should().BeTrue();
        ElevationRules.Evaluate(history with { PreviousElevatedMonths = 1 }, [], false, Options).HazardElevated.Should().BeTrue();
        // A rising hazard with fewer than the minimum signal's complaints is not enough.
        ElevationRules.Evaluate(history, [Evidence.Rising("fire", 4, 2)], false, Options).HazardElevated.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_SmallExcessTwoMonthsRunning_IsBeyondNoiseTogether()
    {
        // Fifteen months of 0, then 4 and 4. One month: P(X ≥ 4 | 0.5) = 0.0018, within noise. Two months together:
        // P(X ≥ 8 | 2 · 0.5) = 1.0e-5. The C2 expectation of the last month is 0 (months t−9 … t−3 are all 0).
        var history = History("420500", [.. Enumerable.Repeat(0, 15), 4, 4]);
        ElevationRules.Evaluate(history, [Evidence.Rising("labelling", 1, 4)], false, Options).HazardElevated.Should().BeTrue();

        var once = History("420500", [.. Enumerable.Repeat(0, 16), 4]);
        ElevationRules.Evaluate(once, [Evidence.Rising("labelling", 1, 4)], false, Options).HazardElevated.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_SeasonalCategory_ScalesTheExpectationWithVolume()
    {
        // A year of 10 complaints with signal 1, then 50 complaints with signal 5: expected 1 · 50/10 = 5; 5 is no excess.
        var quiet = Enumerable.Range(0, 12).Select(i => (Complaints: 10, Signal: 1)).Append((50, 5)).ToList();
        var e = ElevationRules.Evaluate(History("420600", quiet), [], seasonal: true, Options);
        e.BaselineMethod.Should().Be(ElevationRules.VolumeScaled);
        e.ExpectedSignal.Should().Be(5);
        e.HazardElevated.Should().BeFalse();
        e.Aberrations.Where(a => a.Method != "farrington").Should().OnlyContain(a => !a.Eligible);

        // The same volume with 20 hazard complaints and a rising-hazard signal: P(X ≥ 20 | 5) = 2.6e-6, confirmed once: elevated.
        var rising = quiet.Take(12).Append((50, 20)).ToList();
        var hot = ElevationRules.Evaluate(History("420600", rising), [Evidence.Rising("co_poisoning", 4, 20)], seasonal: true, Options);
        hot.HazardElevated.Should().BeTrue();

        // Without the rising-hazard signal nothing season-aware confirms it.
        ElevationRules.Evaluate(History("420600", rising), [], seasonal: true, Options).HazardElevated.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ProvinceWithOneElevatedDivision_IsLocalised()
    {
        var division = ElevationRules.Evaluate(History("421000", [.. Enumerable.Repeat(1, 15), 12]), [], false, Options);
        var province = ElevationRules.Evaluate(History("", [.. Enumerable.Repeat(4, 15), 30]), [], false, Options, [division]);
        province.Localised.Should().BeTrue();
        province.Elevated.Should().BeFalse();

        var both = ElevationRules.Evaluate(History("", [.. Enumerable.Repeat(4, 15), 30]), [], false, Options, [division, division]);
        both.Elevated.Should().BeTrue();
        both.ElevatedRegions.Should().Be(2);
    }

    [Fact]
    public void Evaluate_CarriesConsecutiveElevatedMonths()
    {
        var history = History("421000", [.. Enumerable.Repeat(1, 15), 12]) with { PreviousElevatedMonths = 2 };
        ElevationRules.Evaluate(history, [], false, Options).ElevatedMonths.Should().Be(3);
    }

    private static SubjectHistory History(string region, IReadOnlyList<int> signals) =>
        History(region, signals.Select(s => (Complaints: 20, Signal: s)).ToList());

    private static SubjectHistory History(string region, IReadOnlyList<(int Complaints, int Signal)> months)
    {
        var first = new DateOnly(2025, 1, 1);
        var rows = months.Select((m, i) => SubjectMonth.Empty(first.AddMonths(i), new RiskSubject("GA01", region), 500) with
        {
            Complaints = m.Complaints, HazardComplaints = m.Signal,
        }).ToList();
        return new SubjectHistory(rows[0].Subject, rows, 0);
    }
}
