using System.Globalization;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Reports.Stations;

namespace RiskMonitor.Tests.Reports;

[Collection(ReportsWarehouseGroup.Name)]
public sealed class StationReportTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void MonthlyCycle_EveryMonth_WritesAReportForEveryExpectedStationAndTheProvinceSummary()
    {
        using var db = warehouse.OpenReadOnly();
        using var connection = db.Connect();
        var expected = StationQueries.Load(connection, warehouse.LastMonth).Stations.Select(s => StationReports.FileName(s.StationId)).ToList();
        expected.Should().NotBeEmpty();

        for (var month = warehouse.LastMonth.AddMonths(1 - ReportsWarehouseFixture.Months); month <= warehouse.LastMonth; month = month.AddMonths(1))
        {
            var directory = Path.Combine(warehouse.OutputDirectory, "reports", month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            File.Exists(Path.Combine(directory, "province-summary.html")).Should().BeTrue($"the cycle of {month:yyyy-MM} writes the summary");
            Directory.GetFiles(Path.Combine(directory, "stations"), "*.html").Should().NotBeEmpty();
        }

        var last = Path.Combine(warehouse.OutputDirectory, "reports", warehouse.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), "stations");
        Directory.GetFiles(last, "*.html").Select(Path.GetFileName).Should().BeEquivalentTo(expected);
        File.Exists(Path.Combine(warehouse.OutputDirectory, "reports", "assets", "echarts.min.js")).Should().BeTrue("station pages load one shared copy of ECharts");
    }

    [Fact]
    public void StationPage_BusiestStation_ShowsItsFiguresPeersLastYearAndChartFromTheWarehouse()
    {
        using var db = warehouse.OpenReadOnly();
        using var connection = db.Connect();
        var month = warehouse.LastMonth;
        var (id, rows, cases) = connection.Query(
            "SELECT station_id, count(*), sum(cases) FROM fact_station_report WHERE month = $1 GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 1",
            r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2)), month).Single();
        var lastYear = connection.ExecuteScalar<long?>("SELECT sum(cases) FROM fact_station_report WHERE month = $1 AND station_id = $2", month.AddMonths(-12), id);
        var name = connection.ExecuteScalar<string>("SELECT name FROM dim_station WHERE station_id = $1", id)!;

        var data = StationQueries.Load(connection, month);
        var station = data.Stations.Single(s => s.StationId == id);
        var html = StationPage.Render(data, station);

        html.Should().Contain(name).And.Contain($"报送 {rows} 条，涉及案例 {cases:N0} 起");
        html.Should().Contain(lastYear is { } y ? $"去年同期 {y:N0} 起" : "去年同期无报送");
        html.Should().Contain($"同类（{station.Kind}）{station.PeerCount} 个站点平均").And.Contain("data-chart=\"station-trend\"");
        station.Series.Should().HaveCount(StationQueries.SeriesMonths).And.EndWith(cases);

        var summary = ProvinceSummaryPage.Render(data, s => StationReports.FileName(s.StationId));
        summary.Should().Contain($"应报站点 {data.Stations.Count} 个").And.Contain($"href=\"{StationReports.FileName(id)}\"");
    }

    [Fact]
    public void StationQueries_PlantedProblems_AreReportedAsLateMissingQuarantinedAndEncoded()
    {
        var month = warehouse.LastMonth;
        using var db = RiskWarehouse.Open(warehouse.CopyTo(_dir.File("copy")));
        using var connection = db.Connect();
        var stations = connection.Query("SELECT DISTINCT station_id FROM fact_station_report WHERE month = $1 ORDER BY 1", r => r.GetString(0), month);
        var (late, silent, noisy) = (stations[0], stations[1], stations[2]);
        var category = connection.ExecuteScalar<string>("SELECT category_code FROM fact_station_report WHERE month = $1 AND station_id = $2 LIMIT 1", month, noisy)!;

        // Late: the station's month arrives in next month's file. Missing: another station's month is gone.
        connection.Execute("INSERT INTO ingest_batches (batch_id, source, file_name, file_sha256, started_at, status) VALUES (9001, 'station-reports', 'late.csv', 'x', now(), 'loaded')");
        connection.Execute("UPDATE fact_station_report SET batch_id = 9001 WHERE month = $1 AND station_id = $2", month, late);
        connection.Execute(
            "INSERT INTO fact_station_report (station_id, batch_id, station_kind, region_code, month, category_code, description) SELECT station_id, 9001, station_kind, region_code, $2, category_code, '' FROM fact_station_report WHERE month = $1 AND station_id = $3 LIMIT 1",
            month, month.AddMonths(1), late);
        connection.Execute("DELETE FROM fact_station_report WHERE month = $1 AND station_id = $2", month, silent);
        connection.Execute("UPDATE fact_station_report SET description = '<script>alert(1)</script>' WHERE month = $1 AND station_id = $2", month, noisy);
        connection.Execute(
            "INSERT INTO quarantine VALUES ((SELECT min(batch_id) FROM fact_station_report WHERE month = $1 AND station_id = $2), 99999, $2 || ',x,y', '字段“cases”的值“<b>三</b>”不是非负整数')",
            month, noisy);
        connection.Execute(
            "INSERT INTO warnings VALUES (9001, 'category', $1, '', '', 4, 'proposed', $2, $2, now(), now())", category, month);

        var data = StationQueries.Load(connection, month);
        data.Stations.Single(s => s.StationId == late).Status.Should().Be("迟报");
        data.Stations.Single(s => s.StationId == silent).Status.Should().Be("未报送");
        var station = data.Stations.Single(s => s.StationId == noisy);
        station.Quarantined.Should().ContainSingle(q => q.Line == 99999);

        var html = StationPage.Render(data, station);
        html.Should().NotContain("<script>alert(1)").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.Should().NotContain("<b>三</b>").And.Contain("&lt;b&gt;三&lt;/b&gt;");
        html.Should().Contain("Ⅰ级（特别严重，红色）").And.Contain("待审批");
        var summary = ProvinceSummaryPage.Render(data, s => StationReports.FileName(s.StationId));
        summary.Should().Contain("迟报 1 个").And.Contain("未报送 1 个");
    }

    [Theory]
    [InlineData("01401", "01401.html")]
    [InlineData("../etc", "x2e2e2f657463.html")]
    public void FileName_KeepsPlainIdsAndHexEncodesTheRest(string id, string expected) => StationReports.FileName(id).Should().Be(expected);

    public void Dispose() => _dir.Dispose();
}
