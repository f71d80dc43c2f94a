using System.Text;
using RiskMonitor.Analytics.Model;

namespace RiskMonitor.Tests.Analytics.Model;

public sealed class XgbBoosterPersistenceTests
{
    private static readonly XgbTrainingParameters Parameters = new(SyntheticRiskData.Classes, Rounds: 20) { MaxDepth = 4, Seed = 21 };

    [Fact]
    public void Save_ThenLoad_GivesTheSameModelAndPredictions()
    {
        using var dir = new TempDirectory();
        var data = new SyntheticRiskData(rows: 500, seed: 22);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var trained = XgbBooster.Train(matrix, Parameters);
        var path = dir.File("model.json");

        trained.Save(path);
        using var loaded = XgbBooster.Load(path);

        loaded.Features.Should().Be(trained.Features);
        loaded.Classes.Should().Be(SyntheticRiskData.Classes);
        loaded.Rounds.Should().Be(20);
        loaded.ToJson().Should().Equal(trained.ToJson());
        loaded.PredictProbabilities(matrix).Should().BeEquivalentTo(trained.PredictProbabilities(matrix), o => o.WithStrictOrdering());
        loaded.PredictContributions(matrix).Should().BeEquivalentTo(trained.PredictContributions(matrix), o => o.WithStrictOrdering());
    }

    [Fact]
    public void ToJson_IsXGBoostsJsonModelFormat()
    {
        var data = new SyntheticRiskData(rows: 200, seed: 23);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var booster = XgbBooster.Train(matrix, Parameters with { Rounds = 2 });

        var json = Encoding.UTF8.GetString(booster.ToJson());

        json.Should().StartWith("{").And.Contain("\"learner\"").And.Contain("multi:softprob").And.Contain("\"num_class\":\"5\"");
    }
}
