using RiskMonitor.Analytics.Model;
using RiskMonitor.Core;

namespace RiskMonitor.Tests.Analytics.Model;

public sealed class XgbErrorTests
{
    private static readonly XgbTrainingParameters Parameters = new(SyntheticRiskData.Classes, Rounds: 5) { MaxDepth = 3, Seed = 31 };

    [Fact]
    public void Train_InvalidParameterValue_ThrowsXGBoostsMessage()
    {
        var data = new SyntheticRiskData(rows: 100, seed: 32);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);

        var train = () => XgbBooster.Train(matrix, Parameters with { MaxDepth = -3 });

        var error = train.Should().Throw<XGBoostException>().Which;
        error.Message.Should().Contain("max_depth").And.NotContain("Stack trace");
    }

    [Fact]
    public void Train_LabelOutsideTheClasses_ThrowsXGBoostsMessage()
    {
        var data = new SyntheticRiskData(rows: 100, seed: 33);
        data.Labels[0] = 9;
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);

        var train = () => XgbBooster.Train(matrix, Parameters);

        train.Should().Throw<XGBoostException>().Which.Message.Should().Contain("num_class");
    }

    [Fact]
    public void Predict_MoreFeaturesThanTrained_ThrowsXGBoostsMessage()
    {
        var data = new SyntheticRiskData(rows: 100, seed: 34);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var booster = XgbBooster.Train(matrix, Parameters);
        using var wide = XgbMatrix.Create(new float[3, SyntheticRiskData.FeatureCount + 2]);

        var predict = () => booster.PredictProbabilities(wide);

        predict.Should().Throw<XGBoostException>().Which.Message.Should().Contain("Number of columns does not match");
    }

    [Fact]
    public void Predict_FewerFeaturesThanTrained_IsRefusedToo()
    {
        var data = new SyntheticRiskData(rows: 100, seed: 35);
        using var matrix = XgbMatrix.Create(data.Features, data.Labels);
        using var booster = XgbBooster.Train(matrix, Parameters);
        using var narrow = XgbMatrix.Create(new float[3, SyntheticRiskData.FeatureCount - 1]);

        var predict = () => booster.PredictContributions(narrow);

        predict.Should().Throw<XGBoostException>().Which.Message.Should().Contain("Number of columns does not match");
    }

    [Fact]
    public void FromJson_NotAModel_ThrowsXGBoostException()
    {
        var load = () => XgbBooster.FromJson("{\"learner\": 42}"u8);

        load.Should().Throw<XGBoostException>().Which.Should().BeAssignableTo<RiskMonitorException>();
    }

    [Fact]
    public void Create_InfiniteValue_ThrowsXGBoostsMessage()
    {
        var create = () => XgbMatrix.Create(new float[,] { { 0.5f, float.PositiveInfinity } });

        create.Should().Throw<XGBoostException>().Which.Message.Should().Contain("inf");
    }

    [Fact]
    public void Train_MatrixWithoutLabels_ThrowsArgumentException()
    {
        using var unlabelled = XgbMatrix.Create(new SyntheticRiskData(rows: 50, seed: 37).Features);

        var train = () => XgbBooster.Train(unlabelled, Parameters);

        train.Should().Throw<ArgumentException>().WithMessage("*no labels*");
    }

    [Fact]
    public void Create_LabelCountDiffersFromRows_ThrowsArgumentException()
    {
        var create = () => XgbMatrix.Create(new float[4, 2], new float[3]);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Dispose_Twice_IsSafeAndLaterUseIsRefused()
    {
        var data = new SyntheticRiskData(rows: 100, seed: 36);
        var matrix = XgbMatrix.Create(data.Features, data.Labels);
        var booster = XgbBooster.Train(matrix, Parameters);

        booster.Dispose();
        booster.Dispose();
        var predict = () => booster.PredictProbabilities(matrix);
        predict.Should().Throw<ObjectDisposedException>();

        matrix.Dispose();
        matrix.Dispose();
        var setLabels = () => matrix.SetLabels(data.Labels);
        setLabels.Should().Throw<ObjectDisposedException>();
    }
}
