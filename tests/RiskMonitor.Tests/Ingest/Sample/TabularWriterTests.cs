using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using RiskMonitor.Core.Data;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Sample;

public sealed class TabularWriterTests
{
    private static readonly string?[][] TrickyRows =
    [
        ["编号", "名称", "描述"],
        ["007", "含,逗号", "他说\"起火了\""],
        ["0420", "多行\r\n文本", "单换行\n继续"],
        ["1", null, "  首尾空格  "],
        ["12315-202603-000123", "<&>", ""],
    ];

    [Fact]
    public void Csv_QuotedCells_ReadBackIdenticallyByDuckDb()
    {
        using var dir = new TempDirectory();
        var path = dir.File("tricky.csv");
        WriteAll(TabularWriters.Create(path), TrickyRows);

        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using var connection = database.Connect();
        var rows = connection.Query(
            "SELECT * FROM read_csv($1, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')",
            r => Enumerable.Range(0, r.FieldCount).Select(r.GetStringOrNull).ToArray(), path);

        rows.Should().HaveCount(TrickyRows.Length - 1);
        for (var i = 1; i < TrickyRows.Length; i++)
        {
            rows[i - 1].Select(c => c ?? string.Empty).Should().Equal(TrickyRows[i].Select(c => c ?? string.Empty), $"row {i}");
        }
    }

    [Fact]
    public void Csv_DefaultEncoding_IsUtf8WithBomAndCrlf()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.csv");
        WriteAll(TabularWriters.Create(path), [["区域", "件数"], ["武汉市", "3"]]);

        var bytes = File.ReadAllBytes(path);
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Be("区域,件数\r\n武汉市,3\r\n");
    }

    [Fact]
    public void Csv_Gb18030WithTitle_WritesTitleLineThenRowsInThatEncoding()
    {
        using var dir = new TempDirectory();
        var path = dir.File("gb.csv");
        WriteAll(TabularWriters.Create(path, TabularWriters.Gb18030, "投诉信息导出"), TrickyRows);

        var text = TabularWriters.Gb18030.GetString(File.ReadAllBytes(path));
        var records = SimpleCsv.Parse(text);
        records[0].Should().Equal("投诉信息导出");
        records.Skip(1).Should().HaveCount(TrickyRows.Length);
        records[2].Should().Equal("007", "含,逗号", "他说\"起火了\"");
        records[3].Should().Equal("0420", "多行\r\n文本", "单换行\n继续");
    }

    [Fact]
    public void Xlsx_ReadByExcelDataReader_KeepsTextLeadingZerosAndTitle()
    {
        using var dir = new TempDirectory();
        var path = dir.File("tricky.xlsx");
        WriteAll(TabularWriters.Create(path, title: "2026年3月抽查结果"), TrickyRows);

        var rows = ReadXlsx(path);

        rows[0][0].Should().Be("2026年3月抽查结果");
        rows.Should().HaveCount(TrickyRows.Length + 1);
        for (var i = 0; i < TrickyRows.Length; i++)
        {
            rows[i + 1].Select(c => c ?? string.Empty).Should().Equal(TrickyRows[i].Select(c => c ?? string.Empty), $"row {i}");
        }
    }

    [Fact]
    public void Xlsx_SameRows_GiveIdenticalBytes()
    {
        using var dir = new TempDirectory();
        WriteAll(TabularWriters.Create(dir.File("a.xlsx")), TrickyRows);
        WriteAll(TabularWriters.Create(dir.File("b.xlsx")), TrickyRows);

        File.ReadAllBytes(dir.File("a.xlsx")).Should().Equal(File.ReadAllBytes(dir.File("b.xlsx")));
    }

    [Fact]
    public void Create_UnknownExtension_IsRefused()
    {
        using var dir = new TempDirectory();
        var act = () => TabularWriters.Create(dir.File("a.txt"));
        act.Should().Throw<TabularFormatException>();
    }

    [Fact]
    public void Xlsx_IsValidSpreadsheetMl()
    {
        using var dir = new TempDirectory();
        var path = dir.File("valid.xlsx");
        WriteAll(TabularWriters.Create(path, title: "标题"), TrickyRows);

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}").Should().BeEmpty();
    }

    internal static List<string?[]> ReadXlsx(string path)
    {
        // ExcelDataReader looks up code page 1252 even for .xlsx.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString()).ToArray());
        }

        return rows;
    }

    private static void WriteAll(ITabularWriter writer, IEnumerable<string?[]> rows)
    {
        using (writer)
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }
    }
}
