using RiskMonitor.Core.Data.Native;

namespace RiskMonitor.Core.Data.Vectors;

/// <summary>
/// Reads one column of a data chunk. One reader per column is created from the column's logical type and re-attached to each
/// new chunk's vector, so reading costs a pointer load, not an allocation.
/// </summary>
internal abstract unsafe class VectorReader
{
    private ulong* _validity;

    protected VectorReader(DuckDbType type) => Type = type;

    public DuckDbType Type { get; }

    /// <summary>The .NET type that <see cref="GetValue"/> returns.</summary>
    public abstract Type ClrType { get; }

    protected void* Data { get; private set; }

    public virtual void Attach(nint vector)
    {
        Data = NativeMethods.VectorGetData(vector);
        _validity = NativeMethods.VectorGetValidity(vector);
    }

    /// <summary>False when the row is NULL. A vector without a validity mask has no NULLs.</summary>
    public bool IsValid(int row) => _validity == null || (_validity[row >> 6] & (1UL << (row & 63))) != 0;

    public abstract object GetValue(int row);

    public virtual bool GetBoolean(int row) => throw Mismatch("bool");

    public virtual long GetInt64(int row) => throw Mismatch("long");

    public virtual Int128 GetInt128(int row) => GetInt64(row);

    public virtual double GetDouble(int row) => throw Mismatch("double");

    public virtual decimal GetDecimal(int row) => throw Mismatch("decimal");

    public virtual string GetString(int row) => throw Mismatch("string");

    public virtual DateOnly GetDate(int row) => throw Mismatch("DateOnly");

    public virtual DateTime GetDateTime(int row) => throw Mismatch("DateTime");

    private InvalidCastException Mismatch(string wanted) => new($"a DuckDB {Type} column cannot be read as {wanted}");

    /// <summary>Creates the reader for a column of the given logical type.</summary>
    public static VectorReader Create(LogicalTypeHandle logicalType)
    {
        var type = NativeMethods.GetTypeId(logicalType);
        return type switch
        {
            DuckDbType.Boolean => new BooleanVectorReader(),
            DuckDbType.TinyInt => new IntegerVectorReader<sbyte>(type),
            DuckDbType.SmallInt => new IntegerVectorReader<short>(type),
            DuckDbType.Integer => new IntegerVectorReader<int>(type),
            DuckDbType.BigInt => new IntegerVectorReader<long>(type),
            DuckDbType.UTinyInt => new IntegerVectorReader<byte>(type),
            DuckDbType.USmallInt => new IntegerVectorReader<ushort>(type),
            DuckDbType.UInteger => new IntegerVectorReader<uint>(type),
            DuckDbType.UBigInt => new IntegerVectorReader<ulong>(type),
            DuckDbType.HugeInt => new IntegerVectorReader<Int128>(type),
            DuckDbType.UHugeInt => new IntegerVectorReader<UInt128>(type),
            DuckDbType.Float => new FloatingVectorReader<float>(type),
            DuckDbType.Double => new FloatingVectorReader<double>(type),
            DuckDbType.Decimal => CreateDecimal(logicalType),
            DuckDbType.Date => new DateVectorReader(),
            DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS
                or DuckDbType.TimestampMs or DuckDbType.TimestampNs => new TimestampVectorReader(type),
            DuckDbType.Time => new TimeVectorReader(),
            DuckDbType.Interval => new IntervalVectorReader(),
            DuckDbType.Varchar => new VarcharVectorReader(type),
            DuckDbType.Blob => new VarcharVectorReader(type),
            DuckDbType.Uuid => new UuidVectorReader(),
            DuckDbType.Enum => EnumVectorReader.ForType(logicalType),
            DuckDbType.List => ListVectorReader.ForType(logicalType),
            _ => new UnsupportedVectorReader(type),
        };
    }

    private static VectorReader CreateDecimal(LogicalTypeHandle logicalType)
    {
        var scale = NativeMethods.DecimalScale(logicalType);
        return NativeMethods.DecimalInternalType(logicalType) switch
        {
            DuckDbType.SmallInt => new DecimalVectorReader<short>(scale),
            DuckDbType.Integer => new DecimalVectorReader<int>(scale),
            DuckDbType.BigInt => new DecimalVectorReader<long>(scale),
            _ => new DecimalVectorReader<Int128>(scale),
        };
    }
}

/// <summary>Stands in for a column type the binding does not read, so that the other columns of the query still work.</summary>
internal sealed class UnsupportedVectorReader(DuckDbType type) : VectorReader(type)
{
    public override Type ClrType => typeof(object);

    public override object GetValue(int row) =>
        throw new DuckDbException($"columns of type {Type} are not read by RiskMonitor; CAST the column to VARCHAR in the query");
}
