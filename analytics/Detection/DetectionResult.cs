namespace RiskMonitor.Analytics.Detection;

/// <summary>What a detector says about one period.</summary>
/// <param name="Period">The period's label, as in the input series.</param>
/// <param name="Count">The observed count.</param>
/// <param name="Expected">The expected count; null when the period lacks enough history.</param>
/// <param name="Threshold">The count above which the period alarms; null when the period lacks enough history.</param>
/// <param name="Alarm">Whether the period is flagged; always false without enough history.</param>
/// <param name="Statistic">The method's own statistic (EARS C, CUSUM sum, Farrington exceedance score), when defined.</param>
public sealed record DetectionResult(string Period, long Count, double? Expected, double? Threshold, bool Alarm, double? Statistic = null)
{
    /// <summary>A period without enough history: nothing expected, no threshold, no alarm.</summary>
    public static DetectionResult NotEnoughHistory(string period, long count) => new(period, count, null, null, false);
}
