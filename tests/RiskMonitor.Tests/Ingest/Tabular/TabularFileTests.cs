using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

public sealed class TabularFileTests
{
    private static readonly TabularReadOptions Defaults = new();

    [Fact]
    public void Open_WorkbookNamedCsv_IsReadAsXlsxByItsContent()
    {
        using var dir = new TempDirectory();
        var path = dir.File("export.csv");
        XlsxFixture.Write(path, ["编号", "名称"], ["1", "电饭煲"]);

        TabularFile.DetectKind(path).Should().Be(TabularFileKind.Xlsx);
        using var reader = TabularFile.Open(path, Defaults);

        reader.Should().BeOfType<ExcelTabularReader>();
        reader.ReadAll().Single().Cells.Should().Equal("1", "电饭煲");
    }

    [Fact]
    public void Open_CsvTextNamedXls_IsReadAsCsv()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("export.xls", "编号,名称\r\n1,电饭煲\r\n", TabularTestFiles.Gb18030);

        using var reader = TabularFile.Open(path, Defaults);

        reader.Should().BeOfType<CsvTabularReader>();
        reader.ReadAll().Single().Cells.Should().Equal("1", "电饭煲");
    }

    [Fact]
    public void Open_PlainCsv_IsReadAsCsv()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("a.csv", "编号,名称\n1,电饭煲\n");

        using var reader = TabularFile.Open(path, Defaults);

        reader.Should().BeOfType<CsvTabularReader>();
        reader.Encoding!.CodePage.Should().Be(65001);
    }

    [Fact]
    public void Open_OleCompoundFile_GoesToTheXlsReader()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("data.csv", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]]);

        TabularFile.DetectKind(path).Should().Be(TabularFileKind.Xls);
        var act = () => TabularFile.Open(path, Defaults);

        act.Should().Throw<TabularFormatException>().WithMessage("Excel 工作簿*已损坏*");
    }

    [Fact]
    public void Open_WebPageNamedXls_ThrowsSayingWhatItIs()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("report.xls", "<html><body><table><tr><td>编号</td></tr></table></body></html>");

        var act = () => TabularFile.Open(path, Defaults);

        act.Should().Throw<TabularFormatException>().WithMessage("*网页*");
    }

    [Fact]
    public void Open_TruncatedXlsx_ThrowsTabularFormatException()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.xlsx");
        XlsxFixture.Write(path, ["编号", "名称"], ["1", "电饭煲"]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 40)]);

        var act = () =>
        {
            using var reader = TabularFile.Open(path, Defaults);
            return reader.ReadAll();
        };

        act.Should().Throw<TabularFormatException>().WithMessage("*已损坏或不完整*");
    }

    [Fact]
    public void Open_TruncatedCsv_ThrowsTabularFormatException()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("cut.csv", "编号,描述\r\n1,\"只写了一半");

        var act = () =>
        {
            using var reader = TabularFile.Open(path, Defaults);
            return reader.ReadAll();
        };

        act.Should().Throw<TabularFormatException>().WithMessage("第 2 行*");
    }

    [Fact]
    public void Open_MissingFile_ThrowsInChinese()
    {
        using var dir = new TempDirectory();

        var act = () => TabularFile.Open(dir.File("missing.xlsx"), Defaults);

        act.Should().Throw<TabularFormatException>().WithMessage("文件不存在*missing.xlsx");
    }
}
