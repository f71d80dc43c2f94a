using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data;

/// <summary>Conversions between DuckDB's physical values and .NET types, in one place.</summary>
internal static class DuckDbValues
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static DateOnly DateFromDays(int days) => DateOnly.FromDayNumber(UnixEpochDayNumber + days);

    public static int DaysFromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    public static DateTime DateTimeFromMicros(long micros) => new(UnixEpochTicks + (micros * 10), DateTimeKind.Unspecified);

    /// <summary>Keeps the 100 ns ticks DateTime can hold; rounds toward the past so that instants before 1970 stay before.</summary>
    public static DateTime DateTimeFromNanos(long nanos) => new(UnixEpochTicks + FloorDiv(nanos, 100), DateTimeKind.Unspecified);

    /// <summary>Drops sub-microsecond ticks toward the past, as for <see cref="DateTimeFromNanos"/>.</summary>
    public static long MicrosFromDateTime(DateTime value) => FloorDiv(value.Ticks - UnixEpochTicks, 10);

    private static long FloorDiv(long value, long divisor)
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
