namespace RiskMonitor.Analytics.Assessment;

/// <summary>
/// The five factors of regulation 003 Art. 19 (危害程度, 紧急程度, 影响范围, 发生频率, 持续时间), each 0–4, with the inputs
/// that drove them so an analyst can see why.
/// </summary>
public sealed record FactorScores(int Harm, int Urgency, int Scope, int Frequency, int Duration, FactorInputs Inputs)
{
    /// <summary>Weighted total used by the rule matrix (harm counts double, frequency one and a half).</summary>
    public double Score => (2.0 * Harm) + (1.5 * Frequency) + Urgency + Scope + Duration;
}

/// <summary>What the factor scores were computed from.</summary>
public sealed record FactorInputs(
    int Signal, double? Baseline, double Ratio, int PreviousSignal, int Deaths, int Injuries, int MajorReports,
    int SafetyFailures, int RegionsAffected, int ElevatedMonths, int CategorySeverity);
