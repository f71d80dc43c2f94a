using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>What happens to a file and its rows across batches: re-sends, corrections, repeats inside one file.</summary>
public sealed class IngestLifecycleTests : IDisposable
{
    private readonly IngestBench _bench = new();

    private string Complaints(string name, params string?[][] rows) =>
        TestFile.Write(_bench.Directory, name, IngestSource.Complaints, FileFormat.CsvUtf8, HeaderStyle.Chinese, ComplaintRows.Columns, rows);

    [Theory]
    [InlineData(IngestSource.Complaints)]
    [InlineData(IngestSource.SpotChecks)]
    [InlineData(IngestSource.StationReports)]
    public void Ingest_SameFileTwice_LoadsItOnceAndSkipsTheSecond(IngestSource source)
    {
        var path = source switch
        {
            IngestSource.Complaints => ComplaintRows.Write(_bench.Directory, FileFormat.Xlsx, HeaderStyle.Chinese),
            IngestSource.SpotChecks => SpotCheckRows.Write(_bench.Directory, FileFormat.Xlsx, HeaderStyle.Chinese),
            _ => StationReportRows.Write(_bench.Directory, FileFormat.Xlsx, HeaderStyle.Chinese),
        };
        var first = _bench.Ingest(source, path);
        var facts = _bench.Count($"SELECT count(*) FROM {IngestBench.FactTable(source)}");

        var second = _bench.Ingest(source, path);

        second.Status.Should().Be(IngestStatus.Skipped);
        second.Message.Should().Contain($"已于批次 {first.BatchId} 导入");
        (second.Read, second.Loaded, second.Quarantined, second.Duplicate).Should().Be((0L, 0L, 0L, 0L));
        _bench.Batch(second.BatchId).Status.Should().Be("skipped");
        _bench.Count($"SELECT count(*) FROM {IngestBench.FactTable(source)}").Should().Be(facts);
        _bench.Count("SELECT count(*) FROM quarantine WHERE batch_id = $1", second.BatchId).Should().Be(0);
    }

    [Fact]
    public void Ingest_SameFileUnderAnotherName_IsAlsoSkipped()
    {
        var path = Complaints("a", ComplaintRows.Good1);
        var copy = _bench.Directory.File("copy-of-a.csv");
        File.Copy(path, copy);
        _bench.Ingest(IngestSource.Complaints, path);

        _bench.Ingest(IngestSource.Complaints, copy).Status.Should().Be(IngestStatus.Skipped);
    }

    [Fact]
    public void Ingest_ReSentRowWithAKnownKey_IsADuplicateEvenWithOtherContent()
    {
        _bench.Ingest(IngestSource.Complaints, Complaints("march", ComplaintRows.Good1, ComplaintRows.Good2));
        var corrected = ComplaintRows.Good1.Select((c, i) => i == 9 ? "更正：底座漏电" : c).ToArray();

        var result = _bench.Ingest(IngestSource.Complaints, Complaints("resend", ComplaintRows.Good2, corrected, ComplaintRows.Good7));

        _bench.AssertAccounted(result);
        (result.Read, result.Loaded, result.Quarantined, result.Duplicate, result.Replaced).Should().Be((3L, 1L, 0L, 2L, 0L));
        _bench.Scalar<string>("SELECT text FROM fact_complaint WHERE complaint_id = 'C1'").Should().StartWith("烧水时底座漏电");
        _bench.Count("SELECT count(*) FROM fact_complaint").Should().Be(3);
    }

    [Fact]
    public void Ingest_Replace_ReplacesKnownRowsAndCountsThem()
    {
        var march = _bench.Ingest(IngestSource.Complaints, Complaints("march", ComplaintRows.Good1, ComplaintRows.Good2));
        var corrected = ComplaintRows.Good1.Select((c, i) => i == 9 ? "更正：底座漏电" : c).ToArray();

        var result = _bench.Ingest(IngestSource.Complaints, Complaints("resend", corrected, ComplaintRows.Good7), new IngestOptions(Replace: true));

        _bench.AssertAccounted(result);
        (result.Read, result.Loaded, result.Quarantined, result.Duplicate, result.Replaced).Should().Be((2L, 2L, 0L, 0L, 1L));
        _bench.Batch(result.BatchId).RowsReplaced.Should().Be(1);
        _bench.Query("SELECT complaint_id, batch_id, text FROM fact_complaint ORDER BY complaint_id", r => (r.GetString(0), r.GetInt64(1), r.GetString(2)))
            .Should().Equal(("C1", result.BatchId, "更正：底座漏电"), ("C2", march.BatchId, "充电时起火，所幸没有人员受伤。"),
                ("C7", result.BatchId, "插座冒烟，联系电话150****2222。"));
    }

    [Fact]
    public void Ingest_SameKeyTwiceInOneFileWithOtherContent_KeepsTheFirstAndQuarantinesTheSecondAsAConflict()
    {
        var other = ComplaintRows.Good1.Select((c, i) => i == 2 ? "黄石市" : c).ToArray();

        var result = _bench.Ingest(IngestSource.Complaints, Complaints("conflict", ComplaintRows.Good1, ComplaintRows.Good2, other));

        _bench.AssertAccounted(result);
        (result.Loaded, result.Quarantined, result.Duplicate).Should().Be((2L, 1L, 0L));
        var conflict = _bench.Quarantine(result.BatchId).Single();
        conflict.Line.Should().Be(4);
        conflict.Reason.Should().Be("编号“C1”与本文件第 2 行重复但内容不同，已保留第 2 行");
        conflict.RawText.Should().Be("C1,2026-03-05 14:02:11,黄石市,电热水壶,佛山美电器有限公司,美电,MK-17,电话,是,烧水时底座漏电，手被电击受伤，住院3天。,张*,138****5678");
        _bench.Scalar<string>("SELECT region_code FROM fact_complaint WHERE complaint_id = 'C1'").Should().Be("420100");
    }

    [Fact]
    public void Ingest_SameRowTwiceInOneFile_IsADuplicateNotAConflict()
    {
        var result = _bench.Ingest(IngestSource.Complaints, Complaints("twice", ComplaintRows.Good1, ComplaintRows.Good1, ComplaintRows.Good1));

        _bench.AssertAccounted(result);
        (result.Loaded, result.Quarantined, result.Duplicate).Should().Be((1L, 0L, 2L));
    }

    [Fact]
    public void Ingest_SameRowWrittenInOtherFormsInOneFile_IsADuplicate()
    {
        // The same complaint exported twice by two systems: one writes 湖北省武汉市 and 2026/3/5 14:02:11, the other 武汉市 and ISO.
        var restyled = ComplaintRows.Good1.Select((c, i) => i switch { 1 => "2026/3/5 14:02:11", 2 => "湖北省武汉市", _ => c }).ToArray();

        var result = _bench.Ingest(IngestSource.Complaints, Complaints("restyled", ComplaintRows.Good1, restyled));

        (result.Loaded, result.Quarantined, result.Duplicate).Should().Be((1L, 0L, 1L));
    }

    [Fact]
    public async Task Ingest_ManyFilesThroughTheCommandLine_AccountsForEachFile()
    {
        var a = ComplaintRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese, "a");
        var b = ComplaintRows.Write(_bench.Directory, FileFormat.CsvGb18030, HeaderStyle.Canonical, "b");
        _bench.Close();

        var outcome = await App.CliHarness.Run("ingest", "complaints", a, b, "--db", _bench.Database);

        outcome.ExitCode.Should().Be(0, outcome.Error);
        outcome.Output.Should().Contain("a.csv").And.Contain("b.csv").And.Contain("6 行进入隔离区");
        var batches = _bench.Query("SELECT batch_id FROM ingest_batches ORDER BY batch_id", r => r.GetInt64(0));
        batches.Should().HaveCount(2);
        _bench.Batch(batches[0]).Status.Should().Be("loaded");
        var second = _bench.Batch(batches[1]);
        (second.Status, second.RowsRead, second.RowsLoaded, second.RowsQuarantined, second.RowsDuplicate).Should().Be(("loaded", 10L, 0L, 6L, 4L));
    }

    public void Dispose() => _bench.Dispose();
}
