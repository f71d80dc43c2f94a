using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Analytics.Model;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Analytics.Pipeline;

[Collection(AnalysedProvinceGroup.Name)]
public sealed class RiskModelTests(AnalysedProvinceFixture province)
{
    [Fact]
    public void Train_WritesModelAndMetadataNamedAfterTheDataHash_AndRegistersItActive()
    {
        var model = province.Model;
        model.Id.Should().Be("model-" + model.DataHash[..16]);
        File.Exists(model.ModelPath).Should().BeTrue();
        File.ReadAllText(model.MetadataPath).Should().ContainAll(model.DataHash, "\"validation\"", "\"max_depth\"", "quadratic_kappa");
        model.Validation.Months.Should().HaveCount(6, "every 4th of 24 months is held out");
        model.LabelCounts.Keys.Should().Contain(["none", "I", "II", "III", "IV"]);

        using var database = DuckDbDatabase.Open(province.DatabasePath, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        connection.ExecuteScalar<string>("SELECT model_id FROM models WHERE active").Should().Be(model.Id);
    }

    [Fact]
    public void Train_Twice_IsDeterministic()
    {
        using var dir = new TempDirectory();
        using var warehouse = RiskWarehouse.Open(province.CopyDatabase(dir));
        using var connection = warehouse.Connect();
        var labels = LevelFiles.ReadLabels(province.LabelPath, warehouse.Reference);

        var first = ModelTrainer.Train(connection, labels, province.LabelPath, dir.File("a"), DateTime.UnixEpoch);
        var second = ModelTrainer.Train(connection, labels, province.LabelPath, dir.File("b"), DateTime.UnixEpoch);

        second.Id.Should().Be(first.Id);
        File.ReadAllBytes(second.ModelPath).Should().Equal(File.ReadAllBytes(first.ModelPath));
        second.Validation.Should().BeEquivalentTo(first.Validation);
    }

    [Fact]
    public void HeldOutMonths_ModelAgreesWithTheLabelsOnTheWarnedOnes()
    {
        using var database = DuckDbDatabase.Open(province.DatabasePath, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        using var model = ModelRegistry.LoadActive(connection)!;
        var set = TrainingSet.Load(connection, LevelFiles.ReadLabels(province.LabelPath, ReferenceData.Default));

        var metrics = ModelTrainer.Evaluate(model, set.Validation.ToList());

        metrics.Should().BeEquivalentTo(province.Model.Validation);
        metrics.Accuracy.Should().BeGreaterThan(0.99);
        // Held-out none rows predicted as a warning level: the model must stay quiet where nothing was planted.
        metrics.Confusion[0].Skip(1).Sum().Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Predict_ContributionsExplainEveryFeature()
    {
        using var database = DuckDbDatabase.Open(province.DatabasePath, new DuckDbOptions(ReadOnly: true));
        using var connection = database.Connect();
        using var model = ModelRegistry.LoadActive(connection)!;
        var row = TrainingSet.Load(connection, LevelFiles.ReadLabels(province.LabelPath, ReferenceData.Default)).Rows
            .First(r => r.Level == WarningLevel.I);

        var verdict = model.Predict([row.Features]).Single();

        verdict.Contributions.Select(c => c.Feature).Should().BeEquivalentTo(RiskFeatures.Names);
        verdict.Probability.Should().BeInRange(0.2, 1);
        verdict.Contributions.Select(c => Math.Abs(c.Contribution)).Should().BeInDescendingOrder();
    }
}
