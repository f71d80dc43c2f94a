using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ReaderNumericTypeTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Reader_Boolean_ReadsTrueAndFalse() => _db.SingleRow("SELECT true, false", r =>
    {
        r.GetColumnType(0).Should().Be(DuckDbType.Boolean);
        r.GetFieldType(0).Should().Be<bool>();
        r.GetBoolean(0).Should().BeTrue();
        r.GetBoolean(1).Should().BeFalse();
        r.GetValue(1).Should().Be(false);
        r.Field<bool?>(0).Should().BeTrue();
    });

    [Fact]
    public void Reader_SignedIntegers_ReadExtremesOfEveryWidth() => _db.SingleRow(
        """
        SELECT (-128)::TINYINT, 127::TINYINT, (-32768)::SMALLINT, 32767::SMALLINT,
               (-2147483648)::INTEGER, 2147483647::INTEGER, (-9223372036854775808)::BIGINT, 9223372036854775807::BIGINT
        """,
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.TinyInt);
            r.GetColumnType(2).Should().Be(DuckDbType.SmallInt);
            r.GetColumnType(4).Should().Be(DuckDbType.Integer);
            r.GetColumnType(6).Should().Be(DuckDbType.BigInt);
            r.GetValue(0).Should().Be((sbyte)-128);
            r.GetValue(1).Should().Be((sbyte)127);
            r.GetValue(2).Should().Be((short)-32768);
            r.GetValue(3).Should().Be((short)32767);
            r.GetInt32(4).Should().Be(int.MinValue);
            r.GetInt32(5).Should().Be(int.MaxValue);
            r.GetInt64(6).Should().Be(long.MinValue);
            r.GetInt64(7).Should().Be(long.MaxValue);
            r.GetInt32(0).Should().Be(-128);
            r.GetInt64(3).Should().Be(32767);
            r.Field<int>(5).Should().Be(int.MaxValue);
            r.Field<long>(6).Should().Be(long.MinValue);
        });

    [Fact]
    public void Reader_UnsignedIntegers_ReadMaximumOfEveryWidth() => _db.SingleRow(
        "SELECT 255::UTINYINT, 65535::USMALLINT, 4294967295::UINTEGER, 18446744073709551615::UBIGINT",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.UTinyInt);
            r.GetColumnType(3).Should().Be(DuckDbType.UBigInt);
            r.GetFieldType(3).Should().Be<ulong>();
            r.GetValue(0).Should().Be((byte)255);
            r.GetValue(1).Should().Be((ushort)65535);
            r.GetValue(2).Should().Be(4294967295u);
            r.GetValue(3).Should().Be(ulong.MaxValue);
            r.GetInt64(2).Should().Be(4294967295L);
            r.GetInt128(3).Should().Be((Int128)ulong.MaxValue);
        });

    [Fact]
    public void Reader_UBigIntAboveLongRange_RefusesGetInt64()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 18446744073709551615::UBIGINT");
        reader.Read().Should().BeTrue();

        var act = () => reader.GetInt64(0);

        act.Should().Throw<OverflowException>();
    }

    [Fact]
    public void Reader_HugeInt_ReadsBothExtremesAndSmallNegatives() => _db.SingleRow(
        """
        SELECT 170141183460469231731687303715884105727::HUGEINT, (-170141183460469231731687303715884105728)::HUGEINT,
               (-1)::HUGEINT, 18446744073709551616::HUGEINT
        """,
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.HugeInt);
            r.GetFieldType(0).Should().Be<Int128>();
            r.GetInt128(0).Should().Be(Int128.MaxValue);
            r.GetInt128(1).Should().Be(Int128.MinValue);
            r.GetInt128(2).Should().Be(Int128.NegativeOne);
            r.GetInt64(2).Should().Be(-1);
            r.GetValue(3).Should().Be((Int128)ulong.MaxValue + 1);
            r.Field<Int128>(0).Should().Be(Int128.MaxValue);
        });

    [Fact]
    public void Reader_UHugeInt_ReadsMaximum() => _db.SingleRow(
        "SELECT 340282366920938463463374607431768211455::UHUGEINT, 12345::UHUGEINT",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.UHugeInt);
            r.GetValue(0).Should().Be(UInt128.MaxValue);
            r.GetInt64(1).Should().Be(12345);
        });

    [Fact]
    public void Reader_FloatAndDouble_ReadExactBinaryFractions() => _db.SingleRow(
        "SELECT 0.15625::FLOAT, (-1.5e30)::FLOAT, 1.0 / 3.0, '-inf'::DOUBLE, 'nan'::DOUBLE",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Float);
            r.GetColumnType(2).Should().Be(DuckDbType.Double);
            r.GetValue(0).Should().Be(0.15625f);
            r.GetDouble(0).Should().Be(0.15625);
            r.GetValue(1).Should().Be(-1.5e30f);
            r.GetDouble(2).Should().Be(1.0 / 3.0);
            r.GetDouble(3).Should().Be(double.NegativeInfinity);
            double.IsNaN(r.GetDouble(4)).Should().BeTrue();
        });

    [Theory]
    [InlineData("-12.34::DECIMAL(4,2)", "-12.34")]
    [InlineData("99.99::DECIMAL(4,2)", "99.99")]
    [InlineData("123456.789::DECIMAL(9,3)", "123456.789")]
    [InlineData("-0.001::DECIMAL(9,3)", "-0.001")]
    [InlineData("12345678901234.5678::DECIMAL(18,4)", "12345678901234.5678")]
    [InlineData("-99999999999999.9999::DECIMAL(18,4)", "-99999999999999.9999")]
    [InlineData("1234567890123456789.0123456789::DECIMAL(38,10)", "1234567890123456789.0123456789")]
    [InlineData("-0.0000000001::DECIMAL(38,10)", "-0.0000000001")]
    [InlineData("1.5::DECIMAL(9,3)", "1.500")]
    public void Reader_DecimalOfEveryInternalWidth_ReadsExactValueAndScale(string expression, string expected) =>
        _db.SingleRow($"SELECT {expression}", r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Decimal);
            r.GetFieldType(0).Should().Be<decimal>();
            var value = r.GetDecimal(0);
            value.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);
            r.GetValue(0).Should().Be(value);
            r.GetDouble(0).Should().Be((double)value);
        });

    [Fact]
    public void Reader_DecimalBeyondSystemDecimal_ThrowsDuckDbException()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 9999999999999999999999999999.9999999999::DECIMAL(38,10)");
        reader.Read().Should().BeTrue();

        var act = () => reader.GetDecimal(0);

        act.Should().Throw<DuckDbException>().WithMessage("*does not fit System.Decimal*");
    }

    [Fact]
    public void Reader_IntegerReadAsWrongType_ThrowsInvalidCast()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT 1::INTEGER, 'x'");
        reader.Read().Should().BeTrue();

        FluentActions.Invoking(() => reader.GetString(0)).Should().Throw<InvalidCastException>().WithMessage("*Integer*string*");
        FluentActions.Invoking(() => reader.GetInt64(1)).Should().Throw<InvalidCastException>().WithMessage("*Varchar*long*");
        FluentActions.Invoking(() => reader.GetDate(0)).Should().Throw<InvalidCastException>();
    }
}
