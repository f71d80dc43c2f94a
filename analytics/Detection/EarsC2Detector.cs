namespace RiskMonitor.Analytics.Detection;

/// <summary>EARS C2: as C1, but the baseline stands two periods back so that a rising outbreak does not inflate it.</summary>
/// <remarks>
/// Follows <c>surveillance::earsC(method = "C2")</c>. With baseline n (default 7) and a 2-period guard band:
/// Ȳ₂(t) = mean of Y(t−n−2 … t−3), S₂(t) = their sample standard deviation (raised to <c>MinSigma</c>),
/// C₂(t) = (Y(t) − Ȳ₂(t)) / S₂(t), threshold U₂(t) = Ȳ₂(t) + z₁₋α · S₂(t) with one-sided alpha 0.001 by default,
/// alarm when Y(t) &gt; U₂(t). The first n + 2 periods have no baseline.
/// </remarks>
public sealed class EarsC2Detector(EarsOptions? options = null) : IAberrationDetector
{
    /// <summary>Periods between the baseline and the period evaluated.</summary>
    public const int GuardBand = 2;

    private readonly EarsOptions _options = (options ?? new EarsOptions()).Checked();

    /// <inheritdoc/>
    public string Name => "ears-c2";

    /// <inheritdoc/>
    public IReadOnlyList<DetectionResult> Detect(CountSeries series) => EarsShewhart.Detect(series, _options, GuardBand);
}
