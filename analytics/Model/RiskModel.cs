using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Model;

/// <summary>
/// The learned level model: an XGBoost multi-class booster over <see cref="RiskFeatures"/> with classes 0 none, 1 IV,
/// 2 III, 3 II, 4 I (the integer values of <see cref="WarningLevel"/>).
/// </summary>
public sealed class RiskModel(string id, XgbBooster booster, IReadOnlyList<string> features) : IDisposable
{
    public const int Classes = 5;

    public string Id { get; } = id;

    public IReadOnlyList<string> Features { get; } = features;

    public XgbBooster Booster { get; } = booster;

    /// <summary>The most probable level of each row, its probability and the SHAP contributions towards it.</summary>
    public IReadOnlyList<ModelVerdict> Predict(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        using var matrix = XgbMatrix.FromRows(rows);
        var probabilities = Booster.PredictProbabilities(matrix);
        var contributions = Booster.PredictContributions(matrix);
        var verdicts = new ModelVerdict[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var best = 0;
            for (var k = 1; k < Classes; k++)
            {
                if (probabilities[i, k] > probabilities[i, best])
                {
                    best = k;
                }
            }

            var explained = Features.Select((name, j) => new FeatureContribution(name, rows[i][j], contributions[i, best, j]))
                .OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Feature, StringComparer.Ordinal)
                .ToList();
            verdicts[i] = new ModelVerdict(Id, (WarningLevel)best, probabilities[i, best], explained);
        }

        return verdicts;
    }

    public void Dispose() => Booster.Dispose();
}
