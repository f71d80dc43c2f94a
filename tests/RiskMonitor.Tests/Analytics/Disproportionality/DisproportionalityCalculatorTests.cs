using RiskMonitor.Analytics.Disproportionality;

namespace RiskMonitor.Tests.Analytics.Disproportionality;

public sealed class DisproportionalityCalculatorTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Measure_TypicalTable_MatchesHandComputation()
    {
        var m = DisproportionalityCalculator.Measure(new ContingencyTable(20, 80, 100, 1800));

        // N = 2000. PRR = (20/100) / (100/1900) = 3.8; SE(ln) = √(1/20 − 1/100 + 1/100 − 1/1900) = 0.222426806;
        //   CI = 3.8 × exp(∓1.959963985 × 0.222426806) = 2.457273832 … 5.876430951.
        // ROR = 20 × 1800 / (80 × 100) = 4.5; SE(ln) = √(1/20 + 1/80 + 1/100 + 1/1800) = 0.270287912;
        //   CI = 2.649372510 … 7.643319287.
        // χ² = 2000 × (|36000 − 8000| − 1000)² / (100 × 1900 × 120 × 1880) = 1.458e12 / 4.2864e10 = 34.014557671.
        // E = 100 × 120 / 2000 = 6; IC = log₂(20.5 / 6.5) = 1.657112286;
        //   Gamma(20.5, 6.5) = χ²₄₁ / 13; χ²₄₁ 2.5% = 25.214518638, IC025 = log₂(25.214518638 / 13) = 0.955743060;
        //   χ²₄₁ 97.5% gives IC975 = 2.219867202.
        m.Corrected.Should().BeFalse();
        ShouldBe(m.Prr, 3.8, 2.457273832, 5.876430951);
        ShouldBe(m.Ror, 4.5, 2.649372510, 7.643319287);
        m.ChiSquare.Should().BeApproximately(34.014557671, Tolerance);
        m.Table.Expected.Should().BeApproximately(6, Tolerance);
        ShouldBe(m.Ic, 1.657112286, 0.955743060, 2.219867202);
        m.EvansSignal.Should().BeTrue();
        m.IcSignal.Should().BeTrue();
        m.Signal.Should().BeTrue();
    }

    [Fact]
    public void Measure_ZeroInB_UsesHaldaneAnscombeForTheRatiosOnly()
    {
        var m = DisproportionalityCalculator.Measure(new ContingencyTable(3, 0, 7, 990));

        // Corrected cells 3.5, 0.5, 7.5, 990.5. PRR = (3.5/4) / (7.5/998) = 116.433333333;
        //   SE(ln) = √(1/3.5 − 1/4 + 1/7.5 − 1/998) = 0.409933672; CI 52.136414061 … 260.024041841.
        // ROR = 3.5 × 990.5 / (0.5 × 7.5) = 924.466666667; SE(ln) = √(1/3.5 + 1/0.5 + 1/7.5 + 1/990.5) = 1.555653307;
        //   CI 43.824478950 … 19501.398265609.
        // χ² on raw cells: 1000 × (2970 − 500)² / (3 × 997 × 10 × 990) = 6.1009e9 / 29610900 = 206.035615263.
        // E = 3 × 10 / 1000 = 0.03; IC = log₂(3.5 / 0.53) = 2.723290657;
        //   Gamma(3.5, 0.53) = χ²₇ / 1.06; χ²₇ 2.5% = 1.689869181, IC025 = log₂(1.689869181 / 1.06) = 0.672847301.
        m.Corrected.Should().BeTrue();
        ShouldBe(m.Prr, 116.433333333, 52.136414061, 260.024041841);
        ShouldBe(m.Ror, 924.466666667, 43.824478950, 19501.398265609);
        m.ChiSquare.Should().BeApproximately(206.035615263, Tolerance);
        m.Ic.Estimate.Should().BeApproximately(2.723290657, Tolerance);
        m.Ic.Lower.Should().BeApproximately(0.672847301, Tolerance);
        m.Ic.Upper.Should().BeApproximately(3.917086211, Tolerance);
        m.Signal.Should().BeTrue();
    }

    [Fact]
    public void Measure_ZeroInA_StaysFiniteAndDoesNotSignal()
    {
        var m = DisproportionalityCalculator.Measure(new ContingencyTable(0, 50, 40, 910));

        // Corrected 0.5, 50.5, 40.5, 910.5: PRR = (0.5/51) / (40.5/951) = 0.230210603, CI 0.014359250 … 3.690786181;
        //   ROR = 0.5 × 910.5 / (50.5 × 40.5) = 0.222588926, CI 0.013492099 … 3.672210679.
        // χ² = 1000 × (2000 − 500)² / (50 × 950 × 40 × 960) = 2.25e9 / 1.824e9 = 1.233552632.
        // E = 50 × 40 / 1000 = 2; IC = log₂(0.5 / 2.5) = −2.321928095;
        //   Gamma(0.5, 2.5) = χ²₁ / 5, χ²₁ 2.5% = Φ⁻¹(0.5125)² = 0.000982069, IC025 = log₂(0.000982069 / 5) = −12.313815911.
        ShouldBe(m.Prr, 0.230210603, 0.014359250, 3.690786181);
        ShouldBe(m.Ror, 0.222588926, 0.013492099, 3.672210679);
        m.ChiSquare.Should().BeApproximately(1.233552632, Tolerance);
        m.Ic.Estimate.Should().BeApproximately(-2.321928095, Tolerance);
        m.Ic.Lower.Should().BeApproximately(-12.313815911, Tolerance);
        m.Signal.Should().BeFalse();
    }

    [Fact]
    public void Measure_LargeModestExcess_SignalsByIcButNotByEvans()
    {
        var m = DisproportionalityCalculator.Measure(new ContingencyTable(400, 1600, 1000, 7000));

        // PRR = (400/2000) / (1000/8000) = 1.6 < 2; χ² = 74.129204734; E = 2000 × 1400 / 10000 = 280;
        // IC = log₂(400.5 / 280.5) = 0.513801472; IC025 = log₂(χ²₈₀₁ 2.5% / 561) = 0.368912432 > 0.
        m.Prr.Estimate.Should().BeApproximately(1.6, Tolerance);
        m.ChiSquare.Should().BeApproximately(74.129204734, Tolerance);
        m.Ic.Lower.Should().BeApproximately(0.368912432, Tolerance);
        m.EvansSignal.Should().BeFalse();
        m.IcSignal.Should().BeTrue();
    }

    [Fact]
    public void Measure_FewerThanThreeReports_FailsEvansDespiteHighPrr()
    {
        var m = DisproportionalityCalculator.Measure(new ContingencyTable(1, 9, 4, 986));

        // PRR = (1/10) / (4/990) = 24.75, χ² = 4.111466423, but a = 1; IC025 = log₂(χ²₃ 2.5% / 1.1) = −2.349768291.
        m.Prr.Estimate.Should().BeApproximately(24.75, Tolerance);
        m.ChiSquare.Should().BeApproximately(4.111466423, Tolerance);
        m.Ic.Lower.Should().BeApproximately(-2.349768291, Tolerance);
        m.Signal.Should().BeFalse();
    }

    [Fact]
    public void YatesChiSquare_EmptyMarginOrOvercorrection_IsZero()
    {
        DisproportionalityCalculator.YatesChiSquare(new ContingencyTable(0, 5, 0, 7)).Should().Be(0);
        // |ad − bc| = |25 − 24| = 1 < N/2 = 10: the correction stops at 0.
        DisproportionalityCalculator.YatesChiSquare(new ContingencyTable(5, 4, 6, 5)).Should().Be(0);
    }

    [Fact]
    public void Measure_NegativeOrEmptyTable_IsRejected()
    {
        var negative = () => DisproportionalityCalculator.Measure(new ContingencyTable(-1, 2, 3, 4));
        var empty = () => DisproportionalityCalculator.Measure(new ContingencyTable(0, 0, 0, 0));

        negative.Should().Throw<ArgumentException>();
        empty.Should().Throw<ArgumentException>();
    }

    private static void ShouldBe(Interval actual, double estimate, double lower, double upper)
    {
        actual.Estimate.Should().BeApproximately(estimate, Tolerance);
        actual.Lower.Should().BeApproximately(lower, Tolerance);
        actual.Upper.Should().BeApproximately(upper, Tolerance);
    }
}
