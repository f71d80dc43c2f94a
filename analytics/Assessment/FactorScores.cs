namespace RiskMonitor.Analytics.Assessment;

/// <summary>
/// The five factors of regulation 003 Art. 19 (危害程度, 紧急程度, 影响范围, 发生频率, 持续时间), each 0–4 on the scales of
/// <see cref="FactorScales"/>, and the exposure score the rule matrix combines with harm.
/// </summary>
public sealed record FactorScores(int Harm, int Urgency, int Scope, int Frequency, int Duration, int Exposure)
{
    /// <summary>A 0–100 ranking score: harm counts as much as the four extent factors together.</summary>
    public double Score => Math.Round(((Harm * 4.0) + Urgency + Scope + Frequency + Duration) / 32.0 * 100, 1);
}
