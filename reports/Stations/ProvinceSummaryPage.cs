using System.Globalization;
using System.Text;
using RiskMonitor.Reports.Html;
using static RiskMonitor.Reports.Html.HtmlText;

namespace RiskMonitor.Reports.Stations;

/// <summary>The province summary of the month's station reports: who reported, how much, and what went wrong.</summary>
public static class ProvinceSummaryPage
{
    public const string Heading = "全省监测站月度报送汇总";

    public static string Render(StationMonth month, Func<StationSummary, string> link)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(link);
        var stations = month.Stations;
        var html = new StringBuilder(ReportStyle.Head($"{Heading}（{ChineseMonth(month.Month)}）"));
        html.Append(CultureInfo.InvariantCulture, $"""
            <header class="masthead"><div class="kicker">监测站月报</div><h1>{E(Heading)}</h1>
            <div class="meta">{E(ChineseMonth(month.Month))} · 湖北省市场监督管理局</div></header>
            <section><h2>一、报送概况</h2>
            <p>应报站点 {stations.Count} 个：按时报送 {stations.Count(s => s.Status == "按时报送")} 个，迟报 {stations.Count(s => s.Late)} 个，<span class="{(stations.Any(s => !s.Reported) ? "warn" : "ok")}">未报送 {stations.Count(s => !s.Reported)} 个</span>；
            共报告案例 {N(stations.Sum(s => s.Cases))} 起、受伤 {N(stations.Sum(s => s.Injuries))} 人、死亡 {N(stations.Sum(s => s.Deaths))} 人，重大风险报告 {stations.Sum(s => s.MajorReports)} 条；
            隔离数据行 {stations.Sum(s => s.Quarantined.Count) + month.UnattributedQuarantine.Count} 行。</p>
            <table><tr><th>站点类型</th><th class="num">站点</th><th class="num">已报送</th><th class="num">案例</th><th class="num">受伤</th><th class="num">死亡</th></tr>

            """);
        foreach (var kind in stations.GroupBy(s => s.Kind).OrderByDescending(g => g.Sum(s => s.Cases)))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(kind.Key)}</td><td class=\"num\">{kind.Count()}</td><td class=\"num\">{kind.Count(s => s.Reported)}</td><td class=\"num\">{N(kind.Sum(s => s.Cases))}</td><td class=\"num\">{N(kind.Sum(s => s.Injuries))}</td><td class=\"num\">{N(kind.Sum(s => s.Deaths))}</td></tr>\n");
        }

        html.Append("</table></section>\n<section><h2>二、各站点报送情况</h2>\n");
        html.Append("<table><tr><th>站点</th><th>类型</th><th>地区</th><th>状态</th><th class=\"num\">条数</th><th class=\"num\">案例</th><th class=\"num\">去年同期</th><th class=\"num\">隔离行</th><th>未报品类</th></tr>\n");
        foreach (var s in stations)
        {
            var status = s.Reported && !s.Late ? E(s.Status) : $"<span class=\"warn\">{E(s.Status)}</span>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{E(link(s))}\">{E(s.Name)}</a></td><td class=\"nw\">{E(s.Kind)}</td><td class=\"nw\">{E(s.Region)}</td><td class=\"nw\">{status}</td><td class=\"num\">{s.Rows.Count}</td><td class=\"num\">{N(s.Cases)}</td><td class=\"num\">{(s.SameMonthLastYear is { } y ? N(y) : "—")}</td><td class=\"num\">{s.Quarantined.Count}</td><td>{E(string.Join("、", s.MissingCategories))}</td></tr>\n");
        }

        html.Append("</table></section>\n");
        if (month.UnattributedQuarantine.Count > 0)
        {
            html.Append("<section><h2>三、无法归属站点的隔离数据行</h2>\n<table><tr><th>文件</th><th class=\"num\">行号</th><th>原因</th></tr>\n");
            foreach (var q in month.UnattributedQuarantine)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(q.File)}</td><td class=\"num\">{q.Line}</td><td>{E(q.Reason)}</td></tr>\n");
            }

            html.Append("</table></section>\n");
        }

        html.Append("<footer>本汇总由 RiskMonitor 根据监测站报送数据自动生成；“迟报”指该月数据随后续月份的文件补报。</footer>\n</body></html>\n");
        return html.ToString();
    }
}
