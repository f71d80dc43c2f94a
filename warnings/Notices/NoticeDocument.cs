using System.Globalization;
using System.Text;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>What a notice says: every element regulation 003 Art. 21 requires.</summary>
public sealed record NoticeContent(
    long NoticeId,
    NoticeKind Kind,
    WarningLevel Level,
    DateOnly StartMonth,
    string CategoryName,
    string? RegionName,
    IReadOnlyList<string> Producers,
    string WarningItems,
    IReadOnlyList<string> Measures,
    DateOnly FeedbackDeadline,
    string Status);

/// <summary>Renders a notice as Markdown in the layout of an official document.</summary>
public static class NoticeDocument
{
    public const string IssuingAuthority = "湖北省市场监督管理局";

    public static string Title(NoticeContent n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return $"关于{n.RegionName ?? "全省"}{n.CategoryName}质量安全风险的{n.Kind.ChineseName()}";
    }

    public static string Markdown(NoticeContent n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var culture = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        if (n.Status != "published")
        {
            sb.AppendLine(culture, $"> 【{StatusLabel(n.Status)}】本文件未经审批不得发布、泄露（依据《湖北省工业产品质量安全风险监测预警与处置管理暂行办法》第八条）。").AppendLine();
        }

        sb.AppendLine(culture, $"# {Title(n)}").AppendLine();
        sb.AppendLine(culture, $"鄂市监风险〔{n.StartMonth.Year}〕{n.NoticeId}号").AppendLine();
        sb.AppendLine(culture, $"{n.Kind.Audience()}：").AppendLine();
        sb.AppendLine(culture, $"根据风险监测和评估结果，现就{n.RegionName ?? "全省"}{n.CategoryName}质量安全风险发布{n.Kind.ChineseName()}如下：").AppendLine();
        sb.AppendLine(culture, $"一、预警级别：{n.Level.ChineseLabel()}").AppendLine();
        sb.AppendLine(culture, $"二、预警起始时间：{n.StartMonth.Year}年{n.StartMonth.Month}月").AppendLine();
        var producers = n.Producers.Count > 0 ? $"；涉及生产企业{string.Join("、", n.Producers)}" : string.Empty;
        sb.AppendLine(culture, $"三、预警范围：产品类别为{n.CategoryName}；地区为{n.RegionName ?? "全省"}{producers}。").AppendLine();
        sb.AppendLine(culture, $"四、警示事项：{n.WarningItems}").AppendLine();
        sb.AppendLine("五、处置措施：");
        for (var i = 0; i < n.Measures.Count; i++)
        {
            sb.AppendLine(culture, $"{i + 1}. {n.Measures[i]}");
        }

        sb.AppendLine();
        sb.AppendLine(culture, $"六、反馈期限：请于{n.FeedbackDeadline.Year}年{n.FeedbackDeadline.Month}月{n.FeedbackDeadline.Day}日前反馈处置情况。").AppendLine();
        sb.AppendLine(culture, $"发布机关：{IssuingAuthority}");
        return sb.ToString();
    }

    public static string StatusLabel(string status) => status switch
    {
        "draft" => "草稿，待审批",
        "approved" => "已审批，待发布",
        "rejected" => "已退回",
        "published" => "已发布",
        _ => status,
    };

    /// <summary>Measures matching the level (Art. 24: measures match the level).</summary>
    public static IReadOnlyList<string> DefaultMeasures(WarningLevel level) => level switch
    {
        WarningLevel.I =>
        [
            "相关生产者、销售者立即停止生产、销售涉及产品，依法实施召回；",
            "各地市场监管部门立即开展专项排查，依法查处违法行为，情况每周报告；",
            "提醒消费者立即停止使用涉及产品，发现问题拨打12315投诉举报。",
        ],
        WarningLevel.II =>
        [
            "各地市场监管部门对辖区内相关生产者、销售者开展重点检查和监督抽查；",
            "约谈相关生产企业，督促其排查隐患并限期整改；",
            "对涉及省外生产企业的，通报其所在地省级市场监管部门。",
        ],
        WarningLevel.III =>
        [
            "相关生产者、销售者对照标准开展自查，消除质量安全隐患；",
            "各地市场监管部门加强日常监督检查和风险监测。",
        ],
        _ =>
        [
            "消费者购买和使用时注意查看产品标识和使用说明，按说明正确使用；",
            "相关生产者加强质量管理，规范产品标识。",
        ],
    };
}
