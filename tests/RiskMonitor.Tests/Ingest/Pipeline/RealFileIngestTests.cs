using RiskMonitor.Tests.App;
using RiskMonitor.Tests.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>
/// The real public samples (shared/data/real) through the command line with the mappings documented in
/// docs/ingest-real-files.md. They are not Hubei data: the complaints get region 武汉市 and category 汽车及零部件 by default,
/// the national spot-check announcements region 省外 where they name no address.
/// </summary>
public sealed class RealFileIngestTests : IDisposable
{
    private const string RawComplaintMap = "id=complaint_id,datetime=received_at,desc=text,car_model=model";
    private const string ComplaintDefaults = "region=武汉市,category=汽车及零部件";

    private readonly IngestBench _bench = new();

    private static string Complaints(string file) => SharedData.Real("complaints-cn-12365auto", file);

    private static async Task<IngestBench> IngestWithCli(IngestBench bench, string source, string path, params string[] options)
    {
        bench.Close();
        var outcome = await CliHarness.Run(["ingest", source, path, .. options, "--db", bench.Database]);
        outcome.ExitCode.Should().Be(0, outcome.Error + outcome.Output);
        return bench;
    }

    [Fact]
    public async Task Ingest_MergedComplaints_LoadsEveryRowUnderTheDefaults()
    {
        await IngestWithCli(_bench, "complaints", Complaints("complaints-merged-utf8.csv"),
            "--map", "complaint_date=received_at,complaint_summary=text,car_series=model", "--default", ComplaintDefaults);

        var batch = _bench.Batch(1);
        (batch.Status, batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be(("loaded", 3090L, 3090L, 0L, 0L));
        _bench.Query("SELECT DISTINCT region_code || '/' || category_code FROM fact_complaint", r => r.GetString(0)).Should().Equal("420100/VE01");
        _bench.Query("SELECT strftime(month, '%Y-%m') || ':' || count(*) FROM fact_complaint GROUP BY month ORDER BY month", r => r.GetString(0))
            .Should().Equal("2020-06:1500", "2020-08:900", "2021-01:600", "2021-02:90");
        _bench.Scalar<string>("SELECT brand || '|' || model || '|' || text FROM fact_complaint WHERE complaint_id = '480795'")
            .Should().Be("东风日产|逍客|东风日产逍客变速箱报故障码P17F1");
        _bench.Count("SELECT count(*) FROM fact_complaint WHERE list_contains(hazards, 'fire')").Should().BePositive();
    }

    [Fact]
    public async Task Ingest_RawComplaintsInGb18030AndUtf8_LoadTheSameRows()
    {
        using var other = new IngestBench();
        await IngestWithCli(_bench, "complaints", Complaints("complaints-raw-utf8.csv"), "--map", RawComplaintMap, "--default", ComplaintDefaults);
        await IngestWithCli(other, "complaints", Complaints("complaints-raw-gb18030.csv"), "--map", RawComplaintMap, "--default", ComplaintDefaults);

        const string Rows = """
            SELECT complaint_id || '|' || strftime(received_at, '%Y-%m-%d %H:%M') || '|' || brand || '|' || model || '|' || text || '|' || source_line
            FROM fact_complaint ORDER BY complaint_id
            """;
        var utf8 = _bench.Query(Rows, r => r.GetString(0));
        var gb18030 = other.Query(Rows, r => r.GetString(0));
        utf8.Should().HaveCount(600).And.Equal(gb18030);
        foreach (var bench in new[] { _bench, other })
        {
            var batch = bench.Batch(1);
            (batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be((600L, 600L, 0L, 0L));
        }
    }

    [Fact]
    public async Task Ingest_RawExportAfterTheMergedFile_CountsEveryRowAsADuplicate()
    {
        await IngestWithCli(_bench, "complaints", Complaints("complaints-merged-utf8.csv"),
            "--map", "complaint_date=received_at,complaint_summary=text,car_series=model", "--default", ComplaintDefaults);
        await IngestWithCli(_bench, "complaints", Complaints("complaints-raw-gb18030.csv"), "--map", RawComplaintMap, "--default", ComplaintDefaults);

        var batch = _bench.Batch(2);
        (batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be((600L, 0L, 0L, 600L));
        _bench.Count("SELECT count(*) FROM fact_complaint").Should().Be(3090);
    }

    [Fact]
    public async Task Ingest_SpotCheckAnnouncements_QuarantinesWhatTheCatalogueAndRegionsDoNotCover()
    {
        await IngestWithCli(_bench, "spot-checks", SharedData.Real("spotcheck-cn-cqn-2019", "failed-items-2019.csv"),
            "--map", "seq=sample_id,title=task,publish_time=sampled_at,sampled_address=region,sample_name=product,company_name=producer",
            "--map", "company_address=producer_region,sampled_unit=seller,specification_type=spec,trademark=brand,factory_num=batch",
            "--map", "unqualified_item=failed_items,inspection_institution=lab",
            "--default", "result=不合格,region=省外");

        var batch = _bench.Batch(1);
        (batch.Status, batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be(("loaded", 385L, 0L, 385L, 0L));
        var quarantine = _bench.Quarantine(1).ToDictionary(q => q.Line);
        quarantine.Keys.Should().BeEquivalentTo(Enumerable.Range(2, 385).Select(l => (long)l));

        // Scraped rows with nothing but a title: no product to tell a category from.
        quarantine.Values.Count(q => q.Reason == "缺少必填字段“category”").Should().Be(154);

        // Food, drugs and medical devices are not in the product catalogue of this regulator.
        quarantine[2].Reason.Should().Be("缺少必填字段“category”，且无法从产品名称“福寿鱼”识别产品类别");
        quarantine.Values.Count(q => q.Reason.Contains("无法从产品名称", StringComparison.Ordinal)).Should().Be(231);

        // Medical-device rows are published shifted: the issuing bureau stands where the product name belongs.
        quarantine[17].Reason.Should().Be("缺少必填字段“category”，且无法从产品名称“河南省食品药品监督管理局”识别产品类别");
        quarantine.Values.Count(q => q.Reason.Contains("食品药品监督管理局”识别", StringComparison.Ordinal)).Should().Be(160);

        // Addresses in other provinces resolve to 省外; shop links and bare city names are no region at all.
        quarantine.Values.Count(q => q.Reason.Contains("（region）", StringComparison.Ordinal) || q.Reason.Contains("“region”", StringComparison.Ordinal))
            .Should().Be(18);
        quarantine[3].Reason.Should().NotContain("region", "广西壮族自治区北海市… is 省外");
        quarantine[10].Reason.Should().StartWith("字段“sampled_address”（region）的值“https://item.taobao.com/");
        quarantine[12].Reason.Should().StartWith("字段“sampled_address”（region）的值“福州市鼓楼区五四路162号”不是已知地区");
    }

    public void Dispose() => _bench.Dispose();
}
