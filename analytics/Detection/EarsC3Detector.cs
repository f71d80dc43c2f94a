using MathNet.Numerics.Distributions;

namespace RiskMonitor.Analytics.Detection;

/// <summary>EARS C3: the positive parts of C2 summed over the period and the two before it.</summary>
/// <remarks>
/// <para>
/// Follows <c>surveillance::earsC(method = "C3")</c> as its documentation defines it. With C₂, Ȳ₂ and S₂ as in
/// <see cref="EarsC2Detector"/> (baseline n, guard band 2), the statistic is
/// C₃(t) = Σ_{i = t−2}^{t} max(0, C₂(i) − 1), so each period needs C₂ at t − 2 as well: the first n + 4 periods report nothing.
/// The expected value is Ȳ₂(t).
/// </para>
/// <para>
/// Unlike C1 and C2, the threshold is not Ȳ + z·S. The package turns C₃ into a count bound by moving the two lagged terms to
/// the threshold side: U₃(t) = Ȳ₂(t) + S₂(t) · (z₁₋α − Σ_{i = t−2}^{t−1} max(0, C₂(i) − 1)), floored at 0, with one-sided
/// alpha 0.025 by default (z ≈ 1.96, the EARS threshold 2), and the period alarms when Y(t) &gt; U₃(t), as the package
/// sets alarms from its upper bound. Note that this documented bound drops the "− 1" of the current term: it alarms when
/// C₂(t) &gt; z − (lagged terms), one S₂ earlier than the textbook rule C₃(t) ≥ z would. <see cref="DetectionResult.Statistic"/>
/// carries C₃(t) so that both readings can be checked. When S₂ is 0 the threshold is Ȳ₂ (no multiple of 0 is added).
/// </para>
/// </remarks>
public sealed class EarsC3Detector(EarsOptions? options = null) : IAberrationDetector
{
    /// <summary>Periods whose C2 terms enter C3: the current one and the two before it.</summary>
    public const int Span = 3;

    private readonly EarsOptions _options = (options ?? new EarsOptions()).Checked();

    /// <inheritdoc/>
    public string Name => "ears-c3";

    /// <inheritdoc/>
    public IReadOnlyList<DetectionResult> Detect(CountSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        series.Validate();
        var z = Normal.InvCDF(0, 1, 1 - (_options.Alpha ?? EarsOptions.C3Alpha));
        var firstC2 = _options.Baseline + EarsC2Detector.GuardBand;
        var results = new DetectionResult[series.Length];
        for (var t = 0; t < series.Length; t++)
        {
            var count = series.Counts[t];
            if (t < firstC2 + Span - 1)
            {
                results[t] = DetectionResult.NotEnoughHistory(series.Periods[t], count);
                continue;
            }

            var current = C2At(series.Counts, t);
            var lagged = Excess(C2At(series.Counts, t - 1).Statistic) + Excess(C2At(series.Counts, t - 2).Statistic);
            var c3 = lagged + Excess(current.Statistic);
            var threshold = current.Sigma > 0 ? Math.Max(0, current.Mean + (current.Sigma * (z - lagged))) : current.Mean;
            results[t] = new DetectionResult(series.Periods[t], count, current.Mean, threshold, count > threshold, c3);
        }

        return results;
    }

    /// <summary>max(0, C₂ − 1): the part of a C2 statistic that counts towards C3.</summary>
    internal static double Excess(double c2) => Math.Max(0, c2 - 1);

    private EarsBaseline C2At(IReadOnlyList<long> counts, int t) =>
        EarsBaseline.At(counts, t, EarsC2Detector.GuardBand, _options.Baseline, _options.MinSigma);
}
