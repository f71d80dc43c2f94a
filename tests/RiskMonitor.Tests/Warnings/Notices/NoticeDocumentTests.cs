using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;
using static RiskMonitor.Tests.Warnings.Notices.NoticeSamples;

namespace RiskMonitor.Tests.Warnings.Notices;

/// <summary>Every notice carries the elements of Art. 21, in Chinese, whatever it is rendered to.</summary>
public sealed class NoticeDocumentTests
{
    private static readonly NoticeSeal Approved = new(7, NoticeStatus.Approved, new DocumentNumber(2026, 12), new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 18));

    [Fact]
    public void Bulletin_CarriesLevelStartScopeItemsMeasuresAuthorityAndFeedbackDeadline()
    {
        var document = NoticeDocument.Build(Bulletin(), Approved);

        document.Title.Should().Be("关于全省电动自行车用锂离子蓄电池质量安全风险的风险警示通报");
        document.Number.Should().Be("鄂市监风险〔2026〕12号");
        document.Addressee.Should().Be("各市、州、直管市、神农架林区市场监督管理局：");
        document.Sections.Select(s => s.Heading).Should().Equal("一、预警级别", "二、预警起始时间", "三、预警范围", "四、警示事项", "五、工作要求", "六、反馈要求");
        document.Sections[0].Paragraphs.Should().Equal("Ⅰ级（特别严重，红色）。");
        document.Sections[1].Paragraphs.Should().Equal("自本风险警示通报发布之日起（依据2026年5月风险监测数据）。");
        document.Sections[2].Paragraphs.Should().Equal(
            "产品类别：电动自行车用锂离子蓄电池。",
            "地区：全省，重点地区为武汉市、黄冈市。",
            "涉及生产企业：武汉远航电源有限公司、常州市速能新能源科技有限公司。",
            "涉及电子商务平台：淘宝。");
        document.Sections[3].Paragraphs.Should().Equal(
            "风险研判：发生频率4（危害信号145）。",
            "2026年5月，全省电动自行车用锂离子蓄电池收到相关投诉141件，其中涉及安全危害91件、涉及人身伤害25件；监督抽查8批次，不合格3批次（其中安全项目不合格3批次）；监测站点报告案例48起，受伤9人。",
            "主要危害类型：火灾。");
        document.Sections[4].Paragraphs.Should().HaveCount(5).And.Contain(
            "（四）对标称生产企业在省外的（常州市速能新能源科技有限公司），将风险信息和案件线索移送企业所在地同级市场监管部门处理（第二十三条第二项）。",
            "（五）督促淘宝等电子商务平台经营者对平台内涉及产品开展排查，及时采取下架等措施。");
        document.Sections[5].Paragraphs.Should().Equal("请各地于2026年6月18日前将排查处置情况报送省局产品质量安全监督管理处。");
        (document.Signature, document.Date).Should().Be(("湖北省市场监督管理局", "2026年6月3日"));
        document.Banner.Should().Be("【已审批，待发布】本文件未经审批不得发布、泄露（依据《湖北省工业产品质量安全风险监测预警与处置管理暂行办法》第八条）。");
    }

    [Fact]
    public void Draft_HasNoNumberOrDateYet_AndPublished_LosesTheBanner()
    {
        var draft = NoticeDocument.Build(Bulletin(), NoticeSeal.Draft(7));
        draft.Number.Should().Be("鄂市监风险〔　　〕　号（审批后编号）");
        draft.Date.Should().Be("（审批后填写成文日期）");
        draft.Sections[5].Paragraphs[0].Should().StartWith("请各地自本风险警示通报发布之日起15日内");
        draft.Banner.Should().StartWith("【草稿，待审批】");

        NoticeDocument.Build(Bulletin(), Approved with { Status = NoticeStatus.Published }).Banner.Should().BeNull();
    }

    [Fact]
    public void Downgrade_StatesBothLevels()
    {
        var content = NoticeComposer.Compose(
            NoticeKind.Notice, NoticeAction.Downgrade, WarningLevel.III, WarningLevel.I, Facts(), string.Empty, "连续2个月评估等级低于现行Ⅰ级", 15);

        var document = NoticeDocument.Build(content, Approved);

        document.Title.Should().Be("关于全省电动自行车用锂离子蓄电池质量安全风险预警调整为Ⅲ级的风险警示通告");
        document.Sections[0].Paragraphs.Should().Equal("由Ⅰ级（特别严重，红色）调整为Ⅲ级（较严重，黄色）。");
        document.Sections[3].Paragraphs[0].Should().Be("连续2个月评估等级低于现行Ⅰ级。");
        document.Opening.Should().Contain("第二十四条").And.Contain("由Ⅰ级调整为Ⅲ级");
    }

    [Fact]
    public void Lifting_NamesTheLevelLiftedAndWhy()
    {
        var content = NoticeComposer.Compose(NoticeKind.Announcement, NoticeAction.Lift, WarningLevel.None, WarningLevel.I, Facts(), string.Empty, "召回已完成", 15);

        var document = NoticeDocument.Build(content, Approved);

        document.Title.Should().Be("关于解除全省电动自行车用锂离子蓄电池质量安全风险预警的风险警示公告");
        document.Sections.Select(s => s.Heading).Should().Contain("二、解除时间").And.Contain("四、解除理由").And.Contain("五、后续要求");
        document.Sections[0].Paragraphs.Should().Equal("原Ⅰ级（特别严重，红色）预警予以解除。");
    }

    [Fact]
    public void Markdown_And_Html_ShowTheSameDocument()
    {
        var markdown = NoticeDocument.Markdown(Bulletin(), Approved);
        var html = NoticeHtml.Render(Bulletin(), Approved);

        markdown.Should().Contain("# 关于全省电动自行车用锂离子蓄电池质量安全风险的风险警示通报").And.Contain("## 三、预警范围").And.EndWith("2026年6月3日\n");
        html.Should().Contain("<h1>关于全省电动自行车用锂离子蓄电池质量安全风险的风险警示通报</h1>")
            .And.Contain("<p class=\"signature\">2026年6月3日</p>").And.Contain("lang=\"zh-CN\"");
    }

    [Fact]
    public void Content_SurvivesItsJsonRoundTrip()
    {
        var content = Bulletin();

        var back = NoticeContent.FromJson(content.ToJson());

        back.Should().BeEquivalentTo(content);
        content.ToJson().Should().Contain("\"Kind\":\"Bulletin\"").And.Contain("电动自行车用锂离子蓄电池");
    }
}
