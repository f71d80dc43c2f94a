using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ReaderTemporalTypeTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Reader_Date_ReadsDatesAroundTheEpochAndFarAway() => _db.SingleRow(
        "SELECT DATE '2024-02-29', DATE '1969-12-31', DATE '1970-01-01', DATE '0001-01-01', DATE '9999-12-31'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Date);
            r.GetFieldType(0).Should().Be<DateOnly>();
            r.GetDate(0).Should().Be(new DateOnly(2024, 2, 29));
            r.GetDate(1).Should().Be(new DateOnly(1969, 12, 31));
            r.GetDate(2).Should().Be(new DateOnly(1970, 1, 1));
            r.GetDate(3).Should().Be(DateOnly.MinValue);
            r.GetDate(4).Should().Be(new DateOnly(9999, 12, 31));
            r.GetDateTime(0).Should().Be(new DateTime(2024, 2, 29));
            r.GetValue(0).Should().Be(new DateOnly(2024, 2, 29));
            r.Field<DateOnly?>(1).Should().Be(new DateOnly(1969, 12, 31));
        });

    [Fact]
    public void Reader_Time_ReadsMicroseconds() => _db.SingleRow(
        "SELECT TIME '12:34:56.789012', TIME '00:00:00', TIME '23:59:59.999999'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Time);
            r.GetFieldType(0).Should().Be<TimeOnly>();
            r.GetValue(0).Should().Be(new TimeOnly(12, 34, 56).Add(TimeSpan.FromMicroseconds(789_012)));
            r.GetValue(1).Should().Be(TimeOnly.MinValue);
            r.GetValue(2).Should().Be(new TimeOnly(23, 59, 59).Add(TimeSpan.FromMicroseconds(999_999)));
        });

    [Fact]
    public void Reader_Timestamp_ReadsMicrosecondsAsUnspecifiedKind() => _db.SingleRow(
        "SELECT TIMESTAMP '2024-03-01 12:34:56.789012', TIMESTAMP '1969-12-31 23:59:59.5', TIMESTAMP '0001-01-01 00:00:00'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Timestamp);
            r.GetFieldType(0).Should().Be<DateTime>();
            var value = r.GetDateTime(0);
            value.Should().Be(new DateTime(2024, 3, 1, 12, 34, 56).AddTicks(7_890_120));
            value.Kind.Should().Be(DateTimeKind.Unspecified);
            r.GetDateTime(1).Should().Be(new DateTime(1969, 12, 31, 23, 59, 59, 500));
            r.GetDateTime(2).Should().Be(DateTime.MinValue);
            r.GetDate(0).Should().Be(new DateOnly(2024, 3, 1));
            r.GetValue(0).Should().Be(value);
        });

    [Fact]
    public void Reader_TimestampSeconds_ReadsWholeSeconds() => _db.SingleRow(
        "SELECT TIMESTAMP_S '2024-03-01 12:34:56', TIMESTAMP_S '1900-01-01 00:00:01'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.TimestampS);
            r.GetDateTime(0).Should().Be(new DateTime(2024, 3, 1, 12, 34, 56));
            r.GetDateTime(1).Should().Be(new DateTime(1900, 1, 1, 0, 0, 1));
        });

    [Fact]
    public void Reader_TimestampMilliseconds_ReadsMilliseconds() => _db.SingleRow(
        "SELECT TIMESTAMP_MS '2024-03-01 12:34:56.789', TIMESTAMP_MS '1969-12-31 23:59:59.001'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.TimestampMs);
            r.GetDateTime(0).Should().Be(new DateTime(2024, 3, 1, 12, 34, 56, 789));
            r.GetDateTime(1).Should().Be(new DateTime(1969, 12, 31, 23, 59, 59, 1));
        });

    [Fact]
    public void Reader_TimestampNanoseconds_KeepsEveryTickDateTimeCanHold() => _db.SingleRow(
        "SELECT TIMESTAMP_NS '2024-03-01 12:34:56.123456789', TIMESTAMP_NS '2024-03-01 00:00:00.000000100'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.TimestampNs);
            r.GetDateTime(0).Should().Be(new DateTime(2024, 3, 1, 12, 34, 56).AddTicks(1_234_567));
            r.GetDateTime(1).Should().Be(new DateTime(2024, 3, 1).AddTicks(1));
        });

    [Fact]
    public void Reader_TimestampNanosecondsBeforeEpoch_RoundsTowardThePast() => _db.SingleRow(
        "SELECT TIMESTAMP_NS '1969-12-31 23:59:59.999999999', TIMESTAMP_NS '1969-12-31 23:59:59.000000050'",
        r =>
        {
            // 1 ns before the epoch is still 1969: truncating toward zero would land on 1970-01-01.
            r.GetDateTime(0).Should().Be(new DateTime(1970, 1, 1).AddTicks(-1));
            r.GetDateTime(1).Should().Be(new DateTime(1969, 12, 31, 23, 59, 59));
        });

    [Fact]
    public void Reader_TimestampWithTimeZone_ReadsTheUtcInstant() => _db.SingleRow(
        "SELECT TIMESTAMPTZ '2024-03-01 08:00:00.25+08'",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.TimestampTz);
            var value = r.GetDateTime(0);
            value.Should().Be(new DateTime(2024, 3, 1, 0, 0, 0, 250));
            value.Kind.Should().Be(DateTimeKind.Utc);
        });

    [Fact]
    public void Reader_Interval_KeepsMonthsDaysAndMicrosApart() => _db.SingleRow(
        "SELECT INTERVAL 14 MONTH + INTERVAL 3 DAY + INTERVAL 5123456 MICROSECOND, -INTERVAL 1 DAY",
        r =>
        {
            r.GetColumnType(0).Should().Be(DuckDbType.Interval);
            r.GetFieldType(0).Should().Be<DuckDbInterval>();
            r.GetValue(0).Should().Be(new DuckDbInterval(14, 3, 5_123_456));
            r.GetValue(1).Should().Be(new DuckDbInterval(0, -1, 0));
        });

    [Theory]
    [InlineData("'infinity'::TIMESTAMP", "TIMESTAMP infinity")]
    [InlineData("'-infinity'::TIMESTAMP", "TIMESTAMP -infinity")]
    [InlineData("'infinity'::TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE infinity")]
    [InlineData("'infinity'::TIMESTAMP_S", "TIMESTAMP_S infinity")]
    [InlineData("'infinity'::TIMESTAMP_MS", "TIMESTAMP_MS infinity")]
    [InlineData("'infinity'::TIMESTAMP_NS", "TIMESTAMP_NS infinity")]
    [InlineData("'-infinity'::TIMESTAMP_NS", "TIMESTAMP_NS -infinity")]
    [InlineData("TIMESTAMP '10000-01-01 00:00:00'", "TIMESTAMP value *")]
    [InlineData("TIMESTAMP_S '12000-06-01 00:00:00'", "TIMESTAMP_S value *")]
    [InlineData("'infinity'::DATE", "DATE infinity")]
    [InlineData("DATE '10000-01-01'", "DATE value *")]
    public void Reader_InstantBeyondDateTime_ThrowsInsteadOfReadingAWrappedValue(string expression, string message)
    {
        using var reader = _db.Connection.ExecuteReader($"SELECT {expression}");
        reader.Read().Should().BeTrue();

        reader.IsNull(0).Should().BeFalse();
        FluentActions.Invoking(() => reader.GetValue(0)).Should().Throw<DuckDbException>().WithMessage($"{message}*does not fit*");
        FluentActions.Invoking(() => reader.GetDate(0)).Should().Throw<DuckDbException>();
    }

    [Fact]
    public void Reader_TimestampAtTheEdgesOfDateTime_ReadsExactly() => _db.SingleRow(
        "SELECT TIMESTAMP '9999-12-31 23:59:59.999999', TIMESTAMP_S '9999-12-31 23:59:59', TIMESTAMP_NS '1677-09-22 00:00:00', DATE '9999-12-31'",
        r =>
        {
            r.GetDateTime(0).Should().Be(DateTime.MaxValue.AddTicks(-9));
            r.GetDateTime(1).Should().Be(new DateTime(9999, 12, 31, 23, 59, 59));
            r.GetDateTime(2).Should().Be(new DateTime(1677, 9, 22));
            r.GetDate(3).Should().Be(DateOnly.MaxValue);
        });

    [Fact]
    public void Reader_TimeOfTwentyFourHours_ThrowsDuckDbException()
    {
        using var reader = _db.Connection.ExecuteReader("SELECT TIME '24:00:00'");
        reader.Read().Should().BeTrue();

        FluentActions.Invoking(() => reader.GetValue(0)).Should().Throw<DuckDbException>().WithMessage("TIME *does not fit TimeOnly*");
    }
}
