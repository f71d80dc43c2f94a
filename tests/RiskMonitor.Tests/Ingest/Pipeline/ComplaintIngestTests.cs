using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Tests.Ingest.Pipeline;

public sealed class ComplaintIngestTests : IDisposable
{
    private readonly IngestBench _bench = new();

    public static TheoryData<FileFormat, HeaderStyle> Variants => TestFile.Variants();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ingest_Complaints_AccountsForEveryRowAndQuarantinesWithLineAndReason(FileFormat format, HeaderStyle headers)
    {
        var path = ComplaintRows.Write(_bench.Directory, format, headers);

        var result = _bench.Ingest(IngestSource.Complaints, path);

        var batch = _bench.AssertAccounted(result);
        (batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate).Should().Be((10L, 3L, 6L, 1L));
        var quarantine = _bench.Quarantine(result.BatchId);
        quarantine.Select(q => q.Line).Should().Equal(4, 5, 6, 7, 9, 11);
        string Name(string canonical) => headers == HeaderStyle.Chinese
            ? $"“{TestFile.ChineseHeader(IngestSource.Complaints, canonical)}”（{canonical}）"
            : $"“{canonical}”";
        quarantine[0].Reason.Should().Be($"字段{Name("received_at")}的值“2026-02-30”不是有效的日期时间");
        quarantine[1].Reason.Should().StartWith($"字段{Name("region")}的值“火星市”不是已知地区");
        quarantine[2].Reason.Should().Be($"缺少必填字段{Name("text")}");
        quarantine[3].Reason.Should().Be($"字段{Name("category")}的值“飞船”不在产品目录中");
        quarantine[4].Reason.Should().Be("编号“C2”与本文件第 3 行重复但内容不同，已保留第 3 行");
        quarantine[5].Reason.Should().Be($"字段{Name("online")}的值“也许”应为“是”或“否”");
        quarantine.Should().OnlyContain(q => q.RawText != null && q.RawText.StartsWith('C'));
        quarantine[4].RawText.Should().Contain("烧毁了车棚");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Ingest_Complaints_NormalisesWhatItLoads(FileFormat format, HeaderStyle headers)
    {
        var path = ComplaintRows.Write(_bench.Directory, format, headers);

        _bench.Ingest(IngestSource.Complaints, path);

        var rows = _bench.Query(
            """
            SELECT complaint_id, strftime(received_at, '%Y-%m-%d %H:%M:%S'), CAST(month AS VARCHAR), region_code, category_code, online,
                   array_to_string(hazards, ','), injury, death, complainant_name, complainant_phone, text, source_line
            FROM fact_complaint ORDER BY complaint_id
            """,
            r => string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i)?.ToString() ?? "∅")));
        rows.Should().Equal(
            "C1|2026-03-05 14:02:11|2026-03-01|420100|KA01|True|electric_shock|True|False|张*|138****5678|烧水时底座漏电，手被电击受伤，住院3天。|2",
            "C2|2026-03-06 00:00:00|2026-03-01|420500|EB01|False|fire|False|False|欧***|139****4321|充电时起火，所幸没有人员受伤。|3",
            "C7|2026-03-07 09:30:00|2026-03-01|420600|EL02|True|fire|False|False|李*|∅|插座冒烟，联系电话150****2222。|10");
    }

    [Fact]
    public void Ingest_SamePhoneWrittenDifferently_LinksTheComplainantAcrossFiles()
    {
        var first = TestFile.Write(_bench.Directory, "a", IngestSource.Complaints, FileFormat.CsvUtf8, HeaderStyle.Canonical,
            ComplaintRows.Columns, [ComplaintRows.Good1]);
        var second = TestFile.Write(_bench.Directory, "b", IngestSource.Complaints, FileFormat.Xlsx, HeaderStyle.Chinese,
            ComplaintRows.Columns, [["C9", "2026-04-01", "武汉市", "电热水壶", null, null, null, "电话", "否", "又坏了", "张先生", "+86 138-1234-5678"]]);

        _bench.Ingest(IngestSource.Complaints, first);
        _bench.Ingest(IngestSource.Complaints, second);

        _bench.Count("SELECT count(DISTINCT complainant_key) FROM fact_complaint").Should().Be(1);
        _bench.Count("SELECT count(*) FROM fact_complaint WHERE complainant_key IS NOT NULL").Should().Be(2);
    }

    public void Dispose() => _bench.Dispose();
}
