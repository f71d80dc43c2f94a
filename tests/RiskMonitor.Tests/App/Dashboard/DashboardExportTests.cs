using System.Text.Json;
using System.Net;
using System.Text;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Tests.Reports;

namespace RiskMonitor.Tests.App.Dashboard;

/// <summary>Every table view downloads as CSV and XLSX from the real <c>serve</c>, neutralised, for the roles allowed.</summary>
[Collection(ReportsWarehouseGroup.Name)]
public sealed class DashboardExportTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Analyst_DownloadsEveryTableView_AsCsvAndXlsx_WithFormulaCellsNeutralised()
    {
        var path = warehouse.CopyTo(_dir.File("w"));
        using (var db = RiskWarehouse.Open(path))
        using (var connection = db.Connect())
        {
            connection.Execute("INSERT INTO quarantine VALUES (1, 888888, 'x', '=HYPERLINK(\"http://evil\",\"点我\")')");
        }

        await using var serve = await ServeProcess.Start(path, _dir.Path);
        using var analyst = new DashboardClient(serve.Address);
        var (name, password) = ServeProcess.Account(DashboardRoles.Analyst);
        (await analyst.SignIn(name, password)).Should().Be(HttpStatusCode.OK);

        foreach (var view in DataEndpoints.Tables.Keys)
        {
            var csv = await analyst.Get($"/api/export/{view}.csv");
            csv.StatusCode.Should().Be(HttpStatusCode.OK, view);
            csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
            csv.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith(view).And.EndWith(".csv");
            var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
            text.Should().StartWith("\uFEFF", "Excel needs the byte-order mark to read UTF-8 Chinese");

            var xlsx = await analyst.Get($"/api/export/{view}.xlsx");
            xlsx.StatusCode.Should().Be(HttpStatusCode.OK, view);
            var bytes = await xlsx.Content.ReadAsByteArrayAsync();
            bytes.Take(2).Should().Equal((byte)'P', (byte)'K');
        }

        var quarantine = await (await analyst.Get("/api/export/quarantine.csv?batch=1")).Content.ReadAsStringAsync();
        quarantine.Should().Contain("\"'=HYPERLINK(\"\"http://evil\"\"").And.NotContain(",=HYPERLINK");
        var risks = await (await analyst.Get("/api/export/risks.csv?level=4")).Content.ReadAsStringAsync();
        risks.Split('\n').Skip(1).Where(l => l.Length > 0).Should().OnlyContain(l => l.Contains("Ⅰ级"), "filters apply to downloads");
        // Producers: their own ranked view, and a producer filter on the risk list.
        using var producers = JsonDocument.Parse(await (await analyst.Get("/api/tables/producers")).Content.ReadAsStringAsync());
        var producerRows = producers.RootElement.GetProperty("rows").EnumerateArray().ToList();
        producerRows.Should().NotBeEmpty();
        var top = producerRows.First(r => r[1].GetInt32() > 0);
        var culprit = top[3].GetString()!;
        var category = top[4].GetString()!;
        // The risk list shows warned subjects, or with level=0 the rest: together, every subject.
        using var warned = JsonDocument.Parse(await (await analyst.Get($"/api/tables/risks?producer={Uri.EscapeDataString(culprit)}")).Content.ReadAsStringAsync());
        using var rest = JsonDocument.Parse(await (await analyst.Get($"/api/tables/risks?level=0&producer={Uri.EscapeDataString(culprit)}")).Content.ReadAsStringAsync());
        var filteredRows = warned.RootElement.GetProperty("rows").EnumerateArray().Concat(rest.RootElement.GetProperty("rows").EnumerateArray()).ToList();
        filteredRows.Should().NotBeEmpty($"{culprit} is named in its category's complaints or failures");
        filteredRows.Should().OnlyContain(r => r[4].GetString() == category, "only subjects whose complaints or failures name the producer");
        using var nobody = JsonDocument.Parse(await (await analyst.Get("/api/tables/risks?producer=%E6%97%A0%E6%AD%A4%E4%BC%81%E4%B8%9A")).Content.ReadAsStringAsync());
        nobody.RootElement.GetProperty("rows").GetArrayLength().Should().Be(0);

        (await analyst.Get("/api/export/nosuch.csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await analyst.Get("/api/export/risks.exe")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public void Dispose() => _dir.Dispose();
}
