using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

public sealed class ExcelTabularReaderTests
{
    private static readonly string[] Known = ["抽查编号", "抽查日期", "产品名称", "结论"];

    [Fact]
    public void Read_FirstSheet_GivesCellsAsText()
    {
        using var dir = new TempDirectory();
        var path = dir.File("spot.xlsx");
        XlsxFixture.Write(path,
            ["编号", "日期", "时间", "数量", "单价", "合格", "备注"],
            [1, new DateTime(2026, 3, 1), new DateTime(2026, 3, 1, 9, 30, 5), 1234567890123.0, 0.1, true, "  电动车  "],
            [2.0, new DateTime(2026, 3, 2), new DateTime(2026, 3, 2, 23, 59, 0), -5, 3.14, false, null]);

        using var reader = new ExcelTabularReader(path);
        var rows = reader.ReadAll();

        reader.Encoding.Should().BeNull();
        reader.Headers.Should().Equal("编号", "日期", "时间", "数量", "单价", "合格", "备注");
        rows[0].Cells.Should().Equal("1", "2026-03-01", "2026-03-01 09:30:05", "1234567890123", "0.1", "是", "电动车");
        rows[1].Cells.Should().Equal("2", "2026-03-02", "2026-03-02 23:59:00", "-5", "3.14", "否", "");
        rows[1].RawText.Should().Be("2,2026-03-02,2026-03-02 23:59:00,-5,3.14,否");
    }

    [Fact]
    public void Read_TitleRowsAndGaps_SkipsToTheHeaderAndKeepsSheetRowNumbers()
    {
        using var dir = new TempDirectory();
        var path = dir.File("titled.xlsx");
        XlsxFixture.Write(path,
            null,
            ["2026年第一季度监督抽查结果"],
            null,
            ["抽查编号", "\u3000抽查日期", "产品名称 ", "结论"],
            ["CC001", new DateTime(2026, 1, 5), "电热水壶", "不合格"],
            null,
            null,
            ["CC002", new DateTime(2026, 2, 9), "儿童服装"]);

        using var reader = new ExcelTabularReader(path, new TabularReadOptions(KnownHeaders: Known));
        var rows = reader.ReadAll();

        reader.HeaderLine.Should().Be(4);
        reader.Headers.Should().Equal(Known);
        rows.Select(r => r.Line).Should().Equal(5, 8);
        rows[1].Cells.Should().Equal("CC002", "2026-02-09", "儿童服装", "");
        rows[1].RawText.Should().Be("CC002,2026-02-09,儿童服装");
        reader.Progress.Should().Be(1.0);
    }

    [Fact]
    public void Open_NoKnownHeader_ThrowsNamingTheSheet()
    {
        using var dir = new TempDirectory();
        var path = dir.File("none.xlsx");
        XlsxFixture.Write(path, ["标题"], ["甲", "乙"]);

        var act = () => new ExcelTabularReader(path, new TabularReadOptions(KnownHeaders: Known));

        act.Should().Throw<TabularFormatException>().WithMessage("未找到表头*none.xlsx*Sheet1*");
    }

    [Fact]
    public void Open_SheetByName_ReadsThatSheet()
    {
        using var dir = new TempDirectory();
        var path = dir.File("two.xlsx");
        XlsxFixture.Write(path,
            new XlsxSheet("说明", [["本表为抽查结果"]]),
            new XlsxSheet("抽查结果", [["抽查编号", "结论"], ["CC009", "合格"]]));

        using var reader = new ExcelTabularReader(path, new TabularReadOptions(Sheet: "抽查结果"));

        reader.SheetName.Should().Be("抽查结果");
        reader.ReadAll().Single().Cells.Should().Equal("CC009", "合格");
    }

    [Fact]
    public void Open_UnknownSheet_ThrowsListingTheSheets()
    {
        using var dir = new TempDirectory();
        var path = dir.File("two.xlsx");
        XlsxFixture.Write(path,
            new XlsxSheet("说明", [["x", "y"]]),
            new XlsxSheet("抽查结果", [["抽查编号", "结论"]]));

        var act = () => new ExcelTabularReader(path, new TabularReadOptions(Sheet: "投诉"));

        act.Should().Throw<TabularFormatException>().WithMessage("*没有名为“投诉”的工作表*“说明”、“抽查结果”*");
    }

    [Fact]
    public void Open_TruncatedWorkbook_ThrowsTabularFormatException()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.xlsx");
        XlsxFixture.Write(path, ["抽查编号", "结论"], ["CC001", "合格"]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var act = () =>
        {
            using var reader = new ExcelTabularReader(path);
            return reader.ReadAll();
        };

        act.Should().Throw<TabularFormatException>().WithMessage("Excel 工作簿“cut.xlsx”已损坏或不完整*");
    }

    [Fact]
    public void Open_DamagedXls_ThrowsTabularFormatException()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteBytes("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]]);

        var act = () => new ExcelTabularReader(path);

        act.Should().Throw<TabularFormatException>().WithMessage("Excel 工作簿“old.xls”已损坏*");
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(100.0, "100")]
    [InlineData(-42.0, "-42")]
    [InlineData(0.1, "0.1")]
    [InlineData(3.14, "3.14")]
    [InlineData(0.000012, "0.000012")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(0.0, "0")]
    public void FormatNumber_WritesInvariantDigitsWithoutExponentOrTrailingZero(double value, string expected) =>
        ExcelCellText.FormatNumber(value).Should().Be(expected);

    [Fact]
    public void Format_OtherCellValues_FollowTheConventions()
    {
        ExcelCellText.Format(null).Should().BeEmpty();
        ExcelCellText.Format(true).Should().Be("是");
        ExcelCellText.Format(false).Should().Be("否");
        ExcelCellText.Format(new DateTime(2026, 3, 1)).Should().Be("2026-03-01");
        ExcelCellText.Format(new DateTime(2026, 3, 1, 0, 0, 1)).Should().Be("2026-03-01 00:00:01");
        ExcelCellText.Format(7).Should().Be("7");
        ExcelCellText.Format(" 文本\u3000").Should().Be("文本");
    }
}
