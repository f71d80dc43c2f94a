using MathNet.Numerics.LinearAlgebra;
using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Tests.Analytics.Detection;

public sealed class FarringtonPiecesTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void FromResiduals_LargeResiduals_AreDownWeightedAndWeightsSumToN()
    {
        double[] residuals = [0.5, 3, -1, 2.6];

        var weights = FarringtonWeights.FromResiduals(residuals, 2.58);

        // Raw weights 1, 3⁻² = 0.111111111, 1, 2.6⁻² = 0.147928994; sum 2.259040105; γ = 4 / 2.259040105 = 1.770663562.
        weights.Should().Equal([1.770663562, 0.196740396, 1.770663562, 0.261932480], (a, e) => Math.Abs(a - e) < Tolerance);
        weights.Sum().Should().BeApproximately(4, Tolerance);
    }

    [Fact]
    public void AnscombeResiduals_MatchHandComputation()
    {
        var residuals = FarringtonWeights.AnscombeResiduals([8, 8, 27], [1, 8, 8], [0, 0.2, 0.5], 2);

        // (3/2)(y^⅔ − μ^⅔) / (μ^⅙ √(φ(1 − h))):
        //   y 8,  μ 1, h 0:   1.5 × (4 − 1) / 1 / √2 = 3.181980515
        //   y 8,  μ 8:        0
        //   y 27, μ 8, h 0.5: 1.5 × (9 − 4) / √2 / √(2 × 0.5) = 5.303300859
        residuals.Should().Equal([3.181980515, 0, 5.303300859], (a, e) => Math.Abs(a - e) < Tolerance);
    }

    [Fact]
    public void NegativeBinomialUpper_MatchesHandSummedQuantiles()
    {
        // μ 2, φ 2: size 2, p = 1/2, P(X = x) = (x + 1) / 2^(x+2); cumulative 0.25 0.5 0.6875 0.8125 0.890625 0.9375 0.96484375.
        FarringtonThreshold.NegativeBinomialUpper(2, 2, 0.05).Should().Be(6);
        FarringtonThreshold.NegativeBinomialUpper(2, 2, 0.10).Should().Be(5);

        // φ ≤ 1 falls back to Poisson(2): cumulative 0.135335 0.406006 0.676676 0.857123 0.947347 0.983436.
        FarringtonThreshold.NegativeBinomialUpper(2, 1, 0.05).Should().Be(5);
        FarringtonThreshold.NegativeBinomialUpper(0, 3, 0.05).Should().Be(0);
    }

    [Fact]
    public void NegativeBinomialUpper_LargeMean_StaysNearTheNormalApproximation()
    {
        // Mean 1000, variance 2000: the 95% quantile lies near 1000 + 1.645 × √2000 ≈ 1073.6.
        FarringtonThreshold.NegativeBinomialUpper(1000, 2, 0.05).Should().BeInRange(1070, 1078);
    }

    [Fact]
    public void HasEnoughCases_CountsTheCurrentAndThreePreviousPeriods()
    {
        var options = new FarringtonOptions();

        FarringtonFlexibleDetector.HasEnoughCases([9, 1, 1, 1, 1], 4, options).Should().BeFalse();
        FarringtonFlexibleDetector.HasEnoughCases([0, 1, 1, 1, 2], 4, options).Should().BeTrue();
        FarringtonFlexibleDetector.HasEnoughCases([5], 0, options).Should().BeTrue();
    }

    [Fact]
    public void Fit_InterceptOnly_GivesTheMeanAndPearsonDispersion()
    {
        double[] y = [3, 5, 4, 6, 2, 5, 3, 12];
        var design = Matrix<double>.Build.Dense(8, 1, 1);

        var fit = QuasiPoissonGlm.Fit(design, y);

        // μ̂ = ȳ = 5; Σ(y − 5)² = 68, dispersion 68 / 5 / 7 = 1.942857143; hat values 1/8;
        // SE(β₀) = √(φ / (n μ̂)) = √(1.942857143 / 40) = 0.220389266.
        fit.Converged.Should().BeTrue();
        Math.Exp(fit.Coefficients[0]).Should().BeApproximately(5, Tolerance);
        fit.Dispersion.Should().BeApproximately(1.942857143, Tolerance);
        fit.HatValues.Should().OnlyContain(h => Math.Abs(h - 0.125) < Tolerance);
        fit.StandardError(0).Should().BeApproximately(0.220389266, Tolerance);
    }

    [Fact]
    public void Fit_FactorAndWeights_GiveLevelMeansAndWeightedMeans()
    {
        double[] y = [2, 4, 6, 10, 14];
        var design = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0 }, { 1, 1 }, { 1, 1 } });

        var fit = QuasiPoissonGlm.Fit(design, y);
        var weighted = QuasiPoissonGlm.Fit(Matrix<double>.Build.Dense(3, 1, 1), [2, 4, 10], [1, 1, 0.5]);

        // Level means 4 and 12: β₀ = log 4, β₁ = log 3; dispersion ((4 + 0 + 4)/4 + (4 + 4)/12) / (5 − 2) = 0.888888889.
        fit.Coefficients[0].Should().BeApproximately(Math.Log(4), Tolerance);
        fit.Coefficients[1].Should().BeApproximately(Math.Log(3), Tolerance);
        fit.Dispersion.Should().BeApproximately(0.888888889, Tolerance);
        // Weighted mean (2 + 4 + 0.5 × 10) / 2.5 = 4.4.
        Math.Exp(weighted.Coefficients[0]).Should().BeApproximately(4.4, Tolerance);
    }
}
