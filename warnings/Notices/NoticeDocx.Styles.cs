using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RiskMonitor.Warnings.Notices;

public static partial class NoticeDocx
{
    /// <summary>Fonts of GB/T 9704: the East Asian face carries the text, Times New Roman the digits and Latin letters.</summary>
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";

    /// <summary>Sizes in half-points: 2号 22 pt, 3号 16 pt, 小初 36 pt, 小四 12 pt.</summary>
    public const int TitleSize = 44;
    public const int BodySize = 32;
    private const int AuthoritySize = 72;
    private const int BannerSize = 24;

    /// <summary>Fixed line pitch of 28.95 pt (22 lines a page), in twips.</summary>
    private const int BodyLine = 579;

    /// <summary>Two characters of 3号 text, in twips: the first-line indent and the signature's right margin.</summary>
    private const int TwoCharacters = 640;

    private const string Red = "FF0000";

    /// <summary>The paragraph styles of the document, by id.</summary>
    public static class StyleIds
    {
        public const string Banner = "GwBanner";
        public const string Authority = "GwAuthority";
        public const string Number = "GwNumber";
        public const string Title = "GwTitle";
        public const string Addressee = "GwAddressee";
        public const string Heading = "GwHeading1";
        public const string Body = "GwBody";
        public const string Signature = "GwSignature";
    }

    private static Styles StyleSheet() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                RunFontsFor(BodyFont), new FontSize { Val = Half(BodySize) }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Before = "0", After = "0" }))),
        Style(StyleIds.Banner, "公文-审批提示", HeadingFont, BannerSize, JustificationValues.Left, line: 0, color: Red),
        Style(StyleIds.Authority, "公文-发文机关标志", TitleFont, AuthoritySize, JustificationValues.Center, line: 0, color: Red),
        Style(StyleIds.Number, "公文-发文字号", BodyFont, BodySize, JustificationValues.Center, BodyLine, redRuleBelow: true),
        Style(StyleIds.Title, "公文-标题", TitleFont, TitleSize, JustificationValues.Center, line: 700, spaceBefore: 2 * BodyLine, spaceAfter: BodyLine),
        Style(StyleIds.Addressee, "公文-主送机关", BodyFont, BodySize, JustificationValues.Both, BodyLine),
        Style(StyleIds.Heading, "公文-一级标题", HeadingFont, BodySize, JustificationValues.Both, BodyLine, firstLine: TwoCharacters),
        Style(StyleIds.Body, "公文-正文", BodyFont, BodySize, JustificationValues.Both, BodyLine, firstLine: TwoCharacters),
        Style(StyleIds.Signature, "公文-署名和成文日期", BodyFont, BodySize, JustificationValues.Right, BodyLine, right: TwoCharacters * 2));

    private static Style Style(
        string id, string name, string font, int size, JustificationValues justification, int line,
        int firstLine = 0, int right = 0, int spaceBefore = 0, int spaceAfter = 0, string? color = null, bool redRuleBelow = false)
    {
        var paragraph = new StyleParagraphProperties();
        if (redRuleBelow)
        {
            paragraph.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = Red, Size = 12U, Space = 6U }));
        }

        // Attributes are set only when they apply: an attribute assigned null is written empty, which the schema refuses.
        var spacing = new SpacingBetweenLines { Before = Twips(spaceBefore), After = Twips(spaceAfter) };
        if (line > 0)
        {
            spacing.Line = Twips(line);
            spacing.LineRule = LineSpacingRuleValues.Exact;
        }

        paragraph.Append(spacing);
        if (firstLine > 0 || right > 0)
        {
            var indentation = new Indentation();
            if (firstLine > 0)
            {
                indentation.FirstLine = Twips(firstLine);
            }

            if (right > 0)
            {
                indentation.Right = Twips(right);
            }

            paragraph.Append(indentation);
        }

        paragraph.Append(new Justification { Val = justification });

        var run = new StyleRunProperties(RunFontsFor(font));
        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        run.Append(new FontSize { Val = Half(size) }, new FontSizeComplexScript { Val = Half(size) });
        return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
            CustomStyle = true,
        };
    }

    /// <summary>The official faces with the everyday ones a machine without them should use instead (w:altName).</summary>
    private static Fonts FontTable() => new(
        Font(TitleFont, "宋体"), Font(BodyFont, "仿宋"), Font(HeadingFont, "SimHei"));

    private static Font Font(string name, string alternative) =>
        new(new AltName { Val = alternative }, new FontCharSet { Val = "86" }) { Name = name };

    private static RunFonts RunFontsFor(string eastAsia) =>
        new() { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = eastAsia, ComplexScript = "Times New Roman", Hint = FontTypeHintValues.EastAsia };

    private static string Half(int halfPoints) => halfPoints.ToString(CultureInfo.InvariantCulture);

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
