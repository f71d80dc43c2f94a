using System.Globalization;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Briefing;

namespace RiskMonitor.Tests.Reports;

[Collection(ReportsWarehouseGroup.Name)]
public sealed class BriefingReportTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Briefing_LastMonth_PrintsOneToThreeInkedPagesWhoseTextHoldsHeadingsFiguresAndChartLabels()
    {
        long complaints, hazardComplaints;
        BriefingFiles files;
        using (var db = warehouse.OpenReadOnly())
        using (var connection = db.Connect())
        {
            complaints = connection.ExecuteScalar<long>("SELECT count(*) FROM fact_complaint WHERE month = $1", warehouse.LastMonth);
            hazardComplaints = connection.ExecuteScalar<long>("SELECT count(*) FROM fact_complaint WHERE month = $1 AND len(hazards) > 0", warehouse.LastMonth);
            files = BriefingReport.Write(connection, warehouse.LastMonth, _dir.File("out"));
        }

        files.Pdf.Should().EndWith(Path.Combine("reports", warehouse.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), "briefing.pdf"));
        File.Exists(files.Html).Should().BeTrue();
        PdfProbe.Pages(files.Pdf).Should().BeInRange(1, 3, "a leadership briefing is one to three pages");

        var pages = PdfProbe.Render(files.Pdf, Directory.CreateDirectory(_dir.File("pages")).FullName);
        pages.Should().NotBeEmpty();
        foreach (var page in pages)
        {
            page.Variance.Should().BeGreaterThan(200, "a blank page has (almost) no variance");
            page.InkShare.Should().BeGreaterThan(0.02);
        }

        var text = PdfProbe.Text(files.Pdf);
        text.Should().Contain("湖北省产品质量安全风险监测领导专报")
            .And.Contain($"{warehouse.LastMonth.Year}年{warehouse.LastMonth.Month}月")
            .And.Contain("一、本月总体情况").And.Contain("二、预警情况").And.Contain("三、重点关注的风险")
            .And.Contain("四、关键信号趋势").And.Contain("五、地区×品类风险信号分布").And.Contain("六、不合格产品后处置跟进");
        text.Should().Contain("投诉举报件数" + complaints.ToString("N0", CultureInfo.InvariantCulture), "the headline complaint count is the month's rows");
        text.Should().Contain("涉安全危害投诉" + hazardComplaints.ToString("N0", CultureInfo.InvariantCulture));
        // Only the charts print these: the heat map's last division and the trend chart's axis name.
        text.Should().Contain("神农架").And.Contain("信号数");
    }

    [Fact]
    public void Briefing_Html_InlinesEChartsAndEncodesTextFromTheWarehouse()
    {
        var copy = warehouse.CopyTo(_dir.File("copy"));
        using var db = RiskWarehouse.Open(copy);
        using var connection = db.Connect();
        connection.Execute(
            """
            INSERT INTO risk_assessments (assessment_id, month, subject_kind, category_code, region_code, rule_level, level, score,
                                          factors, explanation, created_at)
            VALUES (nextval('seq_assessment_id'), $1, 'category', '<script>alert(1)</script>', '', 4, 4, 99, 'not json',
                    '有人写了<img src=x onerror=alert(2)>；其余', now())
            """,
            warehouse.LastMonth);

        var html = BriefingPage.Render(BriefingQueries.Load(connection, warehouse.LastMonth), DateTimeOffset.UnixEpoch);

        html.Should().NotContain("<script>alert(1)").And.NotContain("<img src=x");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("有人写了&lt;img src=x onerror=alert(2)&gt;。");
        html.Should().NotContain("src=\"http").And.NotContain("href=\"http", "the page must render offline");
        html.Should().Contain("echarts.init(box, null, { renderer: 'svg' })").And.Contain("option.animation = false");
        html.Length.Should().BeGreaterThan(1_000_000, "ECharts itself is inlined");
    }

    [Fact]
    public void Demo_PrintsWhereItsBriefingWent()
    {
        var line = warehouse.DemoOutput.Split('\n').Single(l => l.StartsWith("领导专报：", StringComparison.Ordinal));
        var pdf = line["领导专报：".Length..].Trim();
        File.Exists(pdf).Should().BeTrue();
        File.Exists(Path.ChangeExtension(pdf, ".html")).Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"Inputs\":{\"Signal\":17,\"Baseline\":2.0,\"Ratio\":8.5,\"Deaths\":0,\"Injuries\":3,\"ElevatedMonths\":2}}", "监测报告受伤3人，本月涉安全投诉和报告17起，约为往常的8.5倍，已连续2个月偏高。")]
    [InlineData("{\"Inputs\":{\"Signal\":4,\"Baseline\":null,\"Ratio\":0}}", "本月涉安全投诉和报告4起。")]
    [InlineData("{broken", "发生频率3（危害信号5）。")]
    [InlineData(null, "发生频率3（危害信号5）。")]
    public void PlainReason_FromStoredFactors_ReadsAsOnePlainSentence(string? factors, string expected) =>
        PlainReason.From(factors, "发生频率3（危害信号5）；紧急程度2").Should().Be(expected);

    public void Dispose() => _dir.Dispose();
}
