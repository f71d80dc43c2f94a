using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Lifecycle;

public sealed class LevelRulesTests
{
    private static readonly DateOnly May = new(2026, 5, 1);

    [Fact]
    public void HigherLevelThisMonth_ProposesAnUpgradeAtOnce()
    {
        var decision = LevelRules.Decide(WarningLevel.III, WarningLevel.I, [WarningLevel.III, WarningLevel.I], May);

        decision.Should().Be(new LevelDecision(NoticeAction.Upgrade, WarningLevel.I, decision.Reason));
        decision.Reason.Should().Be("2026年5月评估为Ⅰ级（特别严重，红色），高于现行Ⅲ级（较严重，黄色），建议升级预警");
    }

    [Fact]
    public void OneMonthBelowTheLevelInForce_KeepsIt()
    {
        LevelRules.Decide(WarningLevel.II, WarningLevel.III, [WarningLevel.II, WarningLevel.III], May).Should().Be(LevelDecision.Keep);
    }

    [Fact]
    public void CalmWindowBelowTheLevel_ProposesADowngradeToItsHighestLevel()
    {
        var decision = LevelRules.Decide(WarningLevel.I, WarningLevel.IV, [WarningLevel.III, WarningLevel.IV], May);

        decision.Action.Should().Be(NoticeAction.Downgrade);
        decision.Target.Should().Be(WarningLevel.III);
        decision.Reason.Should().Be("2026年4月至2026年5月连续2个月评估等级低于现行Ⅰ级（特别严重，红色），期间最高为Ⅲ级（较严重，黄色），建议降级预警");
    }

    [Fact]
    public void CalmWindowWithoutAnyWarningLevel_ProposesLifting()
    {
        var decision = LevelRules.Decide(WarningLevel.IV, WarningLevel.None, [WarningLevel.None, WarningLevel.None, WarningLevel.None], May);

        decision.Action.Should().Be(NoticeAction.Lift);
        decision.Reason.Should().Be("2026年3月至2026年5月连续3个月未达到预警级别，风险信号已消退，建议解除预警");
    }

    [Fact]
    public void MonthNeverAnalysed_NeverReadsAsCalm()
    {
        LevelRules.Decide(WarningLevel.II, WarningLevel.None, window: null, May).Should().Be(LevelDecision.Keep);
    }

    [Fact]
    public void SameLevel_KeepsIt()
    {
        LevelRules.Decide(WarningLevel.II, WarningLevel.II, [WarningLevel.II, WarningLevel.II], May).Should().Be(LevelDecision.Keep);
    }
}
