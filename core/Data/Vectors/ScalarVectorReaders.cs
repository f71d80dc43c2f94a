using System.Numerics;
using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data.Vectors;

internal sealed unsafe class BooleanVectorReader() : VectorReader(DuckDbType.Boolean)
{
    public override Type ClrType => typeof(bool);

    public override bool GetBoolean(int row) => ((byte*)Data)[row] != 0;

    public override object GetValue(int row) => GetBoolean(row);
}

/// <summary>Every integer width, signed and unsigned, up to 128 bits.</summary>
internal sealed unsafe class IntegerVectorReader<T>(DuckDbType type) : VectorReader(type)
    where T : unmanaged, IBinaryInteger<T>
{
    public override Type ClrType => typeof(T);

    public override long GetInt64(int row) => long.CreateChecked(((T*)Data)[row]);

    public override Int128 GetInt128(int row) => Int128.CreateChecked(((T*)Data)[row]);

    public override double GetDouble(int row) => double.CreateChecked(((T*)Data)[row]);

    public override decimal GetDecimal(int row) => decimal.CreateChecked(((T*)Data)[row]);

    public override object GetValue(int row) => ((T*)Data)[row];
}

internal sealed unsafe class FloatingVectorReader<T>(DuckDbType type) : VectorReader(type)
    where T : unmanaged, IFloatingPoint<T>
{
    public override Type ClrType => typeof(T);

    public override double GetDouble(int row) => double.CreateChecked(((T*)Data)[row]);

    public override decimal GetDecimal(int row) => decimal.CreateChecked(((T*)Data)[row]);

    public override object GetValue(int row) => ((T*)Data)[row];
}

/// <summary>
/// DECIMAL(w, s): an unscaled integer of 16, 32, 64 or 128 bits depending on the width. One reader per storage type, so
/// the width is settled once per query rather than once per value, and the narrow widths skip 128-bit arithmetic.
/// </summary>
internal sealed unsafe class DecimalVectorReader<T>(byte scale) : VectorReader(DuckDbType.Decimal)
    where T : unmanaged, IBinaryInteger<T>
{
    public override Type ClrType => typeof(decimal);

    public override decimal GetDecimal(int row) => typeof(T) == typeof(Int128)
        ? DuckDbValues.DecimalFromUnscaled(((Int128*)Data)[row], scale)
        : DuckDbValues.DecimalFromUnscaled(long.CreateTruncating(((T*)Data)[row]), scale);

    public override double GetDouble(int row) => (double)GetDecimal(row);

    public override object GetValue(int row) => GetDecimal(row);
}

internal sealed unsafe class DateVectorReader() : VectorReader(DuckDbType.Date)
{
    public override Type ClrType => typeof(DateOnly);

    public override DateOnly GetDate(int row) => DuckDbValues.DateFromDays(((int*)Data)[row]);

    public override DateTime GetDateTime(int row) => GetDate(row).ToDateTime(TimeOnly.MinValue);

    public override object GetValue(int row) => GetDate(row);
}

/// <summary>TIMESTAMP in microseconds, and its second, millisecond, nanosecond and time-zone variants.</summary>
internal sealed unsafe class TimestampVectorReader : VectorReader
{
    // 100 ns ticks per stored unit; 0 for nanoseconds, which are finer than a tick.
    private readonly long _ticksPerUnit;
    private readonly long _minRaw;
    private readonly long _maxRaw;
    private readonly DateTimeKind _kind;

    public TimestampVectorReader(DuckDbType type) : base(type)
    {
        _ticksPerUnit = type switch
        {
            DuckDbType.TimestampS => 10_000_000,
            DuckDbType.TimestampMs => 10_000,
            DuckDbType.TimestampNs => 0,
            _ => 10,
        };

        // ±infinity is ±long.MaxValue in every variant. Nanoseconds only span 1677–2262, so everything else fits DateTime.
        (_minRaw, _maxRaw) = _ticksPerUnit == 0
            ? (-long.MaxValue + 1, long.MaxValue - 1)
            : (DuckDbValues.MinTicksSinceEpoch / _ticksPerUnit, DuckDbValues.MaxTicksSinceEpoch / _ticksPerUnit);
        _kind = type == DuckDbType.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified;
    }

    public override Type ClrType => typeof(DateTime);

    public override DateTime GetDateTime(int row)
    {
        var raw = ((long*)Data)[row];
        if (raw < _minRaw || raw > _maxRaw)
        {
            throw DuckDbValues.NotRepresentable(Type, raw, long.MaxValue, nameof(DateTime));
        }

        // Nanoseconds round toward the past, so that an instant just before 1970 stays before it.
        var ticks = _ticksPerUnit == 0 ? DuckDbValues.FloorDiv(raw, 100) : raw * _ticksPerUnit;
        return DuckDbValues.DateTimeFromTicksSinceEpoch(ticks, _kind);
    }

    public override DateOnly GetDate(int row) => DateOnly.FromDateTime(GetDateTime(row));

    public override object GetValue(int row) => GetDateTime(row);
}

internal sealed unsafe class TimeVectorReader() : VectorReader(DuckDbType.Time)
{
    public override Type ClrType => typeof(TimeOnly);

    private const long MicrosPerDay = 86_400_000_000;

    public override object GetValue(int row)
    {
        var micros = ((long*)Data)[row];
        return micros is >= 0 and < MicrosPerDay
            ? new TimeOnly(micros * 10)
            : throw DuckDbValues.NotRepresentable(DuckDbType.Time, micros, long.MaxValue, nameof(TimeOnly));
    }
}

internal sealed unsafe class IntervalVectorReader() : VectorReader(DuckDbType.Interval)
{
    public override Type ClrType => typeof(DuckDbInterval);

    public override object GetValue(int row)
    {
        var raw = ((DuckDbIntervalStruct*)Data)[row];
        return new DuckDbInterval(raw.Months, raw.Days, raw.Micros);
    }
}

/// <summary>UUID: a 128-bit integer whose top bit is flipped so that it sorts like the textual form.</summary>
internal sealed unsafe class UuidVectorReader() : VectorReader(DuckDbType.Uuid)
{
    public override Type ClrType => typeof(Guid);

    public override object GetValue(int row)
    {
        var raw = ((DuckDbHugeInt*)Data)[row];
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)raw.Upper ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], raw.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    public override string GetString(int row) => GetValue(row).ToString()!;
}
