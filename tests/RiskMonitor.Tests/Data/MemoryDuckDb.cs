using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

/// <summary>A fresh in-memory database with one open connection: the fixture behind most binding tests.</summary>
public sealed class MemoryDuckDb : IDisposable
{
    public MemoryDuckDb(DuckDbOptions? options = null)
    {
        Database = DuckDbDatabase.Open(DuckDbDatabase.InMemory, options);
        Connection = Database.Connect();
    }

    public DuckDbDatabase Database { get; }

    public DuckDbConnection Connection { get; }

    /// <summary>Runs <paramref name="sql"/>, expects exactly one row and hands the reader positioned on it to <paramref name="check"/>.</summary>
    public void SingleRow(string sql, Action<DuckDbDataReader> check, params object?[] parameters)
    {
        using var reader = Connection.ExecuteReader(sql, parameters);
        reader.Read().Should().BeTrue("the query returns one row");
        check(reader);
        reader.Read().Should().BeFalse("the query returns only one row");
    }

    public void Dispose()
    {
        Connection.Dispose();
        Database.Dispose();
    }
}
