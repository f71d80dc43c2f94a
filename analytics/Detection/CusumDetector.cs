namespace RiskMonitor.Analytics.Detection;

/// <summary>A one-sided CUSUM of Poisson counts standardised against a moving baseline mean.</summary>
/// <remarks>
/// <para>
/// Follows <c>surveillance::cusum</c> (<c>algo.cusum</c>) with <c>trans = "standard"</c>: with expected count m(t),
/// the standardised count is x(t) = (Y(t) − m(t)) / √m(t), the sum is S(t) = max(0, S(t−1) + x(t) − k) with S = 0 before the
/// first evaluated period, and the period alarms when S(t) ≥ h (k = 1.04, h = 2.26 by default).
/// The threshold is the smallest count that alarms, U(t) = m(t) + √m(t) · (h + k − S(t−1)), the package's back-transformed
/// upper bound without its rounding up to an integer; Y(t) ≥ U(t) exactly when S(t) ≥ h.
/// </para>
/// <para>
/// Two departures from the package, both for monitoring a long series: m(t) is the mean of the <c>Baseline</c> periods
/// immediately before t (the package fits m once, from the periods before its range), and the sum restarts at 0 after an
/// alarm (the package keeps accumulating), so that one outbreak does not keep every later period alarmed.
/// <see cref="DetectionResult.Statistic"/> carries S(t) before the restart.
/// √m(t) is raised to <c>MinSigma</c>; when it is still 0 (an all-zero baseline) any positive count alarms and the
/// threshold reported is m(t) = 0.
/// </para>
/// </remarks>
public sealed class CusumDetector : IAberrationDetector
{
    private readonly CusumOptions _options;

    public CusumDetector(CusumOptions? options = null)
    {
        _options = options ?? new CusumOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public string Name => "cusum";

    /// <inheritdoc/>
    public IReadOnlyList<DetectionResult> Detect(CountSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        series.Validate();
        var (k, h, n) = (_options.K, _options.H, _options.Baseline);
        var results = new DetectionResult[series.Length];
        var sum = 0.0;
        for (var t = 0; t < series.Length; t++)
        {
            var count = series.Counts[t];
            if (t < n)
            {
                results[t] = DetectionResult.NotEnoughHistory(series.Periods[t], count);
                continue;
            }

            var expected = MeanOf(series.Counts, t - n, n);
            var sigma = Math.Max(Math.Sqrt(expected), _options.MinSigma);
            var standardised = EarsBaseline.Standardise(count, expected, sigma);
            var threshold = sigma > 0 ? expected + (sigma * (h + k - sum)) : expected;
            var next = Math.Max(0, sum + standardised - k);
            var alarm = next >= h;
            results[t] = new DetectionResult(series.Periods[t], count, expected, threshold, alarm, next);
            sum = alarm ? 0 : next;
        }

        return results;
    }

    private static double MeanOf(IReadOnlyList<long> counts, int first, int length)
    {
        var total = 0.0;
        for (var i = first; i < first + length; i++)
        {
            total += counts[i];
        }

        return total / length;
    }
}
