using System.Runtime.CompilerServices;

namespace RiskMonitor.Core.Data;

public sealed partial class DuckDbDataReader
{
    /// <summary>Typed access that maps SQL NULL to null for reference and nullable types.</summary>
    /// <remarks>
    /// For a value type <typeparamref name="T"/> every <c>typeof</c> test below is a constant to the JIT, so
    /// <c>Field&lt;long&gt;</c> compiles to the one typed getter it needs and nothing is boxed (mappers call this once per
    /// value, so a box here is an allocation per value).
    /// </remarks>
    public T Field<T>(int ordinal)
    {
        if (IsNull(ordinal))
        {
            return default(T) is null
                ? default!
                : throw new InvalidCastException($"column '{_names[ordinal]}' is NULL and cannot be read as {typeof(T).Name}");
        }

        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?))
        {
            return As<long, T>(GetInt64(ordinal));
        }

        if (typeof(T) == typeof(int) || typeof(T) == typeof(int?))
        {
            return As<int, T>(GetInt32(ordinal));
        }

        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?))
        {
            return As<double, T>(GetDouble(ordinal));
        }

        if (typeof(T) == typeof(decimal) || typeof(T) == typeof(decimal?))
        {
            return As<decimal, T>(GetDecimal(ordinal));
        }

        if (typeof(T) == typeof(bool) || typeof(T) == typeof(bool?))
        {
            return As<bool, T>(GetBoolean(ordinal));
        }

        if (typeof(T) == typeof(DateOnly) || typeof(T) == typeof(DateOnly?))
        {
            return As<DateOnly, T>(GetDate(ordinal));
        }

        if (typeof(T) == typeof(DateTime) || typeof(T) == typeof(DateTime?))
        {
            return As<DateTime, T>(GetDateTime(ordinal));
        }

        if (typeof(T) == typeof(Int128) || typeof(T) == typeof(Int128?))
        {
            return As<Int128, T>(GetInt128(ordinal));
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)GetString(ordinal);
        }

        if (typeof(T) == typeof(string?[]))
        {
            return (T)(object)GetStringList(ordinal);
        }

        return (T)_readers[ordinal].GetValue(_row);
    }

    /// <summary>Reinterprets <paramref name="value"/> as <typeparamref name="T"/>, which the caller has checked is
    /// <typeparamref name="TValue"/> or <c>TValue?</c>.</summary>
    private static T As<TValue, T>(TValue value)
        where TValue : struct
    {
        if (typeof(T) == typeof(TValue))
        {
            return Unsafe.As<TValue, T>(ref value);
        }

        TValue? nullable = value;
        return Unsafe.As<TValue?, T>(ref nullable);
    }
}
