using Microsoft.Extensions.Configuration;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.App.Cycle;
using RiskMonitor.Core;
using RiskMonitor.Tests.Analytics.Pipeline;

namespace RiskMonitor.Tests.App;

[Collection(AnalysedProvinceGroup.Name)]
public sealed class ModelAndEvaluateCommandTests(AnalysedProvinceFixture province)
{
    [Fact]
    public async Task Evaluate_PrintsRecallPrecisionKappaLeadTimeAndSeasonalWarnings()
    {
        var outcome = await CliHarness.Run("--db", province.DatabasePath, "evaluate", "--truth", province.Sample.GroundTruthPath);

        outcome.ExitCode.Should().Be(0, outcome.Error);
        outcome.Output.Should().ContainAll("召回率", "精确率", "κ", "提前量中位数", "季节性误报", "规则分级", "最终级别", "tile_labelling", "峰值前预警");
        outcome.Output.Should().Contain("24 个已分析月份，5 项预置风险");
    }

    [Fact]
    public async Task ModelTrain_ThenEvaluate_ReportAccuracyKappaAndConfusion()
    {
        using var dir = new TempDirectory();
        var db = province.CopyDatabase(dir);

        var train = await CliHarness.Run("--db", db, "model", "train", "--labels", province.LabelPath, "--dir", dir.File("models"));
        train.ExitCode.Should().Be(0, train.Error);
        train.Output.Should().Contain($"已训练模型 {province.Model.Id}").And.Contain("混淆矩阵");
        File.Exists(dir.File($"models/{province.Model.Id}.json")).Should().BeTrue();

        var evaluate = await CliHarness.Run("--db", db, "model", "evaluate", "--labels", province.LabelPath);
        evaluate.ExitCode.Should().Be(0, evaluate.Error);
        evaluate.Output.Should().ContainAll("准确率", "二次加权 κ", "2025-02", "2026-10");
    }

    [Fact]
    public async Task ModelTrain_LabelFileWithUnknownCategory_FailsNamingTheLine()
    {
        using var dir = new TempDirectory();
        var labels = dir.File("labels.csv");
        await File.WriteAllTextAsync(labels, "month,category,region,level\n2026-03,宇宙飞船,,I\n");

        var outcome = await CliHarness.Run("--db", province.CopyDatabase(dir), "model", "train", "--labels", labels);

        outcome.ExitCode.Should().Be(1);
        outcome.Error.Should().Contain("第 2 行：无法识别的产品类别“宇宙飞船”");
    }

    [Fact]
    public void RiskRules_BoundFromConfiguration_ReplaceTheDefaultMatrixRowByRow()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RiskRules:Matrix:0"] = "none none none none none",
            ["RiskRules:Matrix:1"] = "none none none none IV",
            ["RiskRules:Matrix:2"] = "none none IV IV III",
            ["RiskRules:Matrix:3"] = "none IV III II II",
            ["RiskRules:Matrix:4"] = "none II II I I",
            ["RiskRules:DeathFloor"] = "I",
            ["RiskRules:ScopeWeight"] = "2",
        }).Build();

        var options = RiskRulesConfiguration.Load(configuration);

        options.Matrix.Should().HaveCount(5);
        options.ParsedMatrix()[4, 1].Should().Be(RiskMonitor.Core.Domain.WarningLevel.II);
        options.DeathFloor.Should().Be("I");
        options.ScopeWeight.Should().Be(2);
    }

    [Fact]
    public void RiskRules_InvalidConfiguration_ReportsEveryProblem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RiskRules:MajorReportFloor"] = "紫",
            ["RiskRules:HazardAlpha"] = "2",
        }).Build();

        var act = () => RiskRulesConfiguration.Load(configuration);

        act.Should().Throw<RiskMonitorException>().WithMessage("配置错误：*MajorReportFloor*HazardAlpha*");
    }

    [Fact]
    public void RiskRules_ShippedAppSettings_AreTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        var options = RiskRulesConfiguration.Load(configuration);
        options.Matrix.Should().Equal(RiskRuleOptions.DefaultMatrix);
        options.HazardAlpha.Should().Be(new RiskRuleOptions().HazardAlpha);
    }
}
