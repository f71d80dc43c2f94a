using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ReaderChunkTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(2049)]
    [InlineData(4096)]
    [InlineData(10_000)]
    public void Reader_MultiChunkResult_ReadsEveryRowInOrder(int count)
    {
        using var reader = _db.Connection.ExecuteReader(
            "SELECT i, 'row ' || i || ' 第' || i || '行', i * 0.5 FROM range($1) t(i) ORDER BY i", (long)count);

        var expected = 0L;
        while (reader.Read())
        {
            reader.GetInt64(0).Should().Be(expected);
            reader.GetString(1).Should().Be($"row {expected} 第{expected}行");
            reader.GetDecimal(2).Should().Be(expected * 0.5m);
            expected++;
        }

        expected.Should().Be(count);
        reader.Read().Should().BeFalse("a finished reader stays finished");
    }

    [Fact]
    public void Reader_EmptyResult_ReadsNoRowButKnowsItsColumns()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT i AS id, 'x' AS name FROM range(10) t(i) WHERE i > 100");

        reader.FieldCount.Should().Be(2);
        reader.GetName(1).Should().Be("name");
        reader.GetColumnType(0).Should().Be(DuckDbType.BigInt);
        reader.Read().Should().BeFalse();
        reader.Read().Should().BeFalse();
    }

    [Fact]
    public void Query_EmptyTable_GivesEmptyList()
    {
        _db.Connection.ExecuteScript("CREATE TABLE t (a INTEGER)");

        _db.Connection.Query("SELECT a FROM t", r => r.GetInt32(0)).Should().BeEmpty();
        _db.Connection.Stream("SELECT a FROM t", r => r.GetInt32(0)).Should().BeEmpty();
    }

    [Fact]
    public void Reader_ValueBeforeFirstRead_ThrowsInsteadOfReadingNoChunk()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 1::BIGINT, 'x'");

        FluentActions.Invoking(() => reader.GetInt64(0)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => reader.IsNull(1)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => reader.GetValue(1)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Reader_ValueAfterLastRow_Throws()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 'x'");
        reader.Read().Should().BeTrue();
        reader.Read().Should().BeFalse();

        FluentActions.Invoking(() => reader.GetString(0)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Reader_AfterDispose_RefusesToReadFreedMemory()
    {
        var reader = _db.Connection.ExecuteReader("SELECT i, 'long enough to live on the heap ' || i FROM range(3000) t(i)");
        reader.Read().Should().BeTrue();
        reader.Dispose();

        FluentActions.Invoking(() => reader.Read()).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => reader.GetString(1)).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Reader_ColumnMetadata_NamesOrdinalsAndTypes()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 1 AS Id, '企业' AS 名称, 2.5::DOUBLE AS score");

        reader.FieldCount.Should().Be(3);
        reader.GetName(1).Should().Be("名称");
        reader.GetOrdinal("id").Should().Be(0);
        reader.GetOrdinal("名称").Should().Be(1);
        reader.GetOrdinal("SCORE").Should().Be(2);
        reader.GetFieldType(2).Should().Be<double>();
        FluentActions.Invoking(() => reader.GetOrdinal("missing")).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*missing*");
    }

    [Fact]
    public void Stream_IsLazyAndReadsEveryRow()
    {
        var rows = _db.Connection.Stream("SELECT i FROM range(5000) t(i) ORDER BY i", r => r.GetInt64(0));

        _db.Connection.ExecuteScalar<long>("SELECT 42").Should().Be(42, "nothing runs until the stream is enumerated");
        rows.Should().Equal(Enumerable.Range(0, 5000).Select(i => (long)i));
    }

    [Fact]
    public void Stream_StoppedEarly_FreesTheConnectionForTheNextQuery()
    {
        var first = _db.Connection.Stream("SELECT i FROM range(100000) t(i)", r => r.GetInt64(0)).Take(3).ToList();

        first.Should().HaveCount(3);
        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM range(10)").Should().Be(10);
    }

    [Fact]
    public void Reader_ConnectionRunsAnotherQueryMidStream_FailsLoudlyInsteadOfEndingEarly()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT i FROM range(100000) t(i)");
        reader.Read().Should().BeTrue();
        _db.Connection.ExecuteScalar<long>("SELECT 1").Should().Be(1);

        var act = () =>
        {
            var rows = 1;
            while (reader.Read())
            {
                rows++;
            }

            return rows;
        };

        act.Should().Throw<DuckDbException>().WithMessage("*closed*");
    }
}
