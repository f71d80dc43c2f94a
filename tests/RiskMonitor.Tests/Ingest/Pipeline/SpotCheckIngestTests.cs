using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;
using RiskMonitor.Ingest.Sources;

namespace RiskMonitor.Tests.Ingest.Pipeline;

public sealed class SpotCheckIngestTests : IDisposable
{
    private readonly IngestBench _bench = new();

    public static TheoryData<FileFormat, HeaderStyle> Variants => TestFile.Variants();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ingest_SpotChecks_AccountsForEveryRowAndQuarantinesWithLineAndReason(FileFormat format, HeaderStyle headers)
    {
        var path = SpotCheckRows.Write(_bench.Directory, format, headers);

        var result = _bench.Ingest(IngestSource.SpotChecks, path);

        var batch = _bench.AssertAccounted(result);
        (batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be((9L, 4L, 4L, 1L));
        string Name(string canonical) => headers == HeaderStyle.Chinese
            ? $"“{TestFile.ChineseHeader(IngestSource.SpotChecks, canonical)}”（{canonical}）"
            : $"“{canonical}”";
        _bench.Quarantine(result.BatchId).Select(q => (q.Line, q.Reason)).Should().Equal(
            (5, $"字段{Name("sampled_at")}的值“2025-13-01”不是有效日期"),
            (6, $"字段{Name("result")}的值“待定”应为“合格”或“不合格”"),
            (7, $"缺少必填字段{Name("category")}，且无法从产品名称“福寿鱼”识别产品类别"),
            (9, "编号“S2”与本文件第 3 行重复但内容不同，已保留第 3 行"));
        _bench.Query("SELECT sample_id || ':' || region_code || ':' || category_code || ':' || passed FROM fact_spot_check ORDER BY 1", r => r.GetString(0))
            .Should().Equal("S1:420100:KA01:true", "S2:420500:EL02:false", "S3:420900:TY01:true", "S7:990000:HE01:false");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ingest_FailedItems_AreSplitOnEverySeparatorAndClassedSafetyOrLabelling(FileFormat format, HeaderStyle headers)
    {
        var path = SpotCheckRows.Write(_bench.Directory, format, headers);

        _bench.Ingest(IngestSource.SpotChecks, path);

        _bench.Query("SELECT sample_id, item, safety_related FROM fact_spot_check_failed_item ORDER BY sample_id, item",
                r => (r.GetString(0), r.GetString(1), r.GetBoolean(2)))
            .Should().BeEquivalentTo(new[]
            {
                ("S2", "标签标识", false), ("S2", "耐热和耐燃", true), ("S2", "电源连接和外部软线", true), ("S2", "说明书", false),
                ("S2", "输入功率和电流", true), ("S7", "标志和说明", false),
            });
    }

    [Theory]
    [InlineData("中文标识", true)]
    [InlineData("使用说明", true)]
    [InlineData("警示标志", true)]
    [InlineData("产品合格证", true)]
    [InlineData("耐热和耐燃", false)]
    [InlineData("对触及带电部件的防护", false)]
    [InlineData("甲醛含量", false)]
    public void IsLabellingOnly_TellsLabellingItemsFromSafetyItems(string item, bool labelling)
    {
        SpotCheckSchema.IsLabellingOnly(item).Should().Be(labelling);
    }

    [Fact]
    public void Ingest_ReplacedSample_ReplacesItsFailedItemsToo()
    {
        var first = SpotCheckRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Canonical);
        var corrected = TestFile.Write(_bench.Directory, "corrected", IngestSource.SpotChecks, FileFormat.CsvUtf8, HeaderStyle.Canonical,
            SpotCheckRows.Columns, [SpotCheckRows.Failed.Select((c, i) => i == 15 ? "输入功率和电流" : c).ToArray()]);
        _bench.Ingest(IngestSource.SpotChecks, first);

        var result = _bench.Ingest(IngestSource.SpotChecks, corrected, new IngestOptions(Replace: true));

        _bench.AssertAccounted(result);
        (result.Loaded, result.Replaced).Should().Be((1L, 1L));
        _bench.Query("SELECT item FROM fact_spot_check_failed_item WHERE sample_id = 'S2'", r => r.GetString(0)).Should().Equal("输入功率和电流");
        _bench.Count("SELECT count(*) FROM fact_spot_check WHERE sample_id = 'S2'").Should().Be(1);
    }

    public void Dispose() => _bench.Dispose();
}
