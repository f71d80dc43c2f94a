using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data;

/// <summary>Conversions between DuckDB's physical values and .NET types, in one place.</summary>
internal static class DuckDbValues
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int UnixEpochDayNumber = 719_162;

    // The ranges of DateTime and DateOnly, counted from 1970 as DuckDB counts.
    public const long MinTicksSinceEpoch = -UnixEpochTicks;
    public const long MaxTicksSinceEpoch = 3_155_378_975_999_999_999 - UnixEpochTicks;
    private const int MinDaysSinceEpoch = -UnixEpochDayNumber;
    private const int MaxDaysSinceEpoch = 3_652_058 - UnixEpochDayNumber;

    public static DateOnly DateFromDays(int days) => days is >= MinDaysSinceEpoch and <= MaxDaysSinceEpoch
        ? DateOnly.FromDayNumber(UnixEpochDayNumber + days)
        : throw NotRepresentable(DuckDbType.Date, days, int.MaxValue, nameof(DateOnly));

    public static int DaysFromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    /// <summary>The caller has checked that <paramref name="ticks"/> lies within DateTime's range.</summary>
    public static DateTime DateTimeFromTicksSinceEpoch(long ticks, DateTimeKind kind) => new(UnixEpochTicks + ticks, kind);

    /// <summary>Drops sub-microsecond ticks toward the past, so that instants before 1970 stay before.</summary>
    public static long MicrosFromDateTime(DateTime value) => FloorDiv(value.Ticks - UnixEpochTicks, 10);

    /// <summary>
    /// A DATE, TIME or TIMESTAMP that .NET cannot hold: DuckDB's ±infinity (the type's largest magnitude), a year beyond
    /// 1–9999 or TIME '24:00:00'. Reading it as a nearby or wrapped-around value would be silently wrong.
    /// </summary>
    public static DuckDbException NotRepresentable(DuckDbType type, long raw, long infinity, string clrType)
    {
        var (sqlType, unit) = type switch
        {
            DuckDbType.Date => ("DATE", "days since 1970-01-01"),
            DuckDbType.Time => ("TIME", "µs since midnight"),
            DuckDbType.TimestampTz => ("TIMESTAMP WITH TIME ZONE", "µs since 1970"),
            DuckDbType.TimestampS => ("TIMESTAMP_S", "s since 1970"),
            DuckDbType.TimestampMs => ("TIMESTAMP_MS", "ms since 1970"),
            DuckDbType.TimestampNs => ("TIMESTAMP_NS", "ns since 1970"),
            _ => ("TIMESTAMP", "µs since 1970"),
        };
        var value = raw == infinity ? "infinity" : raw == -infinity ? "-infinity" : $"value {raw} ({unit})";
        return new DuckDbException($"{sqlType} {value} does not fit {clrType}; CAST the column to VARCHAR in the query");
    }

    public static long FloorDiv(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    /// <summary>DECIMAL of width up to 18: the magnitude always fits 64 bits and the scale System.Decimal's 28.</summary>
    public static decimal DecimalFromUnscaled(long unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? unchecked(0UL - (ulong)unscaled) : (ulong)unscaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    public static decimal DecimalFromUnscaled(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if ((magnitude >> 96) != 0 || scale > 28)
        {
            throw new DuckDbException($"DECIMAL value {unscaled}e-{scale} does not fit System.Decimal");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    public static DuckDbDecimalStruct DecimalToNative(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var negative = (bits[3] & int.MinValue) != 0;
        Int128 magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        return new DuckDbDecimalStruct { Width = 38, Scale = scale, Value = new DuckDbHugeInt(negative ? -magnitude : magnitude) };
    }
}

/// <summary>A DuckDB INTERVAL: months, days and microseconds are kept apart because they do not convert into each other.</summary>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros);
