using System.Text;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

public sealed class CsvHeaderAndEncodingTests
{
    private static readonly string[] Known = ["投诉编号", "投诉日期", "被投诉单位", "投诉内容"];

    private const string TitledComplaints =
        "2026年3月投诉明细\r\n" +
        "制表单位：武汉市市场监督管理局,,,\r\n" +
        "\r\n" +
        "\uFEFF投诉编号,\u3000投诉日期\u3000, 被投诉单位 ,投诉内容\r\n" +
        "TS001,2026-03-01,武汉某商贸有限公司,\"充电宝鼓包，\r\n要求退货\"\r\n" +
        "TS002,2026-03-02,襄阳某超市,过期食品\r\n";

    [Fact]
    public void Open_WithKnownHeaders_SkipsTitleRowsAboveTheHeader()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("titled.csv", TitledComplaints);

        using var reader = new CsvTabularReader(path, new TabularReadOptions(KnownHeaders: Known));
        var rows = reader.ReadAll();

        reader.HeaderLine.Should().Be(4);
        reader.Headers.Should().Equal("投诉编号", "投诉日期", "被投诉单位", "投诉内容");
        rows.Select(r => (r.Line, r.Cells[0])).Should().Equal((5, "TS001"), (7, "TS002"));
        rows[0].Cells[3].Should().Be("充电宝鼓包，\r\n要求退货");
    }

    [Fact]
    public void Open_WithoutKnownHeaders_TakesTheFirstNonBlankRow()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("titled.csv", "\r\n" + TitledComplaints);

        using var reader = new CsvTabularReader(path);

        reader.HeaderLine.Should().Be(2);
        reader.Headers.Should().Equal("2026年3月投诉明细");
        reader.TryRead(out var row).Should().BeTrue();
        row.Line.Should().Be(3);
    }

    [Fact]
    public void Open_TitleMatchingOneKnownHeader_IsNotTakenForTheHeader()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("one.csv", "投诉内容\r\n投诉编号,投诉日期\r\nTS1,2026-01-01\r\n");

        using var reader = new CsvTabularReader(path, new TabularReadOptions(KnownHeaders: Known));

        reader.HeaderLine.Should().Be(2);
    }

    [Fact]
    public void Open_NoKnownHeaderInTheFirstTwentyRows_Throws()
    {
        using var dir = new TempDirectory();
        var titles = string.Concat(Enumerable.Range(1, 20).Select(i => $"说明第{i}行\r\n"));
        var path = dir.WriteText("deep.csv", titles + "投诉编号,投诉日期\r\nTS1,2026-01-01\r\n");

        var act = () => new CsvTabularReader(path, new TabularReadOptions(KnownHeaders: Known));

        act.Should().Throw<TabularFormatException>().WithMessage("未找到表头*deep.csv*");
    }

    [Fact]
    public void Open_Gb18030FileWithoutEncoding_IsDetected()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("gbk.csv", TitledComplaints, TabularTestFiles.Gb18030);

        using var reader = new CsvTabularReader(path, new TabularReadOptions(KnownHeaders: Known));

        reader.Encoding.CodePage.Should().Be(54936);
        reader.ReadAll()[1].Cells.Should().Equal("TS002", "2026-03-02", "襄阳某超市", "过期食品");
    }

    [Fact]
    public void Open_Utf8WithBom_IsReadAsUtf8WithoutTheMark()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("bom.csv", "编号,名称\r\n1,电动自行车\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        using var reader = new CsvTabularReader(path);

        reader.Encoding.CodePage.Should().Be(65001);
        reader.Headers.Should().Equal("编号", "名称");
        reader.ReadAll().Single().RawText.Should().Be("1,电动自行车");
    }

    [Theory]
    [InlineData("gbk")]
    [InlineData("GB2312")]
    [InlineData("gb18030")]
    public void Open_GivenAChineseEncodingName_ReadsTheGbFile(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("gbk.csv", "编号,名称\r\n1,儿童玩具\r\n", TabularTestFiles.Gb18030);

        using var reader = new CsvTabularReader(path, new TabularReadOptions(Encoding: name));

        reader.ReadAll().Single().Cells.Should().Equal("1", "儿童玩具");
    }

    [Fact]
    public void Open_GivenUtf8_ReadsUtf8()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("u.csv", "编号,名称\r\n1,儿童玩具\r\n");

        using var reader = new CsvTabularReader(path, new TabularReadOptions(Encoding: "utf-8"));

        reader.Encoding.CodePage.Should().Be(65001);
        reader.Headers.Should().Equal("编号", "名称");
    }

    [Fact]
    public void Open_UnknownEncodingName_ThrowsInChinese()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("u.csv", "a,b\n1,2\n");

        var act = () => new CsvTabularReader(path, new TabularReadOptions(Encoding: "klingon"));

        act.Should().Throw<TabularFormatException>().WithMessage("不支持的文本编码*");
    }

    [Fact]
    public void Detect_MultiByteCharacterCutAtTheEndOfTheSample_StillCountsAsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("编号,名称\n1,儿童");

        TabularEncodings.Detect(bytes.AsSpan(0, bytes.Length - 1), isWholeFile: false, given: null, out _)
            .CodePage.Should().Be(65001);
        TabularEncodings.Detect(bytes.AsSpan(0, bytes.Length - 1), isWholeFile: true, given: null, out _)
            .CodePage.Should().Be(54936);
    }
}
