using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>One feature's SHAP contribution to the model's margin for the class it chose.</summary>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);

/// <summary>What the learned model says about a subject-month.</summary>
/// <param name="Probability">The model's probability of <paramref name="Level"/>.</param>
/// <param name="Contributions">Every feature's contribution, largest magnitude first.</param>
public sealed record ModelVerdict(string ModelId, WarningLevel Level, double Probability, IReadOnlyList<FeatureContribution> Contributions);

/// <summary>A subject's assessment for one month.</summary>
/// <param name="Model">Null when no model is active.</param>
/// <param name="Level">The higher of the rule level (a floor) and the model level; an analyst's override replaces it in storage.</param>
public sealed record RiskAssessment(
    DateOnly Month, RiskSubject Subject, SubjectEvidence Evidence, FactorScores Factors, RuleLevel Rule, ModelVerdict? Model,
    WarningLevel Level, string Explanation)
{
    public WarningLevel RuleLevel => Rule.Level;
}
