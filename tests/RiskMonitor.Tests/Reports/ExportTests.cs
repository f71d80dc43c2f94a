using System.Text;
using ExcelDataReader;
using RiskMonitor.Core.Data;
using RiskMonitor.Reports.Exports;
using RiskMonitor.Tests.App;

namespace RiskMonitor.Tests.Reports;

[Collection(ReportsWarehouseGroup.Name)]
public sealed class ExportTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static readonly TableData Sample = TableData.Of("样表",
        [("text", "文本"), ("count", "数量"), ("day", "日期")],
        [
            ["=HYPERLINK(\"http://x\",\"点我\")", 3L, new DateOnly(2026, 10, 1)],
            ["+1+2", -4L, null],
            ["-2", 2.5, null],
            ["@SUM(A1)", 0L, null],
            ["普通文本, 含\"引号\"\n和换行", 1L, null],
        ]);

    [Fact]
    public void Csv_CellsThatWouldRunAsFormulas_AreNeutralisedAndTheRestQuoted()
    {
        using var stream = new MemoryStream();
        CsvTable.Write(Sample, stream);
        var bytes = stream.ToArray();

        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        text.Should().StartWith("文本,数量,日期\r\n");
        text.Should().Contain("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",3,2026-10-01\r\n");
        text.Should().Contain("'+1+2,-4,\r\n").And.Contain("'-2,2.5,\r\n").And.Contain("'@SUM(A1),0,\r\n");
        text.Should().Contain("\"普通文本, 含\"\"引号\"\"\n和换行\",1,\r\n");
    }

    [Fact]
    public void Xlsx_RoundTripsThroughAReader_WithNumbersAsNumbersAndTextAsText()
    {
        using var stream = new MemoryStream();
        XlsxTable.Write(Sample, stream, "样表");
        stream.Position = 0;

        using var reader = ExcelReaderFactory.CreateReader(stream);
        reader.Name.Should().Be("样表");
        reader.Read().Should().BeTrue();
        Enumerable.Range(0, 3).Select(reader.GetString).Should().Equal("文本", "数量", "日期");
        reader.Read().Should().BeTrue();
        reader.GetString(0).Should().Be("=HYPERLINK(\"http://x\",\"点我\")", "a typed text cell is never evaluated");
        reader.GetDouble(1).Should().Be(3);
        reader.GetString(2).Should().Be("2026-10-01");
    }

    [Fact]
    public async Task ExportCommand_Parquet_WritesEveryTableWithoutPersonalColumns()
    {
        var copy = warehouse.CopyTo(_dir.File("w"));
        var outcome = await CliHarness.Run("--db", copy, "export", "--format", "parquet", "--out", _dir.File("pq"));

        outcome.ExitCode.Should().Be(0, outcome.Error);
        using var db = DuckDbDatabase.Open(copy, new DuckDbOptions(ReadOnly: true));
        using var connection = db.Connect();
        var tables = connection.Query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'", r => r.GetString(0));
        tables.Should().Contain(["fact_complaint", "risk_assessments", "warnings", "quarantine"]);
        foreach (var table in tables)
        {
            var file = Path.Combine(_dir.File("pq"), table + ".parquet");
            File.Exists(file).Should().BeTrue(table);
            connection.ExecuteScalar<long>("SELECT count(*) FROM read_parquet($1)", file)
                .Should().Be(connection.ExecuteScalar<long>($"SELECT count(*) FROM \"{table}\""), table);
        }

        var complaintColumns = connection.Query("SELECT name FROM parquet_schema($1)", r => r.GetString(0), Path.Combine(_dir.File("pq"), "fact_complaint.parquet"));
        complaintColumns.Should().Contain("text").And.NotContain(c => c.StartsWith("complainant", StringComparison.Ordinal));
        connection.Query("SELECT name FROM parquet_schema($1)", r => r.GetString(0), Path.Combine(_dir.File("pq"), "quarantine.parquet"))
            .Should().Contain("reason").And.NotContain("raw_text");
        outcome.Output.Should().Contain($"已导出 {tables.Count} 张表");
    }

    [Fact]
    public async Task ExportCommand_OtherFormat_IsBadUsage() =>
        (await CliHarness.Run("export", "--format", "csv")).ExitCode.Should().Be(2);

    public void Dispose() => _dir.Dispose();
}
