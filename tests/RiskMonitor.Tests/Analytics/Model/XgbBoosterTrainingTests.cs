using RiskMonitor.Analytics.Model;

namespace RiskMonitor.Tests.Analytics.Model;

public sealed class XgbBoosterTrainingTests
{
    private static readonly XgbTrainingParameters Parameters = new(SyntheticRiskData.Classes, Rounds: 40)
    {
        MaxDepth = 4,
        Subsample = 0.8,
        ColumnSampleByTree = 0.8,
        Seed = 42,
    };

    [Fact]
    public void LibraryVersion_IsDebians1_7()
    {
        XgbBooster.LibraryVersion.Major.Should().Be(1);
        XgbBooster.LibraryVersion.Minor.Should().Be(7);
    }

    [Fact]
    public void Train_ThresholdProblemWithNoise_ClassifiesHeldOutRowsAccurately()
    {
        var train = new SyntheticRiskData(rows: 1500, seed: 1);
        var test = new SyntheticRiskData(rows: 500, seed: 2);
        using var trainMatrix = XgbMatrix.Create(train.Features, train.Labels);
        using var testMatrix = XgbMatrix.Create(test.Features);

        using var booster = XgbBooster.Train(trainMatrix, Parameters);
        var probabilities = booster.PredictProbabilities(testMatrix);

        booster.Features.Should().Be(SyntheticRiskData.FeatureCount);
        booster.Classes.Should().Be(SyntheticRiskData.Classes);
        booster.Rounds.Should().Be(40);
        probabilities.GetLength(0).Should().Be(test.Rows);
        probabilities.GetLength(1).Should().Be(SyntheticRiskData.Classes);
        for (var i = 0; i < test.Rows; i++)
        {
            Enumerable.Range(0, SyntheticRiskData.Classes).Sum(c => probabilities[i, c]).Should().BeApproximately(1f, 1e-5f);
        }

        test.Accuracy(probabilities).Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void Train_TwiceWithSameSeed_GivesIdenticalPredictionsAndModelBytes()
    {
        var data = new SyntheticRiskData(rows: 600, seed: 3);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);

        using var first = XgbBooster.Train(matrix, Parameters);
        using var second = XgbBooster.Train(matrix, Parameters);
        using var otherSeed = XgbBooster.Train(matrix, Parameters with { Seed = 7 });

        second.ToJson().Should().Equal(first.ToJson());
        second.PredictProbabilities(matrix).Should().BeEquivalentTo(first.PredictProbabilities(matrix), o => o.WithStrictOrdering());
        // Sampling is on, so the seed must matter: otherwise the test above would prove nothing.
        otherSeed.ToJson().Should().NotEqual(first.ToJson());
    }

    [Fact]
    public void Create_FromRowsOrArray_GivesTheSamePredictions()
    {
        var data = new SyntheticRiskData(rows: 300, seed: 4);
        var rows = Enumerable.Range(0, data.Rows)
            .Select(i => Enumerable.Range(0, SyntheticRiskData.FeatureCount).Select(j => data.Features[i, j]).ToArray())
            .ToList();
        using var fromArray = XgbMatrix.Create(data.Features, data.Labels);
        using var fromRows = XgbMatrix.FromRows(rows, data.Labels);

        using var booster = XgbBooster.Train(fromArray, Parameters with { Rounds = 10 });

        fromRows.Rows.Should().Be(data.Rows);
        fromRows.Columns.Should().Be(SyntheticRiskData.FeatureCount);
        booster.PredictProbabilities(fromRows).Should().BeEquivalentTo(booster.PredictProbabilities(fromArray), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Evaluate_TrainedModel_ReportsTheConfiguredMetric()
    {
        var data = new SyntheticRiskData(rows: 600, seed: 5);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var booster = XgbBooster.Train(matrix, Parameters with { EvalMetric = "merror" });

        var metrics = booster.Evaluate(matrix);

        metrics.Should().ContainKey("merror").WhoseValue.Should().BeLessThan(0.05);
    }

    [Fact]
    public void Train_MissingValuesThatCarryTheClass_LearnsTheDefaultBranch()
    {
        // Rows of class 4 have no value for feature 0: NaN must reach XGBoost as "missing", and the trees route it.
        var data = new SyntheticRiskData(rows: 1000, seed: 6);
        var test = new SyntheticRiskData(rows: 300, seed: 7);
        foreach (var set in new[] { data, test })
        {
            for (var i = 0; i < set.Rows; i++)
            {
                if (set.Labels[i] == 4)
                {
                    set.Features[i, 0] = float.NaN;
                }
            }
        }

        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var testMatrix = XgbMatrix.Create(test.Features);
        using var booster = XgbBooster.Train(matrix, Parameters);

        var probabilities = booster.PredictProbabilities(testMatrix);

        var missingRows = Enumerable.Range(0, test.Rows).Where(i => float.IsNaN(test.Features[i, 0])).ToList();
        missingRows.Should().NotBeEmpty();
        missingRows.Should().OnlyContain(i => SyntheticRiskData.ArgMax(probabilities, i) == 4);
        test.Accuracy(probabilities).Should().BeGreaterThan(0.95);
    }
}
