using System.Net;
using System.Text;

namespace RiskMonitor.Warnings.Notices;

/// <summary>Renders a notice as a standalone HTML page in the layout of an official document (for the browser and the dashboard).</summary>
public static class NoticeHtml
{
    private const string Style = """
        body { max-width: 156mm; margin: 2em auto; font: 16pt/28.95pt "仿宋_GB2312", "FangSong", "STFangsong", serif; color: #000; }
        .banner { color: #c00; font: 12pt "黑体", "SimHei", sans-serif; border: 1px solid #c00; padding: .3em .6em; }
        .authority { color: #c00; text-align: center; font: 36pt "方正小标宋简体", "SimSun", serif; margin: .4em 0; }
        .number { text-align: center; border-bottom: 2px solid #c00; padding-bottom: .5em; }
        h1 { text-align: center; font: 22pt/35pt "方正小标宋简体", "SimSun", serif; margin: 1em 0; }
        h2 { font: 16pt "黑体", "SimHei", sans-serif; text-indent: 2em; margin: 0; }
        p { text-indent: 2em; margin: 0; text-align: justify; }
        p.addressee { text-indent: 0; }
        p.signature { text-align: right; padding-right: 4em; }
        """;

    public static string Render(NoticeContent content, NoticeSeal seal) => Render(NoticeDocument.Build(content, seal));

    public static string Render(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(document.Title)).Append("</title><style>\n")
            .Append(Style).Append("</style></head><body>\n");
        if (document.Banner is { } banner)
        {
            sb.Append("<div class=\"banner\">").Append(E(banner)).Append("</div>\n");
        }

        sb.Append("<div class=\"authority\">").Append(E(document.Authority)).Append("</div>\n");
        sb.Append("<div class=\"number\">").Append(E(document.Number)).Append("</div>\n");
        sb.Append("<h1>").Append(E(document.Title)).Append("</h1>\n");
        sb.Append("<p class=\"addressee\">").Append(E(document.Addressee)).Append("</p>\n");
        sb.Append("<p>").Append(E(document.Opening)).Append("</p>\n");
        foreach (var section in document.Sections)
        {
            sb.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                sb.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            }
        }

        sb.Append("<p class=\"signature\">").Append(E(document.Signature)).Append("</p>\n");
        sb.Append("<p class=\"signature\">").Append(E(document.Date)).Append("</p>\n");
        return sb.Append("</body></html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
