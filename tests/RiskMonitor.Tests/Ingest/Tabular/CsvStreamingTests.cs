using System.Text;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

/// <summary>Measuring the managed heap needs the process to itself.</summary>
[CollectionDefinition(nameof(HeapMeasuringTests), DisableParallelization = true)]
public sealed class HeapMeasuringTests;

[Collection(nameof(HeapMeasuringTests))]
public sealed class CsvStreamingTests
{
    private static readonly string[] Brands = ["美的", "格力", "小米", "雅迪", "爱玛", "九阳"];

    [Fact]
    public void Read_200000GeneratedRows_KeepsMemoryFlat()
    {
        using var dir = new TempDirectory();
        var path = dir.File("complaints.csv");
        const int rowCount = 200_000;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            writer.Write("投诉编号,投诉日期,地区,品牌,投诉内容,金额\r\n");
            for (var i = 0; i < rowCount; i++)
            {
                writer.Write($"TS{i:D8},2026-03-{i % 28 + 1:D2},4201{i % 17:D2},{Brands[i % Brands.Length]},");
                writer.Write($"\"第{i}号投诉：产品质量问题，\"\"三包\"\"期内拒绝维修\r\n要求退款\",{i % 997}.50\r\n");
            }
        }

        var fileBytes = new FileInfo(path).Length;
        using var reader = new CsvTabularReader(path);
        var heap = new List<long>();
        long rows = 0;
        long lastLine = 0;
        while (reader.TryRead(out var row))
        {
            rows++;
            lastLine = row.Line;
            if (rows % 40_000 == 0)
            {
                heap.Add(GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        rows.Should().Be(rowCount);
        lastLine.Should().Be(2 + 2L * (rowCount - 1));
        fileBytes.Should().BeGreaterThan(20_000_000);
        (heap.Max() - heap.Min()).Should().BeLessThan(2_000_000, "the reader holds a window of the file, not the file");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void Read_RandomRecordsAcrossBufferBoundaries_RoundTripExactly(string encoding)
    {
        using var dir = new TempDirectory();
        var path = dir.File("random.csv");
        var random = new Random(20260301);
        var expected = new List<(long Line, string[] Cells)>();
        var text = new StringBuilder("a,b,c,d\r\n");
        long line = 2;
        for (var i = 0; i < 20_000; i++)
        {
            var cells = Enumerable.Range(0, 4).Select(_ => RandomCell(random)).ToArray();
            cells[0] = $"r{i}{cells[0]}"; // never a blank row, which the reader would skip
            expected.Add((line, cells));
            text.Append(string.Join(',', cells.Select(Quote))).Append(i % 3 == 0 ? "\n" : "\r\n");
            line += 1 + cells.Sum(c => c.Count(ch => ch == '\n'));
        }

        File.WriteAllText(path, text.ToString(), encoding == "utf-8" ? new UTF8Encoding(false) : TabularTestFiles.Gb18030);
        new FileInfo(path).Length.Should().BeGreaterThan(CsvTabularReader.BackgroundDecodingThreshold, "the background decoder is under test");

        using var reader = new CsvTabularReader(path);
        var rows = reader.ReadAll();

        rows.Should().HaveCount(expected.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Line.Should().Be(expected[i].Line);
            rows[i].Cells.Should().Equal(expected[i].Cells, $"record {i} at line {expected[i].Line}");
        }
    }

    [Fact]
    public void Dispose_HalfwayThroughALargeFile_StopsTheDecoderAndMayBeRepeated()
    {
        using var dir = new TempDirectory();
        var path = dir.File("large.csv");
        File.WriteAllText(path, "a,b\n" + string.Concat(Enumerable.Range(0, 600_000).Select(i => $"{i},投诉{i}\n")), new UTF8Encoding(false));

        var reader = new CsvTabularReader(path);
        for (var i = 0; i < 1000; i++)
        {
            reader.TryRead(out _).Should().BeTrue();
        }

        var dispose = () =>
        {
            reader.Dispose();
            reader.Dispose();
        };

        dispose.ExecutionTime().Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private static string RandomCell(Random random)
    {
        const string alphabet = "abc投诉质量抽检武汉,\"\n 123";
        var length = random.Next(0, random.Next(2) == 0 ? 12 : 400);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars).Trim();
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
