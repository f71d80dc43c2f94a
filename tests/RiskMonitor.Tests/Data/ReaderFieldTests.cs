using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ReaderFieldTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Field_EveryTypedPath_ReadsValueAndNullable() => _db.SingleRow(
        """
        SELECT 5::BIGINT, 6::INTEGER, 0.5::DOUBLE, 1.25::DECIMAL(9,2), true, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05',
               (-7)::HUGEINT, '文字', ['a', NULL]
        """,
        r =>
        {
            r.Field<long>(0).Should().Be(5);
            r.Field<long?>(0).Should().Be(5);
            r.Field<int>(1).Should().Be(6);
            r.Field<int?>(1).Should().Be(6);
            r.Field<double>(2).Should().Be(0.5);
            r.Field<double?>(2).Should().Be(0.5);
            r.Field<decimal>(3).Should().Be(1.25m);
            r.Field<decimal?>(3).Should().Be(1.25m);
            r.Field<bool>(4).Should().BeTrue();
            r.Field<bool?>(4).Should().BeTrue();
            r.Field<DateOnly>(5).Should().Be(new DateOnly(2024, 1, 2));
            r.Field<DateOnly?>(5).Should().Be(new DateOnly(2024, 1, 2));
            r.Field<DateTime>(6).Should().Be(new DateTime(2024, 1, 2, 3, 4, 5));
            r.Field<DateTime?>(6).Should().Be(new DateTime(2024, 1, 2, 3, 4, 5));
            r.Field<Int128>(7).Should().Be(-7);
            r.Field<Int128?>(7).Should().Be((Int128)(-7));
            r.Field<string>(8).Should().Be("文字");
            r.Field<string?[]>(9).Should().Equal("a", null);
            r.Field<object>(8).Should().Be("文字");
        });

    [Fact]
    public void Field_ConvertsBetweenNumericReads() => _db.SingleRow("SELECT 7::SMALLINT, 9::INTEGER, 2.50::DECIMAL(4,2)", r =>
    {
        r.Field<long>(0).Should().Be(7);
        r.Field<double>(1).Should().Be(9.0);
        r.Field<decimal>(1).Should().Be(9m);
        r.Field<double>(2).Should().Be(2.5);
    });

    [Fact]
    public void Field_OtherTypes_FallBackToTheNaturalValue() => _db.SingleRow(
        "SELECT TIME '01:02:03', '550e8400-e29b-41d4-a716-446655440000'::UUID, 3::SMALLINT, 1.5::FLOAT, '\\x01'::BLOB",
        r =>
        {
            r.Field<TimeOnly>(0).Should().Be(new TimeOnly(1, 2, 3));
            r.Field<Guid?>(1).Should().Be(Guid.Parse("550e8400-e29b-41d4-a716-446655440000"));
            r.Field<short>(2).Should().Be(3);
            r.Field<float>(3).Should().Be(1.5f);
            r.Field<byte[]>(4).Should().Equal(1);
        });

    [Fact]
    public void Field_WrongType_ThrowsInvalidCast()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 'x', 1::BIGINT");
        reader.Read().Should().BeTrue();

        FluentActions.Invoking(() => reader.Field<long>(0)).Should().Throw<InvalidCastException>();
        FluentActions.Invoking(() => reader.Field<Guid>(1)).Should().Throw<InvalidCastException>();
    }

    [Fact]
    public void Field_ValueTypes_DoNotAllocatePerValue()
    {
        const string sql = "SELECT i, i::INTEGER, i / 2, i::DECIMAL(18,2), i % 2 = 0, DATE '2000-01-01' + i::INTEGER FROM range(100000) t(i)";
        static long Sum(DuckDbDataReader r) => r.Field<long>(0) + r.Field<int?>(1)!.Value + (long)r.Field<double>(2)
            + (long)r.Field<decimal>(3) + (r.Field<bool>(4) ? 1 : 0) + r.Field<DateOnly>(5).Day;
        var warmUp = _db.Connection.Stream(sql, Sum).Sum(); // takes JIT and first-use allocations out of the measurement

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0L;
        using (var reader = _db.Connection.ExecuteReader(sql))
        {
            while (reader.Read())
            {
                total += Sum(reader);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        total.Should().Be(warmUp);
        allocated.Should().BeLessThan(64 * 1024, "600,000 values are read; boxing each would allocate over 14 MB");
    }
}
