using System.Text;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

/// <summary>The chunk appender against a real in-memory DuckDB: every column type, NULLs, chunk boundaries, strings stored
/// inline (up to 12 bytes) and in the heap, lists, the background worker, and errors in the rows it loads (refusals of
/// wrong input are in <see cref="ChunkAppenderRefusalTests"/>).</summary>
public sealed class ChunkAppenderTests : IDisposable
{
    private static readonly DateTime Origin = new(2024, 1, 1, 8, 30, 0);

    private readonly MemoryDuckDb _db = new();

    public ChunkAppenderTests() => _db.Connection.ExecuteScript(
        """
        CREATE TABLE wide (
            id BIGINT, small INTEGER, score DOUBLE, active BOOLEAN, day DATE, ts TIMESTAMP, name VARCHAR, tags VARCHAR[])
        """);

    public void Dispose() => _db.Dispose();

    // Names alternate between inline (≤ 12 UTF-8 bytes) and heap strings, with Chinese text on both sides of the limit.
    private static string? Name(long i) => (i % 7) switch
    {
        0 => null,
        1 => string.Empty,
        2 => "武汉" + (i % 10),                       // 7 bytes: inline
        3 => "湖北省武汉",                             // 15 bytes: heap
        4 => "abcdefghijkl",                          // exactly 12 bytes: inline
        5 => "abcdefghijklm",                         // 13 bytes: heap
        _ => $"湖北省市场监督管理局登记企业第{i}号",   // long
    };

    private static string[]? Tags(long i) => (i % 5) switch
    {
        0 => null,
        1 => [],
        2 => ["fire"],
        3 => ["电击", "x", "burn-and-scald-hazard"],
        _ => [$"t{i}", "a much longer tag than twelve bytes"],
    };

    private static void AppendWide(DuckDbChunkAppender appender, long i)
    {
        appender.Append(i)
            .Append(i % 11 == 0 ? null : (int?)(i % 1000))
            .Append(i % 13 == 0 ? null : (double?)(i / 4.0))
            .Append(i % 3 == 0 ? null : (bool?)(i % 2 == 0))
            .Append(i % 17 == 0 ? null : (DateOnly?)DateOnly.FromDateTime(Origin).AddDays((int)(i % 3650)))
            .Append(i % 19 == 0 ? null : (DateTime?)Origin.AddTicks(i * 10_000_010))
            .Append(Name(i))
            .Append(Tags(i));
        appender.EndRow();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2047, false)]
    [InlineData(2048, false)]
    [InlineData(2049, false)]
    [InlineData(10_000, false)]
    [InlineData(2047, true)]
    [InlineData(2048, true)]
    [InlineData(2049, true)]
    [InlineData(20_000, true)]
    public void ChunkAppender_EveryColumnTypeWithNulls_RoundTripsAcrossChunkBoundaries(int rows, bool background)
    {
        using (var appender = _db.Connection.CreateChunkAppender("wide", queuedChunks: background ? 3 : 0))
        {
            appender.ColumnCount.Should().Be(8);
            appender.ChunkCapacity.Should().Be(2048);
            for (long i = 0; i < rows; i++)
            {
                AppendWide(appender, i);
            }

            appender.Close();
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM wide").Should().Be(rows);
        var seen = 0L;
        using var row = _db.Connection.ExecuteReader("SELECT id, small, score, active, day, ts, name, tags::VARCHAR FROM wide ORDER BY id");
        while (row.Read())
        {
            var i = row.GetInt64(0);
            i.Should().Be(seen++);
            (row.IsNull(1) ? null : (int?)row.GetInt32(1)).Should().Be(i % 11 == 0 ? null : (int)(i % 1000));
            (row.IsNull(2) ? null : (double?)row.GetDouble(2)).Should().Be(i % 13 == 0 ? null : i / 4.0);
            (row.IsNull(3) ? null : (bool?)row.GetBoolean(3)).Should().Be(i % 3 == 0 ? null : i % 2 == 0);
            (row.IsNull(4) ? null : (DateOnly?)row.GetDate(4)).Should().Be(i % 17 == 0 ? null : DateOnly.FromDateTime(Origin).AddDays((int)(i % 3650)));
            (row.IsNull(5) ? null : (DateTime?)row.GetDateTime(5)).Should().Be(i % 19 == 0 ? null : Origin.AddTicks(i * 10_000_010));
            row.GetStringOrNull(6).Should().Be(Name(i));
            row.GetStringOrNull(7).Should().Be(Tags(i) is { } tags ? "[" + string.Join(", ", tags) + "]" : null);
        }

        seen.Should().Be(rows);
    }

    [Fact]
    public void ChunkAppender_InlineStrings_CompareEqualToTheSameTextWrittenBySql()
    {
        _db.Connection.ExecuteScript("CREATE TABLE s (v VARCHAR)");
        string[] values = [string.Empty, "a", "abc", "abcdefghijkl", "湖北省武", "abcdefghijklm", "湖北省武汉", new string('长', 5000)];
        using (var appender = _db.Connection.CreateChunkAppender("s"))
        {
            foreach (var value in values)
            {
                appender.Append(value).EndRow();
            }

            // The same texts once more as UTF-8 bytes and as spans of a larger string.
            foreach (var value in values)
            {
                appender.AppendUtf8(Encoding.UTF8.GetBytes(value)).EndRow();
            }

            foreach (var value in values)
            {
                appender.Append(("<" + value + ">").AsSpan(1, value.Length)).EndRow();
            }

            appender.Close();
        }

        foreach (var value in values)
        {
            _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM s WHERE v = $1", value).Should().Be(3, value.Length > 20 ? "long text" : value);
            _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM s WHERE v = $1 AND length(v) = $2", value, value.Length).Should().Be(3);
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(DISTINCT v) FROM s").Should().Be(values.Length);
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM s WHERE v IS NULL").Should().Be(0, "an empty string is not NULL");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChunkAppender_ManyLongStrings_SpanSeveralNativeBlocksPerChunk(bool background)
    {
        _db.Connection.ExecuteScript("CREATE TABLE big (id INTEGER, v VARCHAR)");
        static string Text(int i) => i == 2500 ? new string('巨', 200_000) : $"{i}:" + new string((char)('甲' + i % 50), 1000);
        using (var appender = _db.Connection.CreateChunkAppender("big", queuedChunks: background ? 3 : 0))
        {
            for (var i = 0; i < 5000; i++)
            {
                appender.Append(i).Append(Text(i)).EndRow();
            }

            appender.Close();
        }

        using var row = _db.Connection.ExecuteReader("SELECT id, v FROM big ORDER BY id");
        var seen = 0;
        while (row.Read())
        {
            row.GetString(1).Should().Be(Text(row.GetInt32(0)));
            seen++;
        }

        seen.Should().Be(5000);
    }

    [Fact]
    public void ChunkAppender_InvalidUtf8Bytes_AreRefused()
    {
        _db.Connection.ExecuteScript("CREATE TABLE s (v VARCHAR)");
        using var appender = _db.Connection.CreateChunkAppender("s");

        var act = () => appender.AppendUtf8([0x61, 0xC3, 0x28]);

        act.Should().Throw<DuckDbException>().WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public void ChunkAppender_ListsLargerThanAChunk_GrowTheChildVector()
    {
        _db.Connection.ExecuteScript("CREATE TABLE l (id INTEGER, tags VARCHAR[])");
        using (var appender = _db.Connection.CreateChunkAppender("l"))
        {
            appender.Append(1).Append(Enumerable.Range(0, 5000).Select(i => "tag-number-" + i).ToArray()).EndRow();
            for (var id = 2; id <= 3000; id++)
            {
                appender.Append(id).Append(id % 10 == 0 ? null : new[] { "x" + id, "第" + id + "个比较长的标签内容" }).EndRow();
            }

            appender.Close();
        }

        _db.Connection.ExecuteScalar<long>("SELECT len(tags) FROM l WHERE id = 1").Should().Be(5000);
        _db.Connection.ExecuteScalar<string>("SELECT tags[5000] FROM l WHERE id = 1").Should().Be("tag-number-4999");
        _db.Connection.ExecuteScalar<long>("SELECT sum(len(tags)) FROM l WHERE id > 1").Should().Be(2 * (2999 - 300));
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM l WHERE tags IS NULL").Should().Be(300);
        _db.Connection.ExecuteScalar<string>("SELECT tags[2] FROM l WHERE id = 2049").Should().Be("第2049个比较长的标签内容");
        _db.Connection.ExecuteScalar<string>("SELECT tags[1] FROM l WHERE id = 2999").Should().Be("x2999");
    }

    [Theory]
    [InlineData(2047, false)]
    [InlineData(2048, false)]
    [InlineData(2049, true)]
    [InlineData(5000, true)]
    public void ChunkAppender_ChunkCompleting_FillsAColumnForTheWholeChunk(int rows, bool background)
    {
        _db.Connection.ExecuteScript("CREATE TABLE c (id BIGINT, label VARCHAR)");
        var chunks = new List<int>();
        var firstId = 0L;
        using (var appender = _db.Connection.CreateChunkAppender("c", queuedChunks: background ? 3 : 0))
        {
            appender.ChunkCompleting = count =>
            {
                chunks.Add(count);
                for (var row = 0; row < count; row += 2)
                {
                    appender.SetText(row, 1, Encoding.UTF8.GetBytes($"第{firstId + row}行的标签"));
                }

                firstId += count;
            };
            for (long i = 0; i < rows; i++)
            {
                appender.RowInChunk.Should().Be((int)(i % 2048));
                appender.Append(i).AppendNull().EndRow();
            }

            appender.Close();
        }

        chunks.Sum().Should().Be(rows);
        chunks.Should().OnlyContain(c => c > 0 && c <= 2048);
        using var reader = _db.Connection.ExecuteReader("SELECT id, label FROM c ORDER BY id");
        var seen = 0L;
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            reader.GetStringOrNull(1).Should().Be(id % 2048 % 2 == 0 ? $"第{id}行的标签" : null);
            seen++;
        }

        seen.Should().Be(rows);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChunkAppender_NotNullViolation_SurfacesOnCloseAndWritesNothing(bool background)
    {
        _db.Connection.ExecuteScript("CREATE TABLE nn (id BIGINT NOT NULL, v VARCHAR)");
        var appender = _db.Connection.CreateChunkAppender("nn", queuedChunks: background ? 3 : 0);
        for (long i = 0; i < 5000; i++)
        {
            appender.Append(i == 3000 ? null : (long?)i).Append("v").EndRow();
        }

        var act = () => appender.Close();

        act.Should().Throw<DuckDbException>().WithMessage("*NOT NULL*");
        appender.Dispose();
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM nn").Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChunkAppender_DisposedWithoutClose_WritesNothing(bool background)
    {
        using (var appender = _db.Connection.CreateChunkAppender("wide", queuedChunks: background ? 3 : 0))
        {
            for (long i = 0; i < 9000; i++)
            {
                AppendWide(appender, i);
            }
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM wide").Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChunkAppender_Flush_MakesTheRowsSoFarVisible(bool background)
    {
        using var appender = _db.Connection.CreateChunkAppender("wide", queuedChunks: background ? 3 : 0);
        for (long i = 0; i < 5000; i++)
        {
            AppendWide(appender, i);
        }

        appender.Flush();
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM wide").Should().Be(5000);

        AppendWide(appender, 5000);
        appender.Close();
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM wide").Should().Be(5001);
    }

    [Fact]
    public void ChunkAppender_InsideATransaction_RollsBackWithIt()
    {
        using (var transaction = _db.Connection.BeginTransaction())
        {
            using var appender = _db.Connection.CreateChunkAppender("wide", queuedChunks: 3);
            for (long i = 0; i < 7000; i++)
            {
                AppendWide(appender, i);
            }

            appender.Close();
            _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM wide").Should().Be(7000);
        }

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM wide").Should().Be(0);
    }

    [Fact]
    public void ChunkAppender_AfterClose_RefusesMoreRows()
    {
        using var appender = _db.Connection.CreateChunkAppender("wide", queuedChunks: 3);
        AppendWide(appender, 1);
        appender.Close();

        var act = () => appender.Append(2L);

        act.Should().Throw<ObjectDisposedException>();
    }
}
