using System.Globalization;
using System.Text;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>
/// Lays a notice out as an official document with every element of regulation 003 Art. 21 (level and colour, start
/// time, scope, warning items and measures, issuing authority, feedback deadline) and renders it as Markdown.
/// </summary>
public static class NoticeDocument
{
    public const string IssuingAuthority = "湖北省市场监督管理局";
    public const string Regulation = "《湖北省工业产品质量安全风险监测预警与处置管理暂行办法》";
    private const string FeedbackOffice = "省局产品质量安全监督管理处";

    public static OfficialDocument Build(NoticeContent content, NoticeSeal seal)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(seal);
        var kind = content.Kind.ChineseName();
        var banner = seal.Status == NoticeStatus.Published
            ? null
            : $"【{seal.Status.ChineseLabel()}】本文件未经审批不得发布、泄露（依据{Regulation}第八条）。";
        var number = seal.Number?.ToString() ?? $"{DocumentNumber.Prefix}〔　　〕　号（审批后编号）";
        var date = seal.IssuedOn is { } issued ? DateText(issued) : "（审批后填写成文日期）";
        return new OfficialDocument(
            banner, IssuingAuthority, content.Title, number, content.Kind.Audience() + "：", Opening(content), Sections(content, seal), IssuingAuthority, date);
    }

    public static string Markdown(NoticeContent content, NoticeSeal seal) => Markdown(Build(content, seal));

    public static string Markdown(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sb = new StringBuilder();
        if (document.Banner is { } banner)
        {
            sb.Append("> ").AppendLine(banner).AppendLine();
        }

        sb.Append("**").Append(document.Authority).AppendLine("**").AppendLine();
        sb.Append("# ").AppendLine(document.Title).AppendLine();
        sb.AppendLine(document.Number).AppendLine();
        sb.AppendLine(document.Addressee).AppendLine();
        sb.AppendLine(document.Opening).AppendLine();
        foreach (var section in document.Sections)
        {
            sb.Append("## ").AppendLine(section.Heading).AppendLine();
            foreach (var paragraph in section.Paragraphs)
            {
                sb.AppendLine(paragraph).AppendLine();
            }
        }

        sb.AppendLine(document.Signature).AppendLine();
        sb.AppendLine(document.Date);
        return sb.ToString();
    }

    /// <summary>The Chinese label of a stored status code (for reports).</summary>
    public static string StatusLabel(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Enum.GetValues<NoticeStatus>().Any(s => s.Code() == status) ? NoticeTerms.ParseStatus(status).ChineseLabel() : status;
    }

    /// <summary>2026年4月8日.</summary>
    public static string DateText(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static string Opening(NoticeContent c)
    {
        var kind = c.Kind.ChineseName();
        return c.Action switch
        {
            NoticeAction.Issue =>
                $"根据风险监测和评估结果，{c.Subject}存在{c.Level.Severity()}质量安全风险，{c.Kind.Purpose()}。依据{Regulation}第二十条、第二十一条，现发布{kind}如下：",
            NoticeAction.Lift =>
                $"经持续监测和效果评价，{c.Subject}质量安全风险已得到控制。依据{Regulation}第二十四条，决定解除该风险预警，现发布{kind}如下：",
            _ =>
                $"经持续监测和效果评价，{c.Subject}质量安全风险发生变化。依据{Regulation}第二十四条，现将预警级别由{LevelText.Numbered(c.FromLevel)}调整为{LevelText.Numbered(c.Level)}，发布{kind}如下：",
        };
    }

    private static List<DocumentSection> Sections(NoticeContent c, NoticeSeal seal)
    {
        var kind = c.Kind.ChineseName();
        var dataMonth = string.Create(CultureInfo.InvariantCulture, $"依据{c.DataMonth.Year}年{c.DataMonth.Month}月风险监测数据");
        var lift = c.Action == NoticeAction.Lift;
        var level = c.Action switch
        {
            NoticeAction.Issue => $"{c.Level.ChineseLabel()}。",
            NoticeAction.Lift => $"原{c.FromLevel.ChineseLabel()}预警予以解除。",
            _ => $"由{c.FromLevel.ChineseLabel()}调整为{c.Level.ChineseLabel()}。",
        };
        var start = c.Action switch
        {
            NoticeAction.Issue => $"自本{kind}发布之日起（{dataMonth}）。",
            NoticeAction.Lift => $"自本{kind}发布之日起解除（{dataMonth}）。",
            _ => $"调整后的预警级别自本{kind}发布之日起执行（{dataMonth}）。",
        };
        return
        [
            new("一、预警级别", [level]),
            new(lift ? "二、解除时间" : "二、预警起始时间", [start]),
            new("三、预警范围", Scope(c.Scope)),
            new(lift ? "四、解除理由" : "四、警示事项", c.WarningItems),
            new($"五、{MeasuresHeading(c)}", c.Measures.Select((m, i) => $"（{ChineseNumeral(i + 1)}）{m}").ToList()),
            new("六、反馈要求", [Feedback(c, seal)]),
        ];
    }

    private static List<string> Scope(NoticeScope s)
    {
        var lines = new List<string> { $"产品类别：{s.CategoryName}。" };
        lines.Add(s.Regions.Count > 0 ? $"地区：{s.Area}，重点地区为{string.Join("、", s.Regions)}。" : $"地区：{s.Area}。");
        if (s.Producers.Count > 0)
        {
            lines.Add($"涉及生产企业：{string.Join("、", s.Producers)}。");
        }

        if (s.Platforms.Count > 0)
        {
            lines.Add($"涉及电子商务平台：{string.Join("、", s.Platforms)}。");
        }

        return lines;
    }

    private static string MeasuresHeading(NoticeContent c) => c.Action == NoticeAction.Lift
        ? "后续要求"
        : c.Kind switch
        {
            NoticeKind.Bulletin => "工作要求",
            NoticeKind.Notice => "风险消减措施",
            NoticeKind.Announcement => "强制性措施及消费警示",
            _ => "消费提示",
        };

    private static string Feedback(NoticeContent c, NoticeSeal seal)
    {
        var by = seal.FeedbackDeadline is { } due
            ? $"于{DateText(due)}前"
            : string.Create(CultureInfo.InvariantCulture, $"自本{c.Kind.ChineseName()}发布之日起{c.FeedbackDays}日内");
        return c.Kind switch
        {
            NoticeKind.Bulletin => $"请各地{by}将排查处置情况报送{FeedbackOffice}。",
            NoticeKind.Notice => $"相关生产经营者请{by}将风险消减和整改落实情况书面反馈所在地市场监管部门。",
            NoticeKind.Announcement => $"相关生产者、销售者请{by}将停止销售、召回等措施落实情况报告所在地市场监管部门。",
            _ => $"社会各界可{by}通过12315热线或全国12315平台反馈相关产品质量安全问题线索。",
        };
    }

    private static string ChineseNumeral(int n) => n switch
    {
        <= 10 => "〇一二三四五六七八九十"[n].ToString(),
        < 20 => "十" + "〇一二三四五六七八九"[n - 10],
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
