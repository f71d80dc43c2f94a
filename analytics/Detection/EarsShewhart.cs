using MathNet.Numerics.Distributions;

namespace RiskMonitor.Analytics.Detection;

/// <summary>The rule C1 and C2 share: a Shewhart chart on a short moving baseline, differing only by the guard band.</summary>
internal static class EarsShewhart
{
    public static IReadOnlyList<DetectionResult> Detect(CountSeries series, EarsOptions options, int guard)
    {
        ArgumentNullException.ThrowIfNull(series);
        series.Validate();
        var z = Normal.InvCDF(0, 1, 1 - (options.Alpha ?? EarsOptions.ShewhartAlpha));
        var results = new DetectionResult[series.Length];
        for (var t = 0; t < series.Length; t++)
        {
            var count = series.Counts[t];
            if (t < options.Baseline + guard)
            {
                results[t] = DetectionResult.NotEnoughHistory(series.Periods[t], count);
                continue;
            }

            var baseline = EarsBaseline.At(series.Counts, t, guard, options.Baseline, options.MinSigma);
            var threshold = baseline.Mean + (z * baseline.Sigma);
            results[t] = new DetectionResult(series.Periods[t], count, baseline.Mean, threshold, count > threshold, baseline.Statistic);
        }

        return results;
    }
}
