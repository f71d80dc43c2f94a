using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.Analytics.Assessment;

public sealed class RuleMatrixTests
{
    private static readonly RiskRuleOptions Defaults = new();

    [Theory]
    // Mean 2.5 sits between two steps and takes the lower: 2 (the CO heater's first month: urgency 4, scope 1, frequency 4, duration 1).
    [InlineData(4, 1, 4, 1, 2)]
    // Mean 2.75: 3.
    [InlineData(4, 2, 4, 1, 3)]
    // Mean 0.75: 1; mean 0.25: 0; all four at 4: 4.
    [InlineData(1, 1, 1, 0, 1)]
    [InlineData(0, 0, 1, 0, 0)]
    [InlineData(4, 4, 4, 4, 4)]
    public void Exposure_IsTheMeanRoundedHalfDown(int u, int s, int f, int d, int expected) =>
        RuleMatrix.Exposure(u, s, f, d, Defaults).Should().Be(expected);

    [Fact]
    public void Exposure_UsesTheConfiguredWeights()
    {
        // (2·4 + 1·0 + 1·2 + 0·4) / 4 = 2.5: 2. With duration weighted 1 as well: (8 + 0 + 2 + 4) / 5 = 2.8: 3.
        RuleMatrix.Exposure(4, 0, 2, 4, new RiskRuleOptions { UrgencyWeight = 2, DurationWeight = 0 }).Should().Be(2);
        RuleMatrix.Exposure(4, 0, 2, 4, new RiskRuleOptions { UrgencyWeight = 2 }).Should().Be(3);
    }

    [Theory]
    [InlineData(4, 2, WarningLevel.II)]
    [InlineData(4, 3, WarningLevel.I)]
    [InlineData(3, 2, WarningLevel.III)]
    [InlineData(2, 1, WarningLevel.IV)]
    [InlineData(1, 1, WarningLevel.None)]
    [InlineData(1, 3, WarningLevel.IV)]
    [InlineData(0, 4, WarningLevel.IV)]
    [InlineData(4, 0, WarningLevel.None)]
    public void Level_ReadsTheDefaultMatrix(int harm, int exposure, WarningLevel expected)
    {
        var e = Evidence.Of(Evidence.Month0() with { HazardComplaints = 5 }, hazardElevated: true);
        new RuleMatrix().Level(new FactorScores(harm, 0, 0, 0, 0, exposure), e).Level.Should().Be(expected);
    }

    [Fact]
    public void Level_NotElevated_IsNoneWhateverTheFactors()
    {
        var e = Evidence.Of(Evidence.Month0() with { HazardComplaints = 5 });
        new RuleMatrix().Level(new FactorScores(4, 4, 4, 4, 4, 4), e).Should().Be(new RuleLevel(WarningLevel.None, WarningLevel.None, null));
    }

    [Fact]
    public void Level_ADeath_IsNeverBelowII()
    {
        // Harm 4 but exposure 0: the matrix says none; the death floor says II.
        var e = Evidence.Of(Evidence.Month0() with { Deaths = 1 });
        var level = new RuleMatrix().Level(new FactorScores(4, 0, 0, 0, 0, 0), e);
        level.Level.Should().Be(WarningLevel.II);
        level.MatrixLevel.Should().Be(WarningLevel.None);
        level.Floor.Should().Contain("死亡1例");
    }

    [Fact]
    public void Level_AMajorReport_IsNeverBelowIII_AndAFloorNeverLowersTheMatrix()
    {
        var e = Evidence.Of(Evidence.Month0() with { MajorReports = 1 });
        new RuleMatrix().Level(new FactorScores(1, 4, 1, 0, 0, 1), e).Level.Should().Be(WarningLevel.III);
        new RuleMatrix().Level(new FactorScores(4, 4, 4, 4, 4, 4), e).Should().Be(new RuleLevel(WarningLevel.I, WarningLevel.I, null));
    }

    [Fact]
    public void Level_ProvinceWideDeathInOneDivisionOnly_IsLeftToTheDivision()
    {
        var e = Evidence.Of(Evidence.Month0("") with { Deaths = 1 }) with { Localised = true, ElevatedRegions = 1 };
        new RuleMatrix().Level(new FactorScores(4, 0, 0, 0, 0, 0), e).Level.Should().Be(WarningLevel.None);
    }

    [Fact]
    public void Options_ConfiguredMatrixAndFloors_AreUsed()
    {
        var options = new RiskRuleOptions
        {
            Matrix = ["蓝 蓝 蓝 蓝 蓝", "蓝 蓝 蓝 蓝 蓝", "黄,黄,黄,黄,黄", "橙 橙 橙 橙 橙", "红 红 红 红 红"],
            DeathFloor = "I",
        };
        var rules = new RuleMatrix(options);
        rules.Level(new FactorScores(2, 0, 0, 0, 0, 0), Evidence.Of(Evidence.Month0() with { HazardComplaints = 5 }, hazardElevated: true))
            .Level.Should().Be(WarningLevel.III);
        rules.Level(new FactorScores(1, 0, 0, 0, 0, 0), Evidence.Of(Evidence.Month0() with { Deaths = 2 })).Level.Should().Be(WarningLevel.I);
    }

    [Fact]
    public void Options_Invalid_ReportsEveryProblemAtOnce()
    {
        var options = new RiskRuleOptions
        {
            Matrix = ["none none none IV IV", "none none IV IV", "none IV IV III II", "none IV III II 紫", "none III II I I"],
            ScopeWeight = -1,
            DeathFloor = "V",
        };

        var errors = options.Validate();

        errors.Should().HaveCount(4);
        errors.Should().Contain(e => e.Contains("第 2 行须有 5 列", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("DeathFloor 的“V”", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("“紫”不是预警级别", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("ScopeWeight", StringComparison.Ordinal));
        var act = () => new RuleMatrix(options);
        act.Should().Throw<RiskMonitorException>().WithMessage("风险分级规则配置有误*");
    }

    [Fact]
    public void Options_Invalid_FloorAndWeightsAndAlpha_AreReported()
    {
        var errors = new RiskRuleOptions { DeathFloor = "V", UrgencyWeight = 0, ScopeWeight = 0, FrequencyWeight = 0, DurationWeight = 0, HazardAlpha = 1 }.Validate();
        errors.Should().HaveCount(3);
        errors.Should().Contain(e => e.Contains("DeathFloor", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("不能全为 0", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("HazardAlpha", StringComparison.Ordinal));
    }
}
