using System.Globalization;
using System.Text;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using static RiskMonitor.Reports.Html.HtmlText;

namespace RiskMonitor.Reports.Monthly;

/// <summary>
/// The monthly report (月度风险监测报告) as a self-contained HTML page: the month's inputs, the assessed risks with their
/// levels and reasons, and the notices awaiting approval. Every text from the warehouse is HTML-encoded.
/// </summary>
public static class MonthlyReport
{
    public static string Render(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var culture = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        var title = $"湖北省工业产品质量安全风险监测月度报告（{month.Year}年{month.Month}月）";
        html.AppendLine(culture, $$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#1f2933}
            h1{font-size:1.5em;border-bottom:3px solid #b71c1c;padding-bottom:.3em} h2{font-size:1.2em;margin-top:1.6em}
            table{border-collapse:collapse;width:100%;font-size:.92em} th,td{border:1px solid #cbd2d9;padding:.35em .5em;text-align:left;vertical-align:top}
            th{background:#f0f4f8} .level{display:inline-block;color:#fff;border-radius:3px;padding:0 .5em;white-space:nowrap}
            .cards{display:flex;gap:1em;flex-wrap:wrap} .card{border:1px solid #cbd2d9;border-radius:4px;padding:.6em 1em;min-width:9em}
            .card b{display:block;font-size:1.6em} .note{color:#52606d;font-size:.9em}
            </style></head><body>
            <h1>{{E(title)}}</h1>
            """);
        Overview(connection, month, html);
        Risks(connection, month, html);
        Notices(connection, month, html);
        html.AppendLine(culture, $"<p class=\"note\">本报告由 RiskMonitor 自动生成；预警通知经审批后方可发布。</p></body></html>");
        return html.ToString();
    }

    public static string Write(DuckDbConnection connection, DateOnly month, string outputDirectory)
    {
        var directory = Path.Combine(outputDirectory, "reports", $"{month:yyyy-MM}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "monthly-report.html");
        File.WriteAllText(path + ".partial", Render(connection, month));
        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }

    private static void Overview(DuckDbConnection connection, DateOnly month, StringBuilder html)
    {
        var counts = connection.Query(
            """
            SELECT (SELECT count(*) FROM fact_complaint WHERE month = $1),
                   (SELECT count(*) FROM fact_complaint WHERE month = $1 AND len(hazards) > 0),
                   (SELECT count(*) FROM fact_spot_check WHERE month = $1),
                   (SELECT count(*) FROM fact_spot_check WHERE month = $1 AND NOT passed),
                   (SELECT count(DISTINCT station_id) FROM fact_station_report WHERE month = $1),
                   (SELECT coalesce(sum(injuries), 0) FROM fact_station_report WHERE month = $1),
                   (SELECT coalesce(sum(deaths), 0) FROM fact_station_report WHERE month = $1)
            """,
            r => Enumerable.Range(0, 7).Select(r.GetInt64).ToArray(), month).Single();
        string[] labels = ["投诉件数", "涉及安全危害的投诉", "监督抽查批次", "不合格批次", "报送月报的监测站", "报告受伤人数", "报告死亡人数"];
        html.AppendLine("<h2>一、本月数据概况</h2><div class=\"cards\">");
        for (var i = 0; i < labels.Length; i++)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"card\">{E(labels[i])}<b>{counts[i]:N0}</b></div>");
        }

        html.AppendLine("</div>");
    }

    private static void Risks(DuckDbConnection connection, DateOnly month, StringBuilder html)
    {
        var rows = connection.Query(
            """
            SELECT a.level, c.name, coalesce(r.name, '全省'), a.score, a.explanation
            FROM risk_assessments a JOIN dim_category c ON c.code = a.category_code LEFT JOIN dim_region r ON r.code = a.region_code
            WHERE a.month = $1 AND a.level > 0 ORDER BY a.level DESC, a.score DESC
            """,
            r => (Level: (WarningLevel)r.GetInt32(0), Category: r.GetString(1), Region: r.GetString(2), Score: r.GetDouble(3), Why: r.GetString(4)), month);
        html.AppendLine(CultureInfo.InvariantCulture, $"<h2>二、风险评估结果（{rows.Count} 项达到预警级别）</h2>");
        if (rows.Count == 0)
        {
            html.AppendLine("<p>本月未发现达到预警级别的风险。</p>");
            return;
        }

        html.AppendLine("<table><tr><th>预警级别</th><th>产品类别</th><th>地区</th><th>综合评分</th><th>评估依据</th></tr>");
        foreach (var r in rows)
        {
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td><span class=\"level\" style=\"background:{r.Level.ColourHex()}\">{E(r.Level.ChineseLabel())}</span></td><td>{E(r.Category)}</td><td>{E(r.Region)}</td><td>{r.Score:0.0}</td><td>{E(r.Why)}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Notices(DuckDbConnection connection, DateOnly month, StringBuilder html)
    {
        var rows = connection.Query(
            """
            SELECT n.notice_id, n.kind, n.level, n.title, n.status FROM notices n JOIN warnings w USING (warning_id)
            WHERE w.first_month = $1 ORDER BY n.level DESC, n.notice_id
            """,
            r => (Id: r.GetInt64(0), Kind: r.GetString(1), Level: (WarningLevel)r.GetInt32(2), Title: r.GetString(3), Status: r.GetString(4)), month);
        html.AppendLine(CultureInfo.InvariantCulture, $"<h2>三、预警通知（{rows.Count} 份）</h2>");
        if (rows.Count == 0)
        {
            html.AppendLine("<p>本月无新的预警通知。</p>");
            return;
        }

        html.AppendLine("<table><tr><th>编号</th><th>类型</th><th>级别</th><th>标题</th><th>状态</th></tr>");
        foreach (var r in rows)
        {
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{r.Id}</td><td>{E(r.Kind)}</td><td>{E(r.Level.ChineseLabel())}</td><td>{E(r.Title)}</td><td>{E(Warnings.Notices.NoticeDocument.StatusLabel(r.Status))}</td></tr>");
        }

        html.AppendLine("</table>");
    }
}
