using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ParameterBindingTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public void Dispose() => _db.Dispose();

    public static TheoryData<object, string> RoundTrips() => new()
    {
        { "", "VARCHAR" },
        { "plain ascii", "VARCHAR" },
        { "湖北省市场监督管理局重点监测企业", "VARCHAR" },
        { "O'Brien; DROP TABLE x; --", "VARCHAR" },
        { 0, "INTEGER" },
        { int.MinValue, "INTEGER" },
        { int.MaxValue, "INTEGER" },
        { long.MinValue, "BIGINT" },
        { long.MaxValue, "BIGINT" },
        { (short)-7, "INTEGER" },
        { (byte)200, "INTEGER" },
        { uint.MaxValue, "BIGINT" },
        { ulong.MaxValue, "HUGEINT" },
        { Int128.MaxValue, "HUGEINT" },
        { Int128.MinValue, "HUGEINT" },
        { (Int128)long.MaxValue * 3, "HUGEINT" },
        { 0.1, "DOUBLE" },
        { -1.5e300, "DOUBLE" },
        { 0.25f, "DOUBLE" },
        { true, "BOOLEAN" },
        { false, "BOOLEAN" },
        { 1234.5678m, "DECIMAL(38,4)" },
        { -0.0000000001m, "DECIMAL(38,10)" },
        { 79228162514264337593543950335m, "DECIMAL(38,0)" },
        { 7922816251426433759354395033.5m, "DECIMAL(38,1)" },
        { new DateOnly(2024, 2, 29), "DATE" },
        { new DateOnly(1900, 1, 1), "DATE" },
        { new DateTime(2024, 3, 1, 12, 34, 56).AddTicks(7_890_120), "TIMESTAMP" },
        { new DateTime(1969, 12, 31, 23, 59, 59, 500), "TIMESTAMP" },
        { Guid.Parse("550e8400-e29b-41d4-a716-446655440000"), "VARCHAR" },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Bind_EveryBindableType_RoundTripsThroughDuckDb(object value, string sqlType)
    {
        _db.SingleRow($"SELECT $1::{sqlType}, typeof($1::{sqlType})", r =>
        {
            r.IsNull(0).Should().BeFalse();
            var read = value switch
            {
                string => r.GetString(0),
                int or short or byte => r.GetInt32(0),
                long or uint => r.GetInt64(0),
                ulong or Int128 => (object)r.GetInt128(0),
                double or float => r.GetDouble(0),
                bool => r.GetBoolean(0),
                decimal => r.GetDecimal(0),
                DateOnly => r.GetDate(0),
                DateTime => r.GetDateTime(0),
                Guid => Guid.Parse(r.GetString(0)),
                _ => throw new InvalidOperationException(value.GetType().Name),
            };
            var expected = value switch
            {
                short s => s,
                byte b => b,
                uint u => (long)u,
                ulong ul => (Int128)ul,
                float f => (double)f,
                _ => value,
            };
            read.Should().Be(expected);
        }, value);
    }

    [Fact]
    public void Bind_ValuesWithoutCast_KeepTheirNaturalDuckDbType() => _db.SingleRow(
        "SELECT typeof($1), typeof($2), typeof($3), typeof($4), typeof($5), typeof($6), typeof($7), typeof($8), typeof($9)",
        r =>
        {
            Enumerable.Range(0, 9).Select(r.GetString).Should().Equal(
                "VARCHAR", "INTEGER", "BIGINT", "HUGEINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "BLOB");
        },
        "字", 1, 2L, (Int128)3, 4.0, true, new DateOnly(2024, 1, 1), new DateTime(2024, 1, 1), new byte[] { 1 });

    [Fact]
    public void Bind_Decimal_KeepsItsScaleAndCompares()
    {
        _db.Connection.ExecuteScript("CREATE TABLE amounts (v DECIMAL(18,2)); INSERT INTO amounts VALUES (12.50), (12.51)");

        _db.Connection.ExecuteScalar<long>("SELECT count(*) FROM amounts WHERE v = $1", 12.5m).Should().Be(1);
        _db.Connection.ExecuteScalar<decimal>("SELECT $1 + 0.001", 1.25m).Should().Be(1.251m);
    }

    [Fact]
    public void Bind_Null_IsSqlNullOfAnyType()
    {
        _db.Connection.ExecuteScalar<bool>("SELECT $1 IS NULL", (object?)null).Should().BeTrue();
        _db.Connection.ExecuteScalar<bool>("SELECT $1::BIGINT IS NULL", DBNull.Value).Should().BeTrue();
        _db.Connection.ExecuteScalar<string>("SELECT coalesce($1, 'fallback')", (object?)null).Should().Be("fallback");
    }

    [Fact]
    public void Bind_ByteArray_RoundTripsBytesIncludingZeroAndEmpty()
    {
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();

        _db.Connection.ExecuteScalar<byte[]>("SELECT $1", bytes).Should().Equal(bytes);
        _db.Connection.ExecuteScalar<byte[]>("SELECT $1", new byte[] { 0 }).Should().Equal(0);
        _db.Connection.ExecuteScalar<byte[]>("SELECT $1", Array.Empty<byte>()).Should().BeEmpty();
        _db.Connection.ExecuteScalar<long>("SELECT octet_length($1)", bytes).Should().Be(300);
    }

    [Fact]
    public void Bind_DateTimeBefore1970WithSubMicrosecondTicks_TruncatesTowardThePast()
    {
        var value = new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(5);

        _db.Connection.ExecuteScalar<DateTime>("SELECT $1", value).Should().Be(new DateTime(1969, 12, 31, 23, 59, 59));
    }

    [Fact]
    public void Bind_ParameterUsedAsFilterAndInsertValue_StoresExactly()
    {
        _db.Connection.ExecuteScript("CREATE TABLE firm (id BIGINT, name VARCHAR, since DATE, score DOUBLE, active BOOLEAN)");
        _db.Connection.Execute("INSERT INTO firm VALUES ($1, $2, $3, $4, $5)", 7L, "武汉某食品有限公司", new DateOnly(2019, 5, 4), 0.875, true)
            .Should().Be(1);

        var rows = _db.Connection.Query(
            "SELECT name, since, score, active FROM firm WHERE id = $1 AND name LIKE $2", r =>
                (r.GetString(0), r.GetDate(1), r.GetDouble(2), r.GetBoolean(3)), 7L, "武汉%");

        rows.Should().Equal(("武汉某食品有限公司", new DateOnly(2019, 5, 4), 0.875, true));
    }

    [Fact]
    public void Prepare_ReusedWithNewBindings_ReturnsEachResult()
    {
        using var statement = _db.Connection.Prepare("SELECT $1::BIGINT * 2");

        foreach (var n in new[] { 1L, 21L, -5L })
        {
            using var reader = statement.BindAll(n).ExecuteReader();
            reader.Read().Should().BeTrue();
            reader.GetInt64(0).Should().Be(n * 2);
        }

        statement.ParameterCount.Should().Be(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Execute_WrongParameterCount_ThrowsDuckDbExceptionNamingBothCounts(int given)
    {
        var values = Enumerable.Range(0, given).Select(i => (object?)i).ToArray();

        var act = () => _db.Connection.ExecuteScalar<long>("SELECT $1::BIGINT + $2::BIGINT", values);

        act.Should().Throw<DuckDbException>().WithMessage($"*expects 2 parameter(s) but {given} were given*");
    }

    [Fact]
    public void Bind_IndexOutOfRange_ThrowsDuckDbException()
    {
        using var statement = _db.Connection.Prepare("SELECT $1::INTEGER");

        FluentActions.Invoking(() => statement.Bind(2, 1)).Should().Throw<DuckDbException>().WithMessage("*$2*");
    }

    [Fact]
    public void Bind_UnsupportedType_ThrowsArgumentException()
    {
        using var statement = _db.Connection.Prepare("SELECT $1");

        FluentActions.Invoking(() => statement.Bind(1, new Uri("http://example.org"))).Should().Throw<ArgumentException>().WithMessage("*Uri*");
    }
}
