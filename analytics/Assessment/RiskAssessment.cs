using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>A subject's assessment for one month: factor scores, level and a Chinese explanation.</summary>
public sealed record RiskAssessment(DateOnly Month, RiskSubject Subject, FactorScores Factors, WarningLevel RuleLevel, WarningLevel Level, string Explanation);
