using System.Globalization;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

/// <summary>Real public exports, read as found (see shared/data/real/README.md); they are not Hubei data.</summary>
public sealed class CsvRealFileTests
{
    [Fact]
    public void Read_Gb18030Complaints_DetectsTheEncodingAndMatchesTheUtf8Twin()
    {
        var gbPath = SharedData.Real("complaints-cn-12365auto", "complaints-raw-gb18030.csv");
        var utf8Path = SharedData.Real("complaints-cn-12365auto", "complaints-raw-utf8.csv");

        using var gb = new CsvTabularReader(gbPath);
        using var utf8 = new CsvTabularReader(utf8Path);
        var gbRows = gb.ReadAll();
        var utf8Rows = utf8.ReadAll();

        gb.Encoding.CodePage.Should().Be(54936);
        utf8.Encoding.CodePage.Should().Be(65001);
        gb.Headers.Should().Equal("id", "brand", "car_model", "type", "desc", "problem", "datetime", "status");
        utf8.Headers.Should().Equal(gb.Headers);
        gbRows.Should().HaveCount(600).And.HaveSameCount(utf8Rows);

        // The two exports were saved by different tools: the GB18030 one writes dates as 2020/6/8, the UTF-8 one as 2020-06-08.
        var dateColumn = gb.Headers.ToList().IndexOf("datetime");
        for (var i = 0; i < gbRows.Count; i++)
        {
            var (g, u) = (gbRows[i], utf8Rows[i]);
            g.Line.Should().Be(u.Line);
            g.Cells.Where((_, c) => c != dateColumn).Should().Equal(u.Cells.Where((_, c) => c != dateColumn), $"row at line {g.Line}");
            DateTime.Parse(g.Cells[dateColumn], CultureInfo.InvariantCulture)
                .Should().Be(DateTime.Parse(u.Cells[dateColumn], CultureInfo.InvariantCulture));
        }

        gbRows[0].Cells.Should().Equal("482028", "一汽马自达", "阿特兹", "2020款 2.5L 蓝天运动版", "一汽马自达阿特兹B柱异响 车内异响严重",
            "H93,H15,", "2020/6/8", "信息审核");
    }

    [Fact]
    public void Read_SpotCheckFile_BringsMisalignedRowsThroughWithTheirLineNumbers()
    {
        var path = SharedData.Real("spotcheck-cn-cqn-2019", "failed-items-2019.csv");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        reader.Headers.Should().HaveCount(20);
        rows.Should().HaveCount(385);
        rows.Should().OnlyContain(r => r.Cells.Count == 20 && r.Cells[0] == (r.Line - 1).ToString(CultureInfo.InvariantCulture));

        // Medical-device rows are published shifted: the issuing bureau sits under sample_name, the model under
        // specification_type. They arrive as they stand, on their own lines, for the ingest to quarantine.
        var sampleName = reader.Headers.ToList().IndexOf("sample_name");
        var misaligned = rows.Where(r => r.Cells[sampleName].EndsWith("食品药品监督管理局", StringComparison.Ordinal)).ToList();
        misaligned.Should().HaveCount(160);
        misaligned.Select(r => r.Line).Should().StartWith(new long[] { 11, 17, 18, 22, 23 });
        var line17 = rows.Single(r => r.Line == 17);
        line17.Cells[sampleName].Should().Be("河南省食品药品监督管理局");
        line17.Cells[reader.Headers.ToList().IndexOf("specification_type")].Should().Be("R1：60mL×1 R2：15mL×1");
        line17.RawText.Should().StartWith("16,").And.Contain("河南省食品药品监督管理局\u3000,");

        // A quoted test value with commas stays one cell.
        rows.Single(r => r.Line == 6).Cells[reader.Headers.ToList().IndexOf("test_value")]
            .Should().Be("3.7×104, 4.6×104, 4.4×104, 3.7×104, 3.4×104");
    }
}
