using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ReaderNullTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public ReaderNullTests() => _db.Connection.ExecuteScript("CREATE TYPE pair AS ENUM ('甲', '乙')");

    public void Dispose() => _db.Dispose();

    public static TheoryData<string> Expressions() => new()
    {
        "i % 2 = 0",
        "(i % 100)::TINYINT",
        "i::SMALLINT",
        "i::INTEGER",
        "i",
        "(i % 200)::UTINYINT",
        "i::USMALLINT",
        "i::UINTEGER",
        "i::UBIGINT",
        "i::HUGEINT * 100000000000000000000",
        "i::UHUGEINT",
        "i::FLOAT / 4",
        "i / 8",
        "(i % 100)::DECIMAL(4,2)",
        "i::DECIMAL(9,3)",
        "i::DECIMAL(18,4)",
        "i::DECIMAL(38,10)",
        "DATE '2000-01-01' + i::INTEGER",
        "TIME '00:00:00' + to_seconds(i)",
        "TIMESTAMP '2000-01-01' + to_seconds(i)",
        "(TIMESTAMP '2000-01-01' + to_seconds(i))::TIMESTAMP_S",
        "(TIMESTAMP '2000-01-01' + to_seconds(i))::TIMESTAMP_MS",
        "(TIMESTAMP '2000-01-01' + to_seconds(i))::TIMESTAMP_NS",
        "(TIMESTAMP '2000-01-01' + to_seconds(i))::TIMESTAMPTZ",
        "to_days(i::INTEGER)",
        "'v' || i",
        "'湖北省市场监督管理局' || i",
        "('b' || i)::BLOB",
        "md5(i::VARCHAR)::UUID",
        "(['甲', '乙'][(i % 2 + 1)::INTEGER])::pair",
        "['x' || i, NULL]",
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Reader_EveryTypeWithNullsAcrossChunks_ReportsNullExactlyWhereTheValidityMaskSaysSo(string expression)
    {
        using var reader = _db.Connection.ExecuteReader(
            $"SELECT i, CASE WHEN i % 3 = 0 OR i % 64 = 63 THEN NULL ELSE {expression} END AS v FROM range(5000) t(i) ORDER BY i");

        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            i.Should().Be(rows);
            var expectNull = i % 3 == 0 || i % 64 == 63;
            reader.IsNull(1).Should().Be(expectNull, "row {0}", i);
            if (expectNull)
            {
                reader.GetValue(1).Should().BeNull();
                reader.Field<object>(1).Should().BeNull();
            }
            else
            {
                reader.GetValue(1).Should().NotBeNull().And.BeOfType(reader.GetFieldType(1));
            }

            rows++;
        }

        rows.Should().Be(5000);
    }

    [Fact]
    public void Reader_NullInTypedGetter_ThrowsInvalidCastNamingTheColumn()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT NULL::BIGINT AS amount, NULL::VARCHAR AS name, NULL::DATE AS day");
        reader.Read().Should().BeTrue();

        FluentActions.Invoking(() => reader.GetInt64(0)).Should().Throw<InvalidCastException>().WithMessage("*amount*NULL*");
        FluentActions.Invoking(() => reader.GetString(1)).Should().Throw<InvalidCastException>().WithMessage("*name*NULL*");
        FluentActions.Invoking(() => reader.Field<long>(0)).Should().Throw<InvalidCastException>();
        FluentActions.Invoking(() => reader.Field<DateOnly>(2)).Should().Throw<InvalidCastException>();
    }

    [Fact]
    public void Reader_NullThroughNullableAccessors_GivesNull() => _db.SingleRow(
        "SELECT NULL::BIGINT, NULL::VARCHAR, NULL::DOUBLE, NULL::DATE, NULL::DECIMAL(18,2), NULL::VARCHAR[], NULL::HUGEINT",
        r =>
        {
            r.GetInt64OrNull(0).Should().BeNull();
            r.GetStringOrNull(1).Should().BeNull();
            r.GetDoubleOrNull(2).Should().BeNull();
            r.GetDateOrNull(3).Should().BeNull();
            r.Field<long?>(0).Should().BeNull();
            r.Field<int?>(0).Should().BeNull();
            r.Field<string>(1).Should().BeNull();
            r.Field<decimal?>(4).Should().BeNull();
            r.Field<string?[]>(5).Should().BeNull();
            r.Field<Int128?>(6).Should().BeNull();
        });

    [Fact]
    public void Reader_UntypedNullLiteral_IsNull() => _db.SingleRow("SELECT NULL AS n, 1 AS one", r =>
    {
        r.IsNull(0).Should().BeTrue();
        r.GetValue(0).Should().BeNull();
        r.GetInt32(1).Should().Be(1);
    });

    [Fact]
    public void ExecuteScalar_NullValue_GivesDefault()
    {
        _db.Connection.ExecuteScalar<long>("SELECT NULL::BIGINT").Should().Be(0);
        _db.Connection.ExecuteScalar<long?>("SELECT NULL::BIGINT").Should().BeNull();
        _db.Connection.ExecuteScalar<string>("SELECT NULL::VARCHAR").Should().BeNull();
    }

    [Fact]
    public void ExecuteScalar_NoRow_GivesDefault()
    {
        _db.Connection.ExecuteScalar<long>("SELECT 1 WHERE false").Should().Be(0);
        _db.Connection.ExecuteScalar<string>("SELECT 'x' WHERE false").Should().BeNull();
    }
}
