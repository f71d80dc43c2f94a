using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RiskMonitor.Warnings.Notices;

/// <summary>
/// Renders a notice as a Word document in the layout of an official document (GB/T 9704-2012 党政机关公文格式): A4 with the
/// standard margins, the authority's mark in red over a red rule, the title centred in 方正小标宋 2号, the document number,
/// the addressee, the body in 仿宋 3号 on a fixed 28.95 pt line, section headings in 黑体, and the authority and date on the right.
/// </summary>
public static partial class NoticeDocx
{
    public static byte[] Render(NoticeContent content, NoticeSeal seal) => Render(NoticeDocument.Build(content, seal));

    public static byte[] Render(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Creator = document.Signature;
            word.PackageProperties.Language = "zh-CN";
            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            var body = new Body();
            if (document.Banner is { } banner)
            {
                body.Append(Paragraph(StyleIds.Banner, banner));
            }

            body.Append(Paragraph(StyleIds.Authority, document.Authority));
            body.Append(Paragraph(StyleIds.Number, document.Number));
            body.Append(Paragraph(StyleIds.Title, document.Title));
            body.Append(Paragraph(StyleIds.Addressee, document.Addressee));
            body.Append(Paragraph(StyleIds.Body, document.Opening));
            foreach (var section in document.Sections)
            {
                body.Append(Paragraph(StyleIds.Heading, section.Heading));
                foreach (var paragraph in section.Paragraphs)
                {
                    body.Append(Paragraph(StyleIds.Body, paragraph));
                }
            }

            body.Append(Paragraph(StyleIds.Signature, document.Signature, spaceBefore: true));
            body.Append(Paragraph(StyleIds.Signature, document.Date));
            body.Append(Page(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string styleId, string text, bool spaceBefore = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = styleId });
        if (spaceBefore)
        {
            // One blank body line between the last section and the signature.
            properties.Append(new SpacingBetweenLines { Before = BodyLine.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A4 portrait with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips.</summary>
    private static SectionProperties Page(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906U, Height = 16838U },
        new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U });

    /// <summary>Page numbers as "— 1 —", centred, in 宋体 4号.</summary>
    private static Footer PageNumberFooter()
    {
        RunProperties Font() => new(new RunFonts { Ascii = "宋体", HighAnsi = "宋体", EastAsia = "宋体" }, new FontSize { Val = "28" });
        return new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(Font(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(Font(), new Text("1"))) { Instruction = " PAGE " },
            new Run(Font(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }
}
