namespace RiskMonitor.Analytics.Detection;

/// <summary>EARS C1: the count against the mean and standard deviation of the periods immediately before it.</summary>
/// <remarks>
/// Follows <c>surveillance::earsC(method = "C1")</c> and the CDC EARS documentation. With baseline n (default 7):
/// Ȳ₁(t) = mean of Y(t−n … t−1), S₁(t) = their sample standard deviation (divisor n − 1, raised to <c>MinSigma</c>),
/// statistic C₁(t) = (Y(t) − Ȳ₁(t)) / S₁(t), threshold U₁(t) = Ȳ₁(t) + z₁₋α · S₁(t) with one-sided alpha 0.001 by default,
/// alarm when Y(t) &gt; U₁(t). Periods before the n-th have no baseline.
/// </remarks>
public sealed class EarsC1Detector(EarsOptions? options = null) : IAberrationDetector
{
    private readonly EarsOptions _options = (options ?? new EarsOptions()).Checked();

    /// <inheritdoc/>
    public string Name => "ears-c1";

    /// <inheritdoc/>
    public IReadOnlyList<DetectionResult> Detect(CountSeries series) => EarsShewhart.Detect(series, _options, guard: 0);
}
