using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Normalisation;

namespace RiskMonitor.Tests.Ingest.Normalisation;

public sealed class TextSignalsTests
{
    private readonly TextSignals _signals = new(ReferenceData.Default);

    [Theory]
    [InlineData("夜间充电时电池鼓包后自燃", "fire")]
    [InlineData("使用时外壳漏电，手被电了一下", "electric_shock")]
    [InlineData("家里的一氧化碳报警器频繁报警", "co_poisoning")]
    [InlineData("玩具上的小零件很容易掉下来", "choking")]
    [InlineData("打开包装有强烈刺鼻气味", "chemical")]
    [InlineData("把手松动后脱落", "mechanical")]
    [InlineData("骑行中刹车失灵", "fall")]
    [InlineData("产品没有中文标识和合格证", "labelling")]
    public void Read_HazardKeyword_NamesItsHazard(string text, string hazard)
    {
        _signals.Read(text).Hazards.Should().Equal(hazard);
    }

    [Fact]
    public void Read_SeveralHazards_NamesEachOnceInDictionaryOrder()
    {
        var signal = _signals.Read("通电后机身冒烟，随后起火，孩子被烫伤，外壳还漏电，再次冒烟");

        signal.Hazards.Should().Equal("fire", "electric_shock", "burn");
    }

    [Fact]
    public void Read_OrdinaryGrievance_HasNoHazardNoInjuryNoDeath()
    {
        var signal = _signals.Read("商家承诺七天无理由退货，收货后却拒绝退货。要求退货退款。");

        signal.Hazards.Should().BeEmpty();
        signal.Injury.Should().BeFalse();
        signal.Death.Should().BeFalse();
    }

    [Theory]
    [InlineData("使用中部件突然断裂，手被划伤")]
    [InlineData("家人被电击受伤，住院治疗3天")]
    [InlineData("孩子误吞小零件，送医检查")]
    [InlineData("盖子弹开，开水溅出烫伤手臂")]
    [InlineData("没有及时维修，孩子被烫伤")]
    [InlineData("所幸没有起火，但老人摔倒骨折")]
    [InlineData("本人未受伤，但孩子烫伤住院")]
    [InlineData("没想到孩子被烫伤")]
    [InlineData("无法正常使用，家中老人摔伤住院")]
    public void Read_SomeoneHurt_CountsAsInjury(string text)
    {
        _signals.Read(text).Injury.Should().BeTrue();
    }

    [Theory]
    [InlineData("充电过程中冒烟起火，所幸没有人员受伤")]
    [InlineData("插电使用半小时后着火，本人未受伤")]
    [InlineData("使用时发生爆燃，没有受伤")]
    [InlineData("机身冒烟，幸无人员受伤")]
    [InlineData("突然起火，未造成人员受伤")]
    [InlineData("车辆侧翻，没有造成任何人员受伤")]
    [InlineData("孩子差点烫伤")]
    [InlineData("外壳漏电，不曾有人受伤。")]
    public void Read_NegatedInjury_DoesNotCountAsInjury(string text)
    {
        _signals.Read(text).Injury.Should().BeFalse();
    }

    [Theory]
    [InlineData("电动车起火，一名住户不幸身亡", true)]
    [InlineData("热水器一氧化碳泄漏，老人经抢救无效去世", true)]
    [InlineData("起火后无人员死亡", false)]
    [InlineData("幸好没有人员伤亡和死亡", false)]
    [InlineData("起火后没有人员受伤，一只宠物死亡", true)]
    public void Read_Death_IsCountedUnlessNegated(string text, bool death)
    {
        _signals.Read(text).Death.Should().Be(death);
    }
}
