using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ReaderTextTypeTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("twelve bytes")] // exactly 12 bytes: the longest inline string
    [InlineData("thirteen byte")] // 13 bytes: the shortest pointer string
    [InlineData("风险监测")] // 12 bytes of UTF-8, inline
    [InlineData("风险监测a")] // 13 bytes of UTF-8, pointer
    [InlineData("湖北省市场监督管理局重点监测企业风险预警通报")]
    [InlineData("emoji 🚨 and tab\t and newline\n")]
    public void Reader_Varchar_ReadsInlineAndPointerStringsExactly(string text)
    {
        var literal = "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        _db.SingleRow($"SELECT {literal}, strlen({literal})", r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Varchar);
            r.GetFieldType(0).Should().Be<string>();
            r.GetInt64(1).Should().Be(System.Text.Encoding.UTF8.GetByteCount(text));
            r.GetString(0).Should().Be(text);
            r.GetValue(0).Should().Be(text);
            r.Field<string>(0).Should().Be(text);
        });
    }

    [Fact]
    public void Reader_VarcharColumnMixingLengths_ReadsEveryRow()
    {
        var rows = _db.Connection.Query(
            "SELECT i, repeat('企', i) FROM range(40) t(i) ORDER BY i",
            r => (Index: r.GetInt64(0), Text: r.GetString(1)));

        rows.Should().HaveCount(40);
        rows.Should().OnlyContain(row => row.Text == new string('企', (int)row.Index));
    }

    [Fact]
    public void Reader_Blob_ReadsShortAndLongBytesIncludingZeros() => _db.SingleRow(
        "SELECT '\\x00\\xFF\\x10'::BLOB, unhex('000102030405060708090A0B0C0D0E0F10'), ''::BLOB",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Blob);
            r.GetFieldType(0).Should().Be<byte[]>();
            r.GetValue(0).Should().BeEquivalentTo(new byte[] { 0x00, 0xFF, 0x10 }, o => o.WithStrictOrdering());
            r.GetValue(1).Should().BeEquivalentTo(Enumerable.Range(0, 17).Select(i => (byte)i).ToArray(), o => o.WithStrictOrdering());
            r.Field<byte[]>(2).Should().BeEmpty();
        });

    [Theory]
    [InlineData("550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("ffffffff-ffff-ffff-ffff-fffffffffffe")]
    [InlineData("7fffffff-0000-0000-8000-000000000000")]
    public void Reader_Uuid_ReadsTheGuidOfItsText(string text) => _db.SingleRow($"SELECT '{text}'::UUID", r =>
    {
        r.GetColumnType(0).Should().Be(DuckDbType.Uuid);
        r.GetFieldType(0).Should().Be<Guid>();
        r.GetValue(0).Should().Be(Guid.Parse(text));
        r.GetString(0).Should().Be(text);
    });

    [Fact]
    public void Reader_Enum_ReadsLabels()
    {
        _db.Connection.ExecuteScript("CREATE TYPE level AS ENUM ('蓝色', '黄色', '橙色', '红色')");

        var labels = _db.Connection.Query(
            "SELECT l::level FROM (VALUES ('红色'), ('蓝色'), ('橙色')) v(l)", r => r.GetString(0));

        labels.Should().Equal("红色", "蓝色", "橙色");
        _db.SingleRow("SELECT '黄色'::level", r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Enum);
            r.GetFieldType(0).Should().Be<string>();
            r.GetValue(0).Should().Be("黄色");
        });
    }

    [Fact]
    public void Reader_EnumWithMoreThan256Labels_ReadsTheWiderIndex()
    {
        _db.Connection.ExecuteScript("CREATE TYPE code AS ENUM (SELECT 'c' || i FROM range(1000) t(i))");

        var labels = _db.Connection.Query("SELECT ('c' || i)::code FROM range(1000) t(i) ORDER BY i", r => r.GetString(0));

        labels.Should().Equal(Enumerable.Range(0, 1000).Select(i => "c" + i));
    }

    [Fact]
    public void Reader_ListOfVarchar_ReadsNullElementsEmptyListsAndLongStrings() => _db.SingleRow(
        "SELECT ['a', NULL, '湖北省市场监督管理局重点监测企业'], []::VARCHAR[], [NULL]::VARCHAR[], ['一', '二']",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.List);
            r.GetStringList(0).Should().Equal("a", null, "湖北省市场监督管理局重点监测企业");
            r.GetStringList(1).Should().BeEmpty();
            r.GetStringList(2).Should().Equal(new string?[] { null });
            r.GetValue(3).Should().BeEquivalentTo(new object[] { "一", "二" }, o => o.WithStrictOrdering());
            r.Field<string?[]>(3).Should().Equal("一", "二");
        });

    [Fact]
    public void Reader_ListsAcrossChunks_FollowEachChunksOffsets()
    {
        var rows = _db.Connection.Query(
            """
            SELECT i, CASE WHEN i % 5 = 0 THEN []::VARCHAR[] ELSE ['v' || i, NULL, repeat('长', (i % 7)::INTEGER)] END
            FROM range(10000) t(i) ORDER BY i
            """,
            r => (Index: r.GetInt64(0), Items: r.GetStringList(1)));

        rows.Should().HaveCount(10_000);
        foreach (var (index, items) in rows)
        {
            string?[] expected = index % 5 == 0 ? [] : ["v" + index, null, new string('长', (int)(index % 7))];
            items.Should().Equal(expected, "row {0}", index);
        }
    }

    [Fact]
    public void Reader_ListOfIntegers_ReadsAsObjects() => _db.SingleRow("SELECT [1, NULL, 3]", r =>
    {
        r.GetValue(0).Should().BeEquivalentTo(new object?[] { 1, null, 3 }, o => o.WithStrictOrdering());
        r.GetFieldType(0).Should().Be<object?[]>();
    });

    [Fact]
    public void Reader_UnsupportedType_StillReadsTheOtherColumns()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT {'a': 1} AS s, 42 AS n");
        reader.Read().Should().BeTrue();

        reader.GetColumnType(0).Should().Be(DuckDbType.Struct);
        reader.GetInt32(1).Should().Be(42);
        FluentActions.Invoking(() => reader.GetValue(0)).Should().Throw<DuckDbException>().WithMessage("*Struct*CAST*");
    }
}
