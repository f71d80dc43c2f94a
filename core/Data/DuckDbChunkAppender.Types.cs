using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using RiskMonitor.Core.Data.Native;
using RiskMonitor.Core.Data.Vectors;

namespace RiskMonitor.Core.Data;

/// <summary>The column types a chunk appender accepts, and the chunks it creates for them.</summary>
public sealed partial class DuckDbChunkAppender
{
    private static unsafe DataChunkHandle Create(LogicalTypeHandle[] types)
    {
        var raw = stackalloc nint[types.Length];
        for (var c = 0; c < types.Length; c++)
        {
            raw[c] = types[c].DangerousGetHandle();
        }

        var chunk = NativeMethods.CreateDataChunk(raw, (ulong)types.Length);
        GC.KeepAlive(types);
        return chunk.IsInvalid ? throw new DuckDbException("DuckDB could not create a data chunk") : chunk;
    }

    private static (DuckDbType, ChunkColumnKind) Kind(LogicalTypeHandle type, string table, int column)
    {
        var id = NativeMethods.GetTypeId(type);
        ChunkColumnKind? kind = id switch
        {
            DuckDbType.Boolean => ChunkColumnKind.Boolean,
            DuckDbType.Integer => ChunkColumnKind.Int32,
            DuckDbType.BigInt => ChunkColumnKind.Int64,
            DuckDbType.Double => ChunkColumnKind.Double,
            DuckDbType.Date => ChunkColumnKind.Date,
            DuckDbType.Timestamp => ChunkColumnKind.Timestamp,
            DuckDbType.Varchar => ChunkColumnKind.Varchar,
            DuckDbType.List when ListOfVarchar(type) => ChunkColumnKind.VarcharList,
            _ => null,
        };
        return kind is { } k
            ? (id, k)
            : throw new DuckDbException(
                $"column {column + 1} of {table} is {id}: the chunk appender writes BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, TIMESTAMP, "
                + "VARCHAR and VARCHAR[] columns (use CreateAppender for others)");
    }

    private static bool ListOfVarchar(LogicalTypeHandle type)
    {
        using var child = NativeMethods.ListTypeChildType(type);
        return NativeMethods.GetTypeId(child) == DuckDbType.Varchar;
    }

    private static string Describe(DuckDbType type, ChunkColumnKind kind) => kind == ChunkColumnKind.VarcharList ? "VARCHAR[]" : type switch
    {
        DuckDbType.Integer => "INTEGER",
        DuckDbType.BigInt => "BIGINT",
        DuckDbType.Boolean => "BOOLEAN",
        DuckDbType.Double => "DOUBLE",
        DuckDbType.Date => "DATE",
        DuckDbType.Timestamp => "TIMESTAMP",
        _ => "VARCHAR",
    };
}
