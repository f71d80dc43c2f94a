using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Tests.Ingest.Pipeline;

public sealed class StationReportIngestTests : IDisposable
{
    private readonly IngestBench _bench = new();

    public static TheoryData<FileFormat, HeaderStyle> Variants => TestFile.Variants();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ingest_StationReports_AccountsForEveryRowAndQuarantinesWithLineAndReason(FileFormat format, HeaderStyle headers)
    {
        var path = StationReportRows.Write(_bench.Directory, format, headers);

        var result = _bench.Ingest(IngestSource.StationReports, path);

        var batch = _bench.AssertAccounted(result);
        (batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be((10L, 4L, 5L, 1L));
        string Name(string canonical) => headers == HeaderStyle.Chinese
            ? $"“{TestFile.ChineseHeader(IngestSource.StationReports, canonical)}”（{canonical}）"
            : $"“{canonical}”";
        _bench.Quarantine(result.BatchId).Select(q => (q.Line, q.Reason)).Should().Equal(
            (5, $"字段{Name("station_kind")}的值“学校”不是企业、检验机构、医疗机构、12315 或行业协会"),
            (6, $"字段{Name("month")}的值“2026/13”不是有效月份"),
            (7, $"字段{Name("cases")}的值“三”不是非负整数"),
            (8, $"字段{Name("hazard")}的值“辐射”不在危害目录中"),
            (10, "编号“05301|2026-03-01|EB01|fire”与本文件第 2 行重复但内容不同，已保留第 2 行"));
        _bench.Query(
                """
                SELECT station_id || ':' || station_kind || ':' || region_code || ':' || CAST(month AS VARCHAR) || ':' || category_code || ':'
                       || hazard_code || ':' || cases || ':' || major
                FROM fact_station_report ORDER BY 1
                """, r => r.GetString(0))
            .Should().Equal(
                "01501:行业协会:420100:2026-03-01:EB03:fire:2:true",
                "04201:检验机构:420500:2026-03-01:EL02::0:false",
                "05301:医疗机构:420600:2026-03-01:EB01:fire:3:false",
                "05301:医疗机构:420600:2026-03-01:HE01:burn:1:false");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ingest_StationReports_UpsertsTheStationsWithTheirMonths(FileFormat format, HeaderStyle headers)
    {
        var march = StationReportRows.Write(_bench.Directory, format, headers);
        var april = TestFile.Write(_bench.Directory, "april", IngestSource.StationReports, format, headers, StationReportRows.Columns,
            [["05301", "襄阳市中心医院", "医疗机构", "襄阳市", "2026-04", "电动自行车", "火灾", "1", "1", "0", null, "否"]]);

        _bench.Ingest(IngestSource.StationReports, march);
        var stations = () => _bench.Query(
            "SELECT station_id || ':' || name || ':' || kind || ':' || region_code || ':' || first_month || ':' || last_month FROM dim_station ORDER BY 1",
            r => r.GetString(0));
        stations().Should().Equal(
            "01501:湖北省电动自行车行业协会:行业协会:420100:2026-03-01:2026-03-01",
            "04201:宜昌市产品质量监督检验所:检验机构:420500:2026-03-01:2026-03-01",
            "05301:襄阳市第一人民医院:医疗机构:420600:2026-03-01:2026-03-01");

        _bench.AssertAccounted(_bench.Ingest(IngestSource.StationReports, april));

        stations().Should().Contain("05301:襄阳市中心医院:医疗机构:420600:2026-03-01:2026-04-01").And.HaveCount(3);
    }

    public void Dispose() => _bench.Dispose();
}
