using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Detection;

/// <summary>The improved Farrington method: a seasonal quasi-Poisson baseline over past years with a negative-binomial threshold.</summary>
/// <remarks>
/// <para>
/// Follows Noufaily et al. (2013), "An improved algorithm for outbreak detection in multiple surveillance systems"
/// (Statistics in Medicine 32:1206–1222), as implemented by <c>surveillance::farringtonFlexible</c> with the defaults of its
/// improved variant: b = 5 years back, half-window w = 3, <c>noPeriods = 10</c>, the last w periods left out of the fit,
/// linear trend tried and kept only if significant at 0.05 without over-extrapolation, reweighting of Anscombe residuals
/// above 2.58, <c>thresholdMethod = "nbPlugin"</c> at alpha 0.05 (one-sided), and <c>limit54 = c(5, 4)</c>.
/// The pieces are <see cref="FarringtonReference"/>, <see cref="FarringtonModel"/>, <see cref="FarringtonWeights"/> and
/// <see cref="FarringtonThreshold"/>.
/// </para>
/// <para>
/// Per period t: the reference periods need b·f + w periods of history, else the period reports nothing. The expected
/// value is μ̂₀, the threshold the negative-binomial upper quantile U, and the period alarms when Y(t) &gt; U, unless the last
/// 4 periods (t included) hold fewer than 5 cases: then expected and threshold are still reported but there is no alarm.
/// <see cref="DetectionResult.Statistic"/> is the exceedance score (Y(t) − μ̂₀)/(U − μ̂₀) when U &gt; μ̂₀.
/// An all-zero baseline gives μ̂₀ = 0 and U = 0. When no fit converges the period reports nothing.
/// </para>
/// </remarks>
public sealed class FarringtonFlexibleDetector : IAberrationDetector
{
    private readonly FarringtonOptions _options;

    public FarringtonFlexibleDetector(FarringtonOptions? options = null) => _options = options ?? new FarringtonOptions();

    /// <inheritdoc/>
    public string Name => "farrington";

    /// <inheritdoc/>
    /// <exception cref="RiskMonitorException">The series has no frequency or the options do not suit it.</exception>
    public IReadOnlyList<DetectionResult> Detect(CountSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        series.Validate();
        var frequency = series.Frequency
            ?? throw new RiskMonitorException("Farrington 方法需要序列的频率（每年期数，例如月度 12、周度 52），请指定频率。");
        _options.Validate(frequency);
        var results = new DetectionResult[series.Length];
        for (var t = 0; t < series.Length; t++)
        {
            results[t] = At(series, t, frequency);
        }

        return results;
    }

    /// <summary>Evaluates period <paramref name="t"/> only: what monitoring needs each month, without refitting every past period.</summary>
    /// <exception cref="RiskMonitorException">The series has no frequency or the options do not suit it.</exception>
    public DetectionResult DetectAt(CountSeries series, int t)
    {
        ArgumentNullException.ThrowIfNull(series);
        series.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, series.Length);
        var frequency = series.Frequency
            ?? throw new RiskMonitorException("Farrington 方法需要序列的频率（每年期数，例如月度 12、周度 52），请指定频率。");
        _options.Validate(frequency);
        return At(series, t, frequency);
    }

    /// <summary>Whether the last <c>LimitPeriods</c> periods up to <paramref name="t"/> hold at least <c>LimitCases</c> cases.</summary>
    public static bool HasEnoughCases(IReadOnlyList<long> counts, int t, FarringtonOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(options);
        var total = 0L;
        for (var i = Math.Max(0, t - options.LimitPeriods + 1); i <= t; i++)
        {
            total += counts[i];
        }

        return total >= options.LimitCases;
    }

    private DetectionResult At(CountSeries series, int t, int frequency)
    {
        var (period, count) = (series.Periods[t], series.Counts[t]);
        var reference = FarringtonReference.Select(t, frequency, _options);
        var estimate = reference is null ? null : FarringtonModel.Estimate(series.Counts, t, reference, _options);
        if (estimate is null)
        {
            return DetectionResult.NotEnoughHistory(period, count);
        }

        var expected = estimate.Expected;
        var threshold = FarringtonThreshold.NegativeBinomialUpper(expected, estimate.Dispersion, _options.Alpha);
        var alarm = count > threshold && HasEnoughCases(series.Counts, t, _options);
        double? score = threshold > expected ? (count - expected) / (threshold - expected) : null;
        return new DetectionResult(period, count, expected, threshold, alarm, score);
    }
}
