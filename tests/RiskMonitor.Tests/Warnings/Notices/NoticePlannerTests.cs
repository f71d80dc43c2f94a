using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;
using static RiskMonitor.Tests.Warnings.Notices.NoticeSamples;

namespace RiskMonitor.Tests.Warnings.Notices;

/// <summary>The kinds of publication follow from the level and the measures needed (Art. 20).</summary>
public sealed class NoticePlannerTests
{
    private const NoticeKind 公告 = NoticeKind.Announcement;
    private const NoticeKind 通报 = NoticeKind.Bulletin;
    private const NoticeKind 通告 = NoticeKind.Notice;
    private const NoticeKind 提示 = NoticeKind.Hint;

    [Fact]
    public void LevelI_AnnouncesMandatoryMeasuresToThePublic_AndAlertsRegulators() =>
        NoticePlanner.KindsFor(WarningLevel.I, Facts()).Should().Equal(公告, 通报);

    [Fact]
    public void LevelI_WithNamedProducers_AlsoTellsThemInWriting() =>
        NoticePlanner.KindsFor(WarningLevel.I, Facts(producers: ["某电源有限公司"])).Should().Equal(公告, 通报, 通告);

    [Fact]
    public void LevelII_AlertsRegulatorsAndProducers() =>
        NoticePlanner.KindsFor(WarningLevel.II, Facts()).Should().Equal(通报, 通告);

    [Fact]
    public void LevelII_WithADeath_NeedsMandatoryMeasuresAndAPublicAnnouncement() =>
        NoticePlanner.KindsFor(WarningLevel.II, Facts(deaths: 1)).Should().Equal(公告, 通报, 通告);

    [Fact]
    public void LevelII_WithInjuries_AlsoHintsConsumers() =>
        NoticePlanner.KindsFor(WarningLevel.II, Facts(injuries: 3)).Should().Equal(通报, 通告, 提示);

    [Fact]
    public void LevelIII_TellsProducersToReduceTheRisk() =>
        NoticePlanner.KindsFor(WarningLevel.III, Facts()).Should().Equal(通告);

    [Fact]
    public void LevelIII_WithAProducerOutsideHubei_AlertsRegulatorsForTheReferral() =>
        NoticePlanner.KindsFor(WarningLevel.III, Facts(outOfProvince: ["常州市某公司"])).Should().Equal(通报, 通告);

    [Fact]
    public void LevelIV_HintsConsumers() =>
        NoticePlanner.KindsFor(WarningLevel.IV, Facts()).Should().Equal(提示);

    [Fact]
    public void LevelIV_WithAPlatformSellingFailedGoods_AlsoTellsThePlatform() =>
        NoticePlanner.KindsFor(WarningLevel.IV, Facts(platforms: ["京东"])).Should().Equal(通告, 提示);

    [Fact]
    public void NoLevel_HasNoNotice()
    {
        var act = () => NoticePlanner.KindsFor(WarningLevel.None, Facts());
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void EachKind_HasItsAudience()
    {
        NoticeKinds.ByWeight.Select(k => (k.ChineseName(), k.Audience())).Should().Equal(
            ("风险警示公告", "社会公众及相关生产经营者"),
            ("风险警示通报", "各市、州、直管市、神农架林区市场监督管理局"),
            ("风险警示通告", "相关生产企业、销售者及电子商务平台经营者"),
            ("风险提示通告", "广大消费者"));
    }
}
