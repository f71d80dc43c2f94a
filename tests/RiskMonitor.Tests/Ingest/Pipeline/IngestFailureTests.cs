using System.Text;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>Files that must not load at all: a strict ingest with a bad row, and files that cannot be read.</summary>
public sealed class IngestFailureTests : IDisposable
{
    private readonly IngestBench _bench = new();

    [Theory]
    [InlineData(IngestSource.Complaints)]
    [InlineData(IngestSource.SpotChecks)]
    [InlineData(IngestSource.StationReports)]
    public void Ingest_StrictWithABadRow_LoadsNothingAndRecordsAFailedBatch(IngestSource source)
    {
        var path = source switch
        {
            IngestSource.Complaints => ComplaintRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese),
            IngestSource.SpotChecks => SpotCheckRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese),
            _ => StationReportRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese),
        };

        var result = _bench.Ingest(source, path, new IngestOptions(Strict: true));

        var batch = _bench.AssertFailedAndNothingLoaded(result);
        batch.Message.Should().MatchRegex(@"第 \d+ 行：.*（--strict 模式下整个文件不导入）");
        _bench.Count("SELECT count(*) FROM ingest_batches").Should().Be(1);
    }

    [Fact]
    public void Ingest_StrictWithOnlyGoodRows_Loads()
    {
        var path = TestFile.Write(_bench.Directory, "good", IngestSource.Complaints, FileFormat.Xlsx, HeaderStyle.Chinese,
            ComplaintRows.Columns, [ComplaintRows.Good1, ComplaintRows.Good2]);

        var result = _bench.Ingest(IngestSource.Complaints, path, new IngestOptions(Strict: true));

        _bench.AssertAccounted(result).RowsLoaded.Should().Be(2);
    }

    [Fact]
    public void Ingest_StrictAfterAFailure_CanLoadTheCorrectedFile()
    {
        var bad = ComplaintRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese);
        _bench.Ingest(IngestSource.Complaints, bad, new IngestOptions(Strict: true)).Failed.Should().BeTrue();

        // The failed batch does not count as loaded: the same file, now accepted with quarantine, loads.
        var again = _bench.Ingest(IngestSource.Complaints, bad);

        _bench.AssertAccounted(again).RowsLoaded.Should().Be(3);
    }

    public static TheoryData<string, string, string> Unreadable => new()
    {
        { "empty.csv", "", "空文件" },
        { "blank.csv", "\r\n\r\n   \r\n", "没有一行包含至少 2 个已知列名" },
        { "report.csv", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "没有一行包含至少 2 个已知列名" },
        { "page.xls", "<html><body><table><tr><td>登记编号</td></tr></table></body></html>", "网页" },
        { "missing.csv", "登记编号,登记时间,品牌\nC1,2026-03-05,美电\n", "文件缺少必需的列" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Ingest_FileThatCannotBeRead_FailsWithOneClearMessageAndLoadsNothing(string name, string content, string expected)
    {
        var path = _bench.Directory.File(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));

        var result = _bench.Ingest(IngestSource.Complaints, path);

        var batch = _bench.AssertFailedAndNothingLoaded(result);
        batch.Message.Should().Contain(expected).And.NotContain("\n").And.NotContain("   at ");
        batch.FileName.Should().Be(name);
    }

    [Fact]
    public void Ingest_TruncatedWorkbook_FailsWithOneClearMessageAndLoadsNothing()
    {
        var whole = ComplaintRows.Write(_bench.Directory, FileFormat.Xlsx, HeaderStyle.Chinese);
        var bytes = File.ReadAllBytes(whole);
        var truncated = _bench.Directory.File("truncated.xlsx");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        var result = _bench.Ingest(IngestSource.Complaints, truncated);

        _bench.AssertFailedAndNothingLoaded(result).Message.Should().Contain("truncated.xlsx").And.NotContain("\n");
    }

    [Fact]
    public void Ingest_MissingFile_FailsWithoutThrowing()
    {
        var result = _bench.Ingest(IngestSource.Complaints, _bench.Directory.File("nowhere.csv"));

        _bench.AssertFailedAndNothingLoaded(result).Message.Should().Contain("nowhere.csv");
    }

    [Fact]
    public void Ingest_UnknownCanonicalInMap_IsAUsageErrorAndRecordsNothing()
    {
        var path = ComplaintRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese);

        var act = () => _bench.Ingest(IngestSource.Complaints, path, new IngestOptions(Map: new Dictionary<string, string> { ["车型"] = "car_model" }));

        act.Should().Throw<RiskMonitor.Core.UsageException>().WithMessage("*car_model*");
        _bench.Count("SELECT count(*) FROM ingest_batches").Should().Be(0);
    }

    [Fact]
    public async Task IngestCommand_UnreadableFile_ExitsOneAndSaysWhy()
    {
        var path = _bench.Directory.File("empty.csv");
        await File.WriteAllTextAsync(path, string.Empty);
        _bench.Close();

        var outcome = await App.CliHarness.Run("ingest", "complaints", path, "--db", _bench.Database);

        outcome.ExitCode.Should().Be(1);
        outcome.Output.Should().Contain("empty.csv").And.Contain("空文件");
    }

    [Fact]
    public async Task IngestCommand_MalformedMapPair_ExitsTwo()
    {
        var path = ComplaintRows.Write(_bench.Directory, FileFormat.CsvUtf8, HeaderStyle.Chinese);
        _bench.Close();

        var outcome = await App.CliHarness.Run("ingest", "complaints", path, "--map", "登记时间", "--db", _bench.Database);

        outcome.ExitCode.Should().Be(2);
        outcome.Error.Should().Contain("--map").And.Contain("名称=值");
    }

    public void Dispose() => _bench.Dispose();
}
