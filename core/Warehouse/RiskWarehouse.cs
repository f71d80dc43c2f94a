using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Core.Warehouse;

/// <summary>
/// The DuckDB warehouse: opens the database, brings its schema up to date and keeps the dimension tables in step with the
/// shipped reference dictionaries. One instance per process owns the file; take a connection per thread from it.
/// </summary>
public sealed class RiskWarehouse : IDisposable
{
    private RiskWarehouse(DuckDbDatabase database, ReferenceData reference)
    {
        Database = database;
        Reference = reference;
    }

    public DuckDbDatabase Database { get; }

    public ReferenceData Reference { get; }

    public string Path => Database.Path;

    /// <summary>Opens (creating if needed) and migrates the warehouse. Read-only opens neither migrate nor write.</summary>
    public static RiskWarehouse Open(string path, DuckDbOptions? options = null, ReferenceData? reference = null)
    {
        options ??= new DuckDbOptions();
        reference ??= ReferenceData.Default;
        if (options.ReadOnly && path != DuckDbDatabase.InMemory && !File.Exists(path))
        {
            throw new RiskMonitorException($"数据仓库文件不存在：{path}（请先运行 ingest 或 demo）");
        }

        var database = DuckDbDatabase.Open(path, options);
        try
        {
            var warehouse = new RiskWarehouse(database, reference);
            if (!options.ReadOnly)
            {
                using var connection = database.Connect();
                Migrator.Apply(connection);
                warehouse.SyncDimensions(connection);
            }

            return warehouse;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public DuckDbConnection Connect() => Database.Connect();

    /// <summary>Upserts regions, categories and hazards from the reference dictionaries.</summary>
    private void SyncDimensions(DuckDbConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var statement = connection.Prepare("INSERT OR REPLACE INTO dim_region VALUES ($1, $2, $3, $4, $5)"))
        {
            foreach (var r in Reference.Regions)
            {
                statement.BindAll(r.Code, r.Name, r.ShortName, r.OutOfProvince, r.Population10k).ExecuteNonQuery();
            }
        }

        using (var statement = connection.Prepare("INSERT OR REPLACE INTO dim_category VALUES ($1, $2, $3, $4)"))
        {
            foreach (var c in Reference.Categories)
            {
                statement.BindAll(c.Code, c.Name, c.Group, c.Season).ExecuteNonQuery();
            }
        }

        using (var statement = connection.Prepare("INSERT OR REPLACE INTO dim_hazard VALUES ($1, $2, $3)"))
        {
            foreach (var h in Reference.Hazards)
            {
                statement.BindAll(h.Code, h.Name, h.Severity).ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public void Dispose() => Database.Dispose();
}
