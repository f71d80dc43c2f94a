using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using RiskMonitor.Warnings.Notices;
using static RiskMonitor.Tests.Warnings.Notices.NoticeSamples;

namespace RiskMonitor.Tests.Warnings.Notices;

/// <summary>The .docx opens in OpenXml and follows the official-document layout: text, styles, fonts, sizes, page.</summary>
public sealed class NoticeDocxTests : IDisposable
{
    private static readonly NoticeSeal Approved = new(7, NoticeStatus.Approved, new DocumentNumber(2026, 12), new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 18));
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Docx_HasTheDocumentsTextInOrder_EachParagraphInItsStyle()
    {
        using var word = Open(NoticeDocx.Render(Bulletin(), Approved));
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();

        paragraphs.Take(6).Should().Equal(
            (NoticeDocx.StyleIds.Banner, "【已审批，待发布】本文件未经审批不得发布、泄露（依据《湖北省工业产品质量安全风险监测预警与处置管理暂行办法》第八条）。"),
            (NoticeDocx.StyleIds.Authority, "湖北省市场监督管理局"),
            (NoticeDocx.StyleIds.Number, "鄂市监风险〔2026〕12号"),
            (NoticeDocx.StyleIds.Title, "关于全省电动自行车用锂离子蓄电池质量安全风险的风险警示通报"),
            (NoticeDocx.StyleIds.Addressee, "各市、州、直管市、神农架林区市场监督管理局："),
            (NoticeDocx.StyleIds.Body, paragraphs[5].Text));
        paragraphs[5].Text.Should().StartWith("根据风险监测和评估结果");
        paragraphs.Where(p => p.Style == NoticeDocx.StyleIds.Heading).Select(p => p.Text).Should().Equal(
            "一、预警级别", "二、预警起始时间", "三、预警范围", "四、警示事项", "五、工作要求", "六、反馈要求");
        paragraphs.Should().Contain((NoticeDocx.StyleIds.Body, "Ⅰ级（特别严重，红色）。"));
        paragraphs.TakeLast(2).Should().Equal((NoticeDocx.StyleIds.Signature, "湖北省市场监督管理局"), (NoticeDocx.StyleIds.Signature, "2026年6月3日"));
    }

    [Fact]
    public void Styles_FollowGbT9704_TitleInXiaobiaosong2_BodyInFangsong3_SignatureOnTheRight()
    {
        using var word = Open(NoticeDocx.Render(Bulletin(), Approved));
        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);

        var title = styles[NoticeDocx.StyleIds.Title];
        title.StyleRunProperties!.RunFonts!.EastAsia!.Value.Should().Be("方正小标宋简体");
        title.StyleRunProperties.FontSize!.Val!.Value.Should().Be("44", "2号 is 22 pt");
        title.StyleParagraphProperties!.Justification!.Val!.Value.Should().Be(JustificationValues.Center);

        var body = styles[NoticeDocx.StyleIds.Body];
        body.StyleRunProperties!.RunFonts!.EastAsia!.Value.Should().Be("仿宋_GB2312");
        body.StyleRunProperties.FontSize!.Val!.Value.Should().Be("32", "3号 is 16 pt");
        body.StyleParagraphProperties!.SpacingBetweenLines!.Line!.Value.Should().Be("579", "a fixed 28.95 pt line gives 22 lines a page");
        body.StyleParagraphProperties.SpacingBetweenLines.LineRule!.Value.Should().Be(LineSpacingRuleValues.Exact);
        body.StyleParagraphProperties.Indentation!.FirstLine!.Value.Should().Be("640", "two characters of 3号");

        styles[NoticeDocx.StyleIds.Heading].StyleRunProperties!.RunFonts!.EastAsia!.Value.Should().Be("黑体");
        styles[NoticeDocx.StyleIds.Signature].StyleParagraphProperties!.Justification!.Val!.Value.Should().Be(JustificationValues.Right);
        styles[NoticeDocx.StyleIds.Authority].StyleRunProperties!.Color!.Val!.Value.Should().Be("FF0000");
        styles[NoticeDocx.StyleIds.Number].StyleParagraphProperties!.ParagraphBorders!.BottomBorder!.Color!.Value.Should().Be("FF0000", "the red rule under the header");
        word.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().Select(f => (f.Name!.Value, f.AltName!.Val!.Value)).Should().Contain(
            [("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋")], "a machine without the official faces falls back to common ones");
    }

    [Fact]
    public void Docx_IsValidAgainstTheOfficeOpenXmlSchema()
    {
        using var word = Open(NoticeDocx.Render(Bulletin(), Approved));

        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
    }

    [Fact]
    public void Page_IsA4WithTheStandardMargins_AndNumbered()
    {
        using var word = Open(NoticeDocx.Render(Bulletin(), Approved));
        var section = word.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).Should().Be((11906U, 16838U));
        var margin = section.GetFirstChild<PageMargin>()!;
        (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value).Should().Be((2098, 1984, 1588U, 1474U), "37, 35, 28 and 26 mm");
        word.MainDocumentPart.FooterParts.Single().Footer!.InnerText.Should().Be("— 1 —");
        word.PackageProperties.Title.Should().Be("关于全省电动自行车用锂离子蓄电池质量安全风险的风险警示通报");
    }

    [Fact]
    public void Files_AreWrittenUnderTheDataMonth_AsMarkdownAndDocx()
    {
        var paths = NoticeFiles.Write(_dir.Path, Bulletin(), Approved);

        paths.Markdown.Should().Be(_dir.File("notices/2026-05/0007-风险警示通报-关于全省电动自行车用锂离子蓄电池质量安全风险的风险警示通报.md"));
        Path.ChangeExtension(paths.Markdown, ".docx").Should().Be(paths.Docx);
        File.ReadAllText(paths.Markdown).Should().Contain("鄂市监风险〔2026〕12号");
        using var word = WordprocessingDocument.Open(paths.Docx, isEditable: false);
        word.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("鄂市监风险〔2026〕12号");
        Directory.GetFiles(_dir.File("notices/2026-05")).Should().HaveCount(2, "no partial files are left behind");
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    public void Dispose() => _dir.Dispose();
}
