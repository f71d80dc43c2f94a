using System.Globalization;
using System.Text;
using RiskMonitor.Core.Domain;
using RiskMonitor.Reports.Charts;
using RiskMonitor.Reports.Html;
using static RiskMonitor.Reports.Html.HtmlText;

namespace RiskMonitor.Reports.Briefing;

/// <summary>Renders <see cref="BriefingData"/> as one self-contained A4 page set (one to three pages printed).</summary>
public static class BriefingPage
{
    public const string Heading = "湖北省产品质量安全风险监测领导专报";

    public static string Title(DateOnly month) => $"{Heading}（{ChineseMonth(month)}）";

    public static string Render(BriefingData data, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var html = new StringBuilder(ReportStyle.Head(Title(data.Month)));
        html.Append(CultureInfo.InvariantCulture, $"""
            <header class="masthead"><div class="kicker">领导专报</div><h1>{E(Heading)}</h1>
            <div class="meta">{E(ChineseMonth(data.Month))} · 湖北省市场监督管理局 · 生成于 {E(ChineseDate(DateOnly.FromDateTime(generatedAt.DateTime)))}</div></header>

            """);
        Headline(data, html);
        Warnings(data, html);
        TopRisks(data, html);
        Trend(data, html);
        Heat(data, html);
        FollowUp(data, html);
        html.Append("<footer>本专报由 RiskMonitor 根据 12315 投诉、监督抽查和监测站报告自动汇总；预警级别为系统评估结果，预警通知经审批后方可发布。</footer>\n");
        html.Append(ChartHtml.Scripts());
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Headline(BriefingData d, StringBuilder html)
    {
        var now = d.Headline;
        var before = d.PreviousMonth;
        (string Label, long Value, long Previous)[] cards =
        [
            ("投诉举报件数", now.Complaints, before.Complaints),
            ("涉安全危害投诉", now.HazardComplaints, before.HazardComplaints),
            ("监督抽查批次", now.Samples, before.Samples),
            ("抽查不合格批次", now.FailedSamples, before.FailedSamples),
            ("监测站报告案例", now.StationCases, before.StationCases),
            ("报告受伤人数", now.Injuries, before.Injuries),
            ("报告死亡人数", now.Deaths, before.Deaths),
            ("达到预警级别的风险", now.WarnedSubjects, before.WarnedSubjects),
        ];
        html.Append("<section><h2>一、本月总体情况</h2><div class=\"cards\">\n");
        foreach (var (label, value, previous) in cards)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"card\"><span class=\"label\">{E(label)}</span><span class=\"value\">{N(value)}</span><span class=\"delta\">上月 {N(previous)}，环比 {E(Change(value, previous))}</span></div>\n");
        }

        html.Append("</div></section>\n");
    }

    private static void Warnings(BriefingData d, StringBuilder html)
    {
        html.Append("<section><h2>二、预警情况</h2>\n<div>本月新提出预警：</div><div class=\"levels\">");
        foreach (var level in WarningLevels.Descending)
        {
            html.Append(ReportStyle.LevelChip(level, $"{level.Roman()}级{level.ColourName()} {d.NewWarnings[level]} 项"));
        }

        html.Append("</div>\n<div>本月仍有效的预警：</div><div class=\"levels\">");
        foreach (var level in WarningLevels.Descending)
        {
            html.Append(ReportStyle.LevelChip(level, $"{level.Roman()}级{level.ColourName()} {d.ActiveWarnings[level]} 项"));
        }

        html.Append("</div>\n");
        if (d.Changes.Count == 0)
        {
            html.Append("<p>与上月相比，各风险对象的预警级别没有变化。</p></section>\n");
            return;
        }

        var summary = string.Join("，", d.Changes.GroupBy(c => c.Kind).OrderBy(g => KindOrder(g.Key)).Select(g => $"{g.Key} {g.Count()} 项"));
        html.Append(CultureInfo.InvariantCulture, $"<p>与上月相比，预警级别变化 {d.Changes.Count} 项（{E(summary)}）。</p>\n");
        html.Append("<table><tr><th>变化</th><th>产品类别</th><th>地区</th><th>上月</th><th>本月</th></tr>\n");
        foreach (var c in d.Changes.Take(BriefingQueries.ChangeRows))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(c.Kind)}</td><td>{E(c.Category)}</td><td>{E(c.Region)}</td><td>{Chip(c.From)}</td><td>{Chip(c.To)}</td></tr>\n");
        }

        html.Append("</table>");
        if (d.Changes.Count > BriefingQueries.ChangeRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">另有 {d.Changes.Count - BriefingQueries.ChangeRows} 项变化见月度报告。</p>");
        }

        html.Append("</section>\n");
    }

    private static int KindOrder(string kind) => kind switch { "新增" => 0, "升级" => 1, "降级" => 2, _ => 3 };

    private static string Chip(WarningLevel level) =>
        level == WarningLevel.None ? "无预警" : ReportStyle.LevelChip(level, $"{level.Roman()}级{level.ColourName()}");

    private static void TopRisks(BriefingData d, StringBuilder html)
    {
        html.Append("<section><h2>三、重点关注的风险</h2>\n");
        if (d.TopRisks.Count == 0)
        {
            html.Append("<p>本月没有达到预警级别的风险。</p></section>\n");
            return;
        }

        html.Append("<ol class=\"risks\">\n");
        foreach (var r in d.TopRisks)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li>{ReportStyle.LevelChip(r.Level, $"{r.Level.Roman()}级{r.Level.ColourName()}")} <b>{E(r.Region)} · {E(r.Category)}</b>：{E(r.Reason)}</li>\n");
        }

        html.Append("</ol></section>\n");
    }

    private static void Trend(BriefingData d, StringBuilder html)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>四、关键信号趋势（近{d.Trend.Count}个月）</h2>\n");
        html.Append(ChartHtml.Chart("trend", BriefingCharts.Trend(d.Trend), "180mm", "68mm"));
        html.Append("<p class=\"note\">投诉举报件数对应右侧坐标轴；其余信号对应左侧坐标轴。</p></section>\n");
    }

    private static void Heat(BriefingData d, StringBuilder html)
    {
        html.Append("<section><h2>五、地区 × 品类风险信号分布</h2>\n");
        if (d.Heat.Categories.Count == 0)
        {
            html.Append("<p>本月各地区均无风险信号。</p></section>\n");
            return;
        }

        html.Append(ChartHtml.Chart("heat", BriefingCharts.Heat(d.Heat), "180mm", "112mm"));
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">风险信号 = 涉安全危害投诉 + 监测站报告案例 + 抽查安全项目不合格；列出本月信号最多的 {d.Heat.Categories.Count} 个品类，空白为零。</p></section>\n");
    }

    private static void FollowUp(BriefingData d, StringBuilder html)
    {
        var f = d.FollowUp;
        html.Append(CultureInfo.InvariantCulture, $"""
            <section><h2>六、不合格产品后处置跟进</h2>
            <p>截至{E(ChineseDate(d.AsOf))}，在办后处置案件 {N(f.OpenCases)} 件，其中<span class="{(f.OverdueCases > 0 ? "warn" : "ok")}">超过法定时限 {N(f.OverdueCases)} 件</span>，7 日内到期 {N(f.DueWithinWeek)} 件；本月办结 {N(f.ClosedThisMonth)} 件。</p>

            """);
        if (f.Overdue.Count > 0)
        {
            html.Append("<table><tr><th class=\"num\">案件</th><th>产品类别</th><th>地区</th><th>生产者</th><th>环节</th><th>法定期限</th><th class=\"num\">逾期天数</th></tr>\n");
            foreach (var s in f.Overdue)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td class=\"num\">{s.CaseId}</td><td>{E(s.Category)}</td><td>{E(s.Region)}</td><td>{E(s.Producer)}</td><td>{E(s.Step)}</td><td>{s.DueOn:yyyy-MM-dd}</td><td class=\"num\">{s.DaysOverdue}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }
}
