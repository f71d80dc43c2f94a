namespace RiskMonitor.Analytics.Detection;

/// <summary>A method that flags periods whose count rises unusually above what the series' history leads one to expect.</summary>
/// <remarks>
/// Implementations are pure: the same series gives the same results, with one result per period in input order.
/// A period whose history is too short for the method reports no expected value, no threshold and no alarm.
/// </remarks>
public interface IAberrationDetector
{
    /// <summary>The method's command-line name (<c>ears-c1</c>, <c>cusum</c>, …).</summary>
    string Name { get; }

    /// <summary>Evaluates every period of <paramref name="series"/>.</summary>
    IReadOnlyList<DetectionResult> Detect(CountSeries series);
}
