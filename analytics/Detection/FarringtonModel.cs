using MathNet.Numerics.LinearAlgebra;

namespace RiskMonitor.Analytics.Detection;

/// <summary>The Farrington baseline of one period: what the model expects and how widely counts spread around it.</summary>
/// <param name="Expected">μ̂₀, the fitted mean for the current period.</param>
/// <param name="Dispersion">φ̂ of the final (reweighted) fit, floored at 1.</param>
/// <param name="TrendUsed">Whether the linear trend was kept.</param>
/// <param name="Weights">Weights of the reference periods in the final fit (all 1 without reweighting).</param>
public sealed record FarringtonEstimate(double Expected, double Dispersion, bool TrendUsed, IReadOnlyList<double> Weights);

/// <summary>Fits the Farrington model on a period's reference periods and predicts the current period.</summary>
/// <remarks>
/// As <c>surveillance::farringtonFlexible</c> (Noufaily et al. 2013): log μ = β₀ + β₁·time + seasonal factor, quasi-Poisson.
/// Each fit is done unweighted, then (if reweighting) refitted once with the weights of <see cref="FarringtonWeights"/>.
/// With the trend, the reweighted fit is kept only if the trend's t-test p-value is below <c>PThresholdTrend</c>, IRLS
/// converged and μ̂₀ does not exceed the largest reference count (no over-extrapolation); otherwise the whole procedure is
/// redone without the trend. Time is counted from the current period, so μ̂₀ = exp(β₀) on the window level.
/// </remarks>
public static class FarringtonModel
{
    /// <summary>The estimate for period <paramref name="t"/>, or null when the reference periods do not suffice for a fit.</summary>
    public static FarringtonEstimate? Estimate(IReadOnlyList<long> counts, int t, IReadOnlyList<ReferencePeriod> reference, FarringtonOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        var response = reference.Select(r => (double)counts[r.Index]).ToArray();
        if (response.All(y => y == 0))
        {
            return new FarringtonEstimate(0, 1, false, Enumerable.Repeat(1.0, response.Length).ToArray());
        }

        var levels = reference.Select(r => r.Level).Where(l => l != 0).Distinct().Order().ToArray();
        if (options.Trend)
        {
            var withTrend = FitAndReweight(response, Design(reference, t, levels, trend: true), options);
            if (withTrend is { Fit.Converged: true }
                && withTrend.Fit.PValue(1) < options.PThresholdTrend
                && Math.Exp(withTrend.Fit.Coefficients[0]) <= response.Max())
            {
                return Estimated(withTrend, trend: true);
            }
        }

        var flat = FitAndReweight(response, Design(reference, t, levels, trend: false), options);
        return flat is { Fit.Converged: true } ? Estimated(flat, trend: false) : null;
    }

    private static FarringtonEstimate Estimated(WeightedFit fit, bool trend) =>
        new(Math.Exp(fit.Fit.Coefficients[0]), Math.Max(1, fit.Fit.Dispersion), trend, fit.Weights);

    private static WeightedFit? FitAndReweight(double[] response, Matrix<double> design, FarringtonOptions options)
    {
        if (design.RowCount <= design.ColumnCount)
        {
            return null;
        }

        var fit = QuasiPoissonGlm.Fit(design, response);
        if (!options.Reweight)
        {
            return new WeightedFit(fit, Enumerable.Repeat(1.0, response.Length).ToArray());
        }

        var residuals = FarringtonWeights.AnscombeResiduals(response, fit.Fitted, fit.HatValues, Math.Max(1, fit.Dispersion));
        var weights = FarringtonWeights.FromResiduals(residuals, options.WeightsThreshold);
        return new WeightedFit(QuasiPoissonGlm.Fit(design, response, weights), weights);
    }

    /// <summary>Columns: intercept, time (if <paramref name="trend"/>), one indicator per non-window level present.</summary>
    private static Matrix<double> Design(IReadOnlyList<ReferencePeriod> reference, int t, int[] levels, bool trend)
    {
        var offset = trend ? 2 : 1;
        var design = Matrix<double>.Build.Dense(reference.Count, offset + levels.Length);
        for (var i = 0; i < reference.Count; i++)
        {
            design[i, 0] = 1;
            if (trend)
            {
                design[i, 1] = reference[i].Index - t;
            }

            var column = Array.IndexOf(levels, reference[i].Level);
            if (column >= 0)
            {
                design[i, offset + column] = 1;
            }
        }

        return design;
    }

    private sealed record WeightedFit(QuasiPoissonFit Fit, double[] Weights);
}
