using RiskMonitor.Analytics.Model;

namespace RiskMonitor.Tests.Analytics.Model;

public sealed class XgbBoosterExplanationTests
{
    private static readonly XgbTrainingParameters Parameters = new(SyntheticRiskData.Classes, Rounds: 30) { MaxDepth = 4, Seed = 11 };

    [Fact]
    public void PredictContributions_SumOverFeaturesAndBias_EqualsTheMarginOfEachClass()
    {
        var data = new SyntheticRiskData(rows: 800, seed: 12);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var booster = XgbBooster.Train(matrix, Parameters);

        var contributions = booster.PredictContributions(matrix);
        var margins = booster.PredictMargins(matrix);

        contributions.GetLength(0).Should().Be(data.Rows);
        contributions.GetLength(1).Should().Be(SyntheticRiskData.Classes);
        contributions.GetLength(2).Should().Be(SyntheticRiskData.FeatureCount + 1);
        for (var i = 0; i < data.Rows; i++)
        {
            for (var c = 0; c < SyntheticRiskData.Classes; c++)
            {
                var sum = 0.0;
                for (var j = 0; j <= SyntheticRiskData.FeatureCount; j++)
                {
                    sum += contributions[i, c, j];
                }

                sum.Should().BeApproximately(margins[i, c], 1e-4, "row {0}, class {1}", i, c);
            }
        }
    }

    [Fact]
    public void PredictContributions_InformativeFeatures_CarryTheLargestContributions()
    {
        var data = new SyntheticRiskData(rows: 800, seed: 13);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var booster = XgbBooster.Train(matrix, Parameters);

        var contributions = booster.PredictContributions(matrix);

        var meanAbsolute = new double[SyntheticRiskData.FeatureCount];
        for (var i = 0; i < data.Rows; i++)
        {
            for (var c = 0; c < SyntheticRiskData.Classes; c++)
            {
                for (var j = 0; j < SyntheticRiskData.FeatureCount; j++)
                {
                    meanAbsolute[j] += Math.Abs(contributions[i, c, j]) / data.Rows;
                }
            }
        }

        var weakestInformative = meanAbsolute.Take(SyntheticRiskData.Informative).Min();
        var strongestNoise = meanAbsolute.Skip(SyntheticRiskData.Informative).Max();
        weakestInformative.Should().BeGreaterThan(5 * strongestNoise);
    }
}
