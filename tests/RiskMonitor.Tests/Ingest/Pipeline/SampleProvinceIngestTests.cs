using System.Text.RegularExpressions;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>Six months of the generated province, every file through the runner: the flaws the generator plants, and only those, are set aside.</summary>
public sealed partial class SampleProvinceIngestTests : IDisposable
{
    private readonly IngestBench _bench = new();

    [Fact]
    public void Ingest_SixSmallMonths_AccountsForEveryFileAndQuarantinesOnlyThePlantedFlaws()
    {
        var summary = SampleProvince.Generate(new SampleOptions(_bench.Directory.File("sample"), Months: 6, Seed: 20260501, Scale: SampleScale.Small));
        summary.Files.Select(f => f.Encoding).Distinct().Should().BeEquivalentTo(["utf-8-bom", "gb18030", "xlsx"]);

        long read = 0, quarantined = 0;
        foreach (var file in summary.Files)
        {
            var result = _bench.Ingest(IngestSources.Parse(file.Source), file.Path);

            var batch = _bench.AssertAccounted(result);
            batch.RowsRead.Should().Be(file.Rows, file.Path);
            batch.RowsQuarantined.Should().BeLessThanOrEqualTo(Math.Max(3, file.Rows / 100), file.Path);
            foreach (var q in _bench.Quarantine(result.BatchId))
            {
                PlantedFlaw().IsMatch(q.Reason).Should().BeTrue($"{Path.GetFileName(file.Path)} line {q.Line}: {q.Reason} should be a planted flaw");
                q.RawText.Should().NotBeNullOrEmpty();
            }

            (read, quarantined) = (read + batch.RowsRead, quarantined + batch.RowsQuarantined);
        }

        quarantined.Should().BePositive();
        ((double)quarantined / read).Should().BeLessThan(0.01);
        _bench.Count("SELECT count(*) FROM ingest_batches WHERE status = 'loaded'").Should().Be(summary.Files.Count);
        _bench.Count("SELECT sum(rows_loaded) FROM ingest_batches WHERE source = 'complaints'")
            .Should().Be(_bench.Count("SELECT count(*) FROM fact_complaint"));
        _bench.Count("SELECT count(*) FROM dim_station").Should().BePositive();
        _bench.Count("SELECT count(*) FROM fact_spot_check_failed_item").Should().BePositive();
    }

    /// <summary>The generator's flaws: an empty required cell, an unknown region, an impossible date or month, a count in
    /// words, a reused key with other content.</summary>
    [GeneratedRegex("^(缺少必填字段“[^”]+”(（[a-z_]+）)?|字段“[^”]+”(（(region)）)?的值“(火星市|湖北省火星市|月球县|未知地区)”不是已知地区.*"
        + "|字段“[^”]+”(（(received_at|sampled_at|month)）)?的值“[^”]+”不是有效(的日期时间|日期|月份)"
        + "|字段“[^”]+”(（(cases|injuries)）)?的值“(三|两|若干|十几)”不是非负整数"
        + "|编号“[^”]+”与本文件第 \\d+ 行重复但内容不同，已保留第 \\d+ 行)$")]
    private static partial Regex PlantedFlaw();

    public void Dispose() => _bench.Dispose();
}
