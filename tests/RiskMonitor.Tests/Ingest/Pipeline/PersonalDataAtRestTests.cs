using System.Text;
using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>After an ingest, no complainant's name or phone number is anywhere in the warehouse files in clear.</summary>
public sealed class PersonalDataAtRestTests : IDisposable
{
    private static readonly string[] Names = ["欧阳娜娜", "司马光明", "诸葛文静", "上官晓东"];

    private static readonly string[] Phones = ["13812345678", "13987654321", "15011112222", "18600001111", "02788886666", "88886666", "42010219900101123X"];

    private readonly IngestBench _bench = new();

    [Fact]
    public void Ingest_Complaints_LeavesNoNameOrPhoneInClearInTheWarehouseFiles()
    {
        // Uncompressed storage, so that a clear-text value would show in the file's bytes (a compressed one might not).
        using (var connection = _bench.Warehouse.Connect())
        {
            connection.ExecuteScript("SET GLOBAL force_compression = 'uncompressed'");
        }

        string?[][] rows =
        [
            ["P1", "2026-03-05 10:00", "武汉市", "电热水壶", null, null, null, "电话", "否", "水壶漏电，请回电13812345678。", "欧阳娜娜", "138-1234-5678"],
            ["P2", "2026-03-05 11:00", "宜昌市", "电暖器", null, null, null, "电话", "否", "取暖器冒烟，座机027-88886666，手机+86 150 1111 2222。", "司马光明", "+86 139 8765 4321"],
            ["P3", "2026-03-05 12:00", "火星市", "电暖器", null, null, null, "电话", "否", "身份证42010219900101123X，电话18600001111", "诸葛文静", "18600001111"],
            ["P2", "2026-03-05 11:00", "宜昌市", "电暖器", null, null, null, "电话", "否", "又冒烟了，电话15011112222", "上官晓东", "15011112222"],
        ];
        var path = TestFile.Write(_bench.Directory, "personal", IngestSource.Complaints, FileFormat.CsvUtf8, HeaderStyle.Chinese, ComplaintRows.Columns, rows);

        var result = _bench.Ingest(IngestSource.Complaints, path);

        (result.Loaded, result.Quarantined).Should().Be((2L, 2L));
        var stored = _bench.Query(
            "SELECT complaint_id, complainant_name, complainant_phone, text FROM fact_complaint ORDER BY 1", r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        stored.Should().Equal(
            ("P1", "欧***", "138****5678", "水壶漏电，请回电138****5678。"),
            ("P2", "司***", "139****4321", "取暖器冒烟，座机027-******66，手机+86 150 **** 2222。"));
        _bench.Quarantine(result.BatchId).Select(q => q.RawText).Should().Equal(
            "P3,2026-03-05 12:00,火星市,电暖器,,,,电话,否,身份证420102********123X，电话186****1111,诸***,186****1111",
            "P2,2026-03-05 11:00,宜昌市,电暖器,,,,电话,否,又冒烟了，电话150****2222,上***,150****2222");
        foreach (var needle in Names.Concat(Phones))
        {
            EveryTextColumnContaining(needle).Should().BeEmpty($"“{needle}” must not be stored in clear");
        }

        _bench.Close();
        var files = Directory.GetFiles(_bench.Directory.Path, "warehouse.duckdb*", SearchOption.AllDirectories);
        files.Should().Contain(_bench.Database);
        var bytes = files.Select(File.ReadAllBytes).ToList();
        bytes.Should().Contain(b => Contains(b, "水壶漏电，请回电138****5678"), "the scan must see stored text at all");
        foreach (var needle in Names.Concat(Phones))
        {
            bytes.Should().NotContain(b => Contains(b, needle), $"“{needle}” must not be in the warehouse files");
        }
    }

    private List<string> EveryTextColumnContaining(string needle)
    {
        var columns = _bench.Query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' AND data_type IN ('VARCHAR', 'VARCHAR[]')",
            r => (Table: r.GetString(0), Column: r.GetString(1)));
        return columns
            .Where(c => _bench.Count($"SELECT count(*) FROM \"{c.Table}\" WHERE CAST(\"{c.Column}\" AS VARCHAR) LIKE '%' || $1 || '%'", needle) > 0)
            .Select(c => $"{c.Table}.{c.Column}")
            .ToList();
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    public void Dispose() => _bench.Dispose();
}
