using System.Globalization;
using RiskMonitor.Reports.Charts;

namespace RiskMonitor.Reports.Briefing;

/// <summary>The briefing's ECharts options: plain data, no functions, so they travel as JSON.</summary>
public static class BriefingCharts
{
    public static object Trend(IReadOnlyList<TrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        object Line(string name, Func<TrendPoint, long> value, string colour, int axis = 0) => new
        {
            name,
            type = axis == 0 ? "line" : "bar",
            yAxisIndex = axis,
            data = points.Select(value).ToArray(),
            itemStyle = new { color = colour },
            lineStyle = new { width = 2 },
            barWidth = "45%",
            symbolSize = 5,
            z = axis == 0 ? 3 : 1,
        };

        return new
        {
            textStyle = ChartHtml.TextStyle,
            legend = new { top = 0, textStyle = ChartHtml.TextStyle },
            grid = new { left = 44, right = 52, top = 34, bottom = 26 },
            xAxis = new { type = "category", data = points.Select(p => p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray() },
            yAxis = new object[]
            {
                new { type = "value", name = "信号数", minInterval = 1 },
                new { type = "value", name = "投诉件数", minInterval = 1, splitLine = new { show = false } },
            },
            series = new[]
            {
                Line("投诉举报件数", p => p.Complaints, "#cbd2d9", axis: 1),
                Line("涉安全危害投诉", p => p.HazardComplaints, "#d7263d"),
                Line("监测站报告案例", p => p.StationCases, "#2e86de"),
                Line("抽查不合格批次", p => p.FailedSamples, "#f46036"),
            },
        };
    }

    public static object Heat(HeatMap heat)
    {
        ArgumentNullException.ThrowIfNull(heat);
        var max = Math.Max(1, heat.Cells.Select(c => c.Signals).DefaultIfEmpty(0).Max());
        return new
        {
            textStyle = ChartHtml.TextStyle,
            grid = new { left = 58, right = 64, top = 6, bottom = 92 },
            xAxis = new { type = "category", data = heat.Categories, axisLabel = new { rotate = 35, interval = 0, fontSize = 10 }, splitArea = new { show = true } },
            yAxis = new { type = "category", data = heat.Regions, inverse = true, axisLabel = new { interval = 0, fontSize = 10 }, splitArea = new { show = true } },
            visualMap = new
            {
                min = 0,
                max,
                orient = "vertical",
                right = 0,
                top = "middle",
                itemHeight = 150,
                text = new[] { "多", "少" },
                inRange = new { color = new[] { "#fff5eb", "#fdae6b", "#f46036", "#b71c1c" } },
            },
            // Zero cells are '-' (ECharts' empty value) so that the page shows where signals are, not a grid of zeros.
            series = new[]
            {
                new
                {
                    type = "heatmap",
                    data = heat.Cells.Select(c => new object[] { c.Category, c.Region, c.Signals == 0 ? "-" : c.Signals }).ToArray(),
                    label = new { show = true, fontSize = 9 },
                },
            },
        };
    }
}
