namespace RiskMonitor.Analytics.Detection;

/// <summary>Mean and standard deviation of an EARS baseline window, and the standardised count against it.</summary>
/// <param name="Mean">Mean of the baseline counts.</param>
/// <param name="Sigma">Sample standard deviation (divisor n − 1) of the baseline counts, raised to the minimum sigma.</param>
/// <param name="Statistic">(count − mean) / sigma; ±∞ or 0 when sigma is 0.</param>
internal readonly record struct EarsBaseline(double Mean, double Sigma, double Statistic)
{
    /// <summary>
    /// The baseline of period <paramref name="t"/> with a guard band of <paramref name="guard"/> periods:
    /// periods t − guard − length … t − guard − 1. The caller ensures the window lies inside the series.
    /// </summary>
    public static EarsBaseline At(IReadOnlyList<long> counts, int t, int guard, int length, double minSigma)
    {
        var first = t - guard - length;
        var sum = 0.0;
        for (var i = first; i < first + length; i++)
        {
            sum += counts[i];
        }

        var mean = sum / length;
        var squares = 0.0;
        for (var i = first; i < first + length; i++)
        {
            var deviation = counts[i] - mean;
            squares += deviation * deviation;
        }

        var sigma = Math.Max(Math.Sqrt(squares / (length - 1)), minSigma);
        return new EarsBaseline(mean, sigma, Standardise(counts[t], mean, sigma));
    }

    /// <summary>(count − mean) / sigma, defined as +∞, −∞ or 0 by the sign of the difference when sigma is 0.</summary>
    public static double Standardise(double count, double mean, double sigma)
    {
        var difference = count - mean;
        if (sigma > 0)
        {
            return difference / sigma;
        }

        return difference > 0 ? double.PositiveInfinity : difference < 0 ? double.NegativeInfinity : 0;
    }
}
