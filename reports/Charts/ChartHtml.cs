using System.Text;
using RiskMonitor.Reports.Html;

namespace RiskMonitor.Reports.Charts;

/// <summary>
/// Charts in a self-contained report page: each chart is an empty box plus its ECharts option as inert JSON; one small
/// script, after the inlined library, draws them all as SVG with animation off, so print and PDF capture the final frame.
/// </summary>
public static class ChartHtml
{
    /// <summary>Shared by every chart: the Chinese font the PDF embeds.</summary>
    public const string FontFamily = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif";

    private const string Bootstrap = """
        (function () {
          var boxes = document.querySelectorAll('[data-chart]');
          for (var i = 0; i < boxes.length; i++) {
            var box = boxes[i];
            var option = JSON.parse(document.getElementById('chart-' + box.getAttribute('data-chart')).textContent);
            option.animation = false;
            echarts.init(box, null, { renderer: 'svg' }).setOption(option);
          }
          document.documentElement.setAttribute('data-charts', 'ready');
        })();
        """;

    /// <summary>The chart's box and its option. <paramref name="id"/> is an ASCII identifier chosen by the caller.</summary>
    public static string Chart(string id, object option, string widthCss, string heightCss)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("chart ids are ASCII letters, digits and hyphens", nameof(id));
        }

        return $"<div class=\"chart\" data-chart=\"{id}\" style=\"width:{widthCss};height:{heightCss}\"></div>\n" +
            $"<script type=\"application/json\" id=\"chart-{id}\">{HtmlText.ScriptData(option)}</script>\n";
    }

    /// <summary>
    /// The ECharts library and the drawing script; place once at the end of the body. The library is inlined, or, for pages
    /// written many at a time, loaded from <paramref name="librarySource"/>: a relative path to a copy beside them.
    /// </summary>
    public static string Scripts(string? librarySource = null)
    {
        var html = new StringBuilder();
        if (librarySource is null)
        {
            html.Append("<script>").Append(EChartsAsset.Script).Append("</script>\n");
        }
        else
        {
            html.Append("<script src=\"").Append(HtmlText.E(librarySource)).Append("\"></script>\n");
        }

        html.Append("<script>").Append(Bootstrap).Append("</script>\n");
        return html.ToString();
    }

    /// <summary>The text style every chart uses.</summary>
    public static object TextStyle => new { fontFamily = FontFamily };
}
