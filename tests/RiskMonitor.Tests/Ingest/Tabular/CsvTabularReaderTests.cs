using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

public sealed class CsvTabularReaderTests
{
    [Fact]
    public void Read_QuotedFields_KeepCommasDoubledQuotesAndLineBreaks()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("q.csv", "编号,描述,备注\r\n1,\"甲,乙\",\"他说\"\"退货\"\"\"\r\n2,\"第一行\r\n第二行\",x\r\n");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        rows.Select(r => r.Cells).Should().BeEquivalentTo(
            new[] { new[] { "1", "甲,乙", "他说\"退货\"" }, new[] { "2", "第一行\r\n第二行", "x" } },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Read_QuotedLineBreaks_EachRecordKeepsTheLineItStartsOn()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("lines.csv", "a,b,c\r\n1,\"x\r\ny\",z\r\n2,p,q\n3,\"m\nn\no\",r\n4,s,t");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        rows.Select(r => r.Line).Should().Equal(2, 4, 5, 8);
        rows.Select(r => r.Cells[0]).Should().Equal("1", "2", "3", "4");
        rows[0].RawText.Should().Be("1,\"x\r\ny\",z");
        rows[2].RawText.Should().Be("3,\"m\nn\no\",r");
        rows[3].RawText.Should().Be("4,s,t");
    }

    [Fact]
    public void Read_CellsWithSurroundingWhitespace_AreTrimmed()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("trim.csv", "a,b,c\n  甲  ,\"  乙\t\",\u3000丙\u3000\n");

        using var reader = new CsvTabularReader(path);
        var row = reader.ReadAll().Single();

        row.Cells.Should().Equal("甲", "乙", "丙");
        row.RawText.Should().Be("  甲  ,\"  乙\t\",\u3000丙\u3000");
    }

    [Fact]
    public void Read_RowShorterThanHeader_IsPaddedWithEmptyCells()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("short.csv", "a,b,c,d\n1,2\n");

        using var reader = new CsvTabularReader(path);

        reader.ReadAll().Single().Cells.Should().Equal("1", "2", "", "");
    }

    [Fact]
    public void Read_RowLongerThanHeader_KeepsItsExtraCells()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("long.csv", "a,b\n1,2,3,4\n");

        using var reader = new CsvTabularReader(path);
        var row = reader.ReadAll().Single();

        row.Cells.Should().Equal("1", "2", "3", "4");
        row.RawText.Should().Be("1,2,3,4");
    }

    [Fact]
    public void Read_BlankLinesAndRowsOfBareCommas_AreSkippedWithoutDisturbingLineNumbers()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("blank.csv", "\r\n\r\na,b\r\n\r\n1,2\r\n   \r\n,,\r\n3,4\r\n\r\n");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        reader.HeaderLine.Should().Be(3);
        rows.Select(r => (r.Line, r.RawText)).Should().Equal((5, "1,2"), (8, "3,4"));
    }

    [Fact]
    public void Read_OldMacLineEnds_AreLineBreaksToo()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("cr.csv", "a,b\r1,\"x\ry\"\r2,z");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        rows.Select(r => (r.Line, r.Cells[0], r.Cells[1])).Should().Equal((2, "1", "x\ry"), (4, "2", "z"));
    }

    [Fact]
    public void Read_TrailingCommaAndEmptyQuotedField_GiveEmptyCells()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("empty.csv", "a,b,c\n\"\",x,\n");

        using var reader = new CsvTabularReader(path);

        reader.ReadAll().Single().Cells.Should().Equal("", "x", "");
    }

    [Fact]
    public void Read_TextAfterAClosingQuote_IsKeptAsPartOfTheCell()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("after.csv", "a,b\n\"12\"寸,x\n");

        using var reader = new CsvTabularReader(path);

        reader.ReadAll().Single().Cells.Should().Equal("12寸", "x");
    }

    [Fact]
    public void Read_UnterminatedQuoteAtEndOfFile_ThrowsNamingTheLineItOpensOn()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("cut.csv", "编号,描述\n1,完整\n2,\"截断的描述\n还没有结束");

        using var reader = new CsvTabularReader(path);
        reader.TryRead(out _).Should().BeTrue();
        var act = () => reader.TryRead(out _);

        act.Should().Throw<TabularFormatException>().WithMessage("*第 3 行*截断*");
    }

    [Fact]
    public void Open_EmptyFile_Throws()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("empty.csv", "");

        var act = () => new CsvTabularReader(path);

        act.Should().Throw<TabularFormatException>().WithMessage("*空文件*");
    }

    [Fact]
    public void Open_FileOfBlankLinesOnly_ThrowsForWantOfAHeader()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("blank.csv", "\uFEFF\r\n  \r\n");

        var act = () => new CsvTabularReader(path);

        act.Should().Throw<TabularFormatException>().WithMessage("*找不到表头*");
    }

    [Fact]
    public void Open_MissingFile_ThrowsInChinese()
    {
        using var dir = new TempDirectory();

        var act = () => new CsvTabularReader(dir.File("nope.csv"));

        act.Should().Throw<TabularFormatException>().WithMessage("文件不存在*");
    }

    [Fact]
    public void Read_RecordLongerThanTheBuffer_IsReadWhole()
    {
        using var dir = new TempDirectory();
        var big = string.Concat(Enumerable.Repeat("投诉内容，含逗号\r\n与换行。", 40_000));
        var path = dir.WriteText("big.csv", $"a,b\r\n1,\"{big}\"\r\n2,x\r\n");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        rows[0].Cells[1].Should().Be(big.Trim());
        rows[1].Line.Should().Be(3 + 40_000);
        rows[1].Cells.Should().Equal("2", "x");
    }

    [Fact]
    public void Progress_RisesToOneByTheEnd()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("p.csv", "a,b\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},值{i}\n")));

        using var reader = new CsvTabularReader(path);
        reader.Progress.Should().BeInRange(0.0, 0.5);
        var seen = new List<double>();
        while (reader.TryRead(out _))
        {
            seen.Add(reader.Progress);
        }

        seen.Should().BeInAscendingOrder();
        reader.Progress.Should().Be(1.0);
    }
}
