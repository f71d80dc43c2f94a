using System.Globalization;
using System.Text;
using RiskMonitor.Reports.Charts;
using RiskMonitor.Reports.Html;
using static RiskMonitor.Reports.Html.HtmlText;

namespace RiskMonitor.Reports.Stations;

/// <summary>One monitoring station's monthly report (监测站月度报告). The station's own descriptions are untrusted text: encoded.</summary>
public static class StationPage
{
    public const string Heading = "监测站月度报告";

    public static string Render(StationMonth month, StationSummary station, string? librarySource = null)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(station);
        var html = new StringBuilder(ReportStyle.Head($"{station.Name} {Heading}（{ChineseMonth(month.Month)}）"));
        html.Append(CultureInfo.InvariantCulture, $"""
            <header class="masthead"><div class="kicker">监测站月报</div><h1>{E(station.Name)}</h1>
            <div class="meta">{E(ChineseMonth(month.Month))} · 站点编号 {E(station.StationId)} · {E(station.Kind)} · {E(station.Region)} · <a href="../province-summary.html">全省汇总</a></div></header>

            """);
        Reported(station, html);
        Comparison(month, station, html);
        Quality(station, html);
        Warnings(month, station, html);
        html.Append("<footer>本报告由 RiskMonitor 根据监测站报送数据自动生成。</footer>\n");
        html.Append(ChartHtml.Scripts(librarySource)).Append("</body></html>\n");
        return html.ToString();
    }

    private static void Reported(StationSummary s, StringBuilder html)
    {
        html.Append("<section><h2>一、本月报送情况</h2>\n");
        if (!s.Reported)
        {
            html.Append("<p class=\"warn\">本月未收到该站点的报告。</p></section>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<p>报送 {s.Rows.Count} 条，涉及案例 {N(s.Cases)} 起、受伤 {N(s.Injuries)} 人、死亡 {N(s.Deaths)} 人，重大风险报告 {s.MajorReports} 条。</p>\n");
        html.Append("<table><tr><th>产品类别</th><th>危害</th><th class=\"num\">案例</th><th class=\"num\">受伤</th><th class=\"num\">死亡</th><th>重大</th><th>情况说明</th></tr>\n");
        foreach (var r in s.Rows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(r.Category)}</td><td>{E(r.Hazard)}</td><td class=\"num\">{r.Cases}</td><td class=\"num\">{r.Injuries}</td><td class=\"num\">{r.Deaths}</td><td>{(r.Major ? "是" : "")}</td><td>{E(r.Description)}</td></tr>\n");
        }

        html.Append("</table></section>\n");
    }

    private static void Comparison(StationMonth month, StationSummary s, StringBuilder html)
    {
        var peerNow = s.PeerAverageSeries[^1];
        var lastYear = s.SameMonthLastYear is { } y ? $"去年同期 {N(y)} 起（{Change(s.Cases, y)}）" : "去年同期无报送";
        html.Append(CultureInfo.InvariantCulture, $"""
            <section><h2>二、与同类站点及去年同期比较</h2>
            <p>本月案例 {N(s.Cases)} 起；同类（{E(s.Kind)}）{s.PeerCount} 个站点平均 {peerNow.ToString("0.0", CultureInfo.InvariantCulture)} 起，本站居第 {s.PeerRank} 位；{E(lastYear)}。</p>

            """);
        var months = Enumerable.Range(0, s.Series.Count).Select(i => month.Month.AddMonths(i + 1 - s.Series.Count).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var option = new
        {
            textStyle = ChartHtml.TextStyle,
            legend = new { top = 0 },
            grid = new { left = 40, right = 16, top = 30, bottom = 24 },
            xAxis = new { type = "category", data = months },
            yAxis = new { type = "value", name = "案例", minInterval = 1 },
            series = new object[]
            {
                new { name = "本站", type = "bar", data = s.Series, itemStyle = new { color = "#2e86de" } },
                new { name = "同类站点平均", type = "line", data = s.PeerAverageSeries, itemStyle = new { color = "#f46036" } },
            },
        };
        html.Append(ChartHtml.Chart("station-trend", option, "180mm", "60mm")).Append("</section>\n");
    }

    private static void Quality(StationSummary s, StringBuilder html)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>三、数据质量</h2>\n<p>报送状态：<b>{E(s.Status)}</b>");
        html.Append(s.Late ? "（本月数据随后续月份的文件补报）" : string.Empty).Append("。</p>\n");
        if (s.MissingCategories.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>近三个月报送过、本月未报送的品类：{E(string.Join("、", s.MissingCategories))}。</p>\n");
        }

        if (s.Quarantined.Count == 0)
        {
            html.Append("<p>本月报送文件中没有被隔离的该站数据行。</p></section>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>以下 {s.Quarantined.Count} 行未能导入（已隔离待核实）：</p>\n<table><tr><th>文件</th><th class=\"num\">行号</th><th>原因</th></tr>\n");
        foreach (var q in s.Quarantined)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(q.File)}</td><td class=\"num\">{q.Line}</td><td>{E(q.Reason)}</td></tr>\n");
        }

        html.Append("</table></section>\n");
    }

    private static void Warnings(StationMonth month, StationSummary s, StringBuilder html)
    {
        var categories = s.Rows.Select(r => r.CategoryCode).ToHashSet(StringComparer.Ordinal);
        var relevant = month.Warnings.Where(w => categories.Any(c => w.Covers(c, s.RegionCode))).ToList();
        html.Append("<section><h2>四、所涉品类和地区的预警</h2>\n");
        if (relevant.Count == 0)
        {
            html.Append("<p>本站报送的品类在本地区及全省均无有效预警。</p></section>\n");
            return;
        }

        html.Append("<table><tr><th>级别</th><th>产品类别</th><th>范围</th><th>提出月份</th><th>状态</th></tr>\n");
        foreach (var w in relevant)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{ReportStyle.LevelChip(w.Level)}</td><td>{E(w.Category)}</td><td>{E(w.Region)}</td><td>{w.FirstMonth:yyyy-MM}</td><td>{E(WarningStatusText.Label(w.Status))}</td></tr>\n");
        }

        html.Append("</table></section>\n");
    }
}
