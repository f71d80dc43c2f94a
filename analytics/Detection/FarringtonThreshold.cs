using MathNet.Numerics;

namespace RiskMonitor.Analytics.Detection;

/// <summary>The negative-binomial plug-in upper bound of the improved Farrington method.</summary>
/// <remarks>
/// Noufaily et al. (2013), <c>thresholdMethod = "nbPlugin"</c>: the count in the current period is taken to follow a negative
/// binomial with mean μ̂₀ and variance φ̂μ̂₀, i.e. size μ̂₀/(φ̂ − 1) and success probability 1/φ̂; the threshold is its upper
/// (1 − α) quantile, the smallest integer x with P(X ≤ x) ≥ 1 − α (as R's <c>qnbinom</c>). When φ̂ ≤ 1 the distribution is
/// Poisson(μ̂₀) and its quantile is used.
/// </remarks>
public static class FarringtonThreshold
{
    /// <summary>The upper (1 − <paramref name="alpha"/>) quantile of a negative binomial of the given mean and dispersion.</summary>
    public static double NegativeBinomialUpper(double mean, double dispersion, double alpha)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        var target = 1 - alpha;
        Func<long, double> cdf = dispersion > 1
            ? x => SpecialFunctions.BetaRegularized(mean / (dispersion - 1), x + 1, 1 / dispersion)
            : x => SpecialFunctions.GammaUpperRegularized(x + 1, mean);
        return SmallestReaching(cdf, target);
    }

    /// <summary>The smallest x ≥ 0 with cdf(x) ≥ target, for a non-decreasing cdf.</summary>
    private static long SmallestReaching(Func<long, double> cdf, double target)
    {
        if (cdf(0) >= target)
        {
            return 0;
        }

        long below = 0, above = 1;
        while (cdf(above) < target)
        {
            below = above;
            above *= 2;
        }

        while (above - below > 1)
        {
            var middle = below + ((above - below) / 2);
            if (cdf(middle) >= target)
            {
                above = middle;
            }
            else
            {
                below = middle;
            }
        }

        return above;
    }
}
