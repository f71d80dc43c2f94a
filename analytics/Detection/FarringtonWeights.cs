namespace RiskMonitor.Analytics.Detection;

/// <summary>Down-weighting of past outbreaks in the Farrington baseline.</summary>
/// <remarks>
/// Farrington et al. (1996), with the threshold of Noufaily et al. (2013): standardised Anscombe residuals
/// sᵢ = (3/2)(yᵢ^{2/3} − μ̂ᵢ^{2/3}) / (μ̂ᵢ^{1/6} √(φ̂(1 − hᵢᵢ))) of the unweighted fit, with φ̂ the dispersion floored at 1;
/// weights ωᵢ = γ sᵢ⁻² when sᵢ exceeds the threshold (2.58 in the improved method, 1 in the original) and ωᵢ = γ otherwise,
/// γ chosen so that the weights sum to the number of periods.
/// </remarks>
public static class FarringtonWeights
{
    /// <summary>Standardised Anscombe residuals; 0 where 1 − hᵢᵢ is not positive (a period the fit reproduces exactly).</summary>
    public static double[] AnscombeResiduals(IReadOnlyList<double> counts, IReadOnlyList<double> fitted, IReadOnlyList<double> hatValues, double dispersion)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(hatValues);
        var residuals = new double[counts.Count];
        for (var i = 0; i < residuals.Length; i++)
        {
            var leverage = 1 - hatValues[i];
            if (!(leverage > 0) || !(fitted[i] > 0))
            {
                continue;
            }

            var raw = 1.5 * (Math.Cbrt(counts[i] * counts[i]) - Math.Cbrt(fitted[i] * fitted[i])) / Math.Pow(fitted[i], 1.0 / 6);
            residuals[i] = raw / Math.Sqrt(dispersion * leverage);
        }

        return residuals;
    }

    /// <summary>Weights γ sᵢ⁻² above <paramref name="threshold"/> and γ elsewhere, summing to the number of residuals.</summary>
    public static double[] FromResiduals(IReadOnlyList<double> residuals, double threshold)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        var raw = residuals.Select(s => s > threshold ? 1 / (s * s) : 1).ToArray();
        var gamma = raw.Length / raw.Sum();
        return raw.Select(r => gamma * r).ToArray();
    }
}
