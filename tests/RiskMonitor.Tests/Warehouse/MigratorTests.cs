using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Warehouse;

public sealed class MigratorTests
{
    [Fact]
    public void Open_NewFile_AppliesEveryShippedMigrationAndSeedsDimensions()
    {
        using var dir = new TempDirectory();
        using var warehouse = RiskWarehouse.Open(dir.File("w.duckdb"));
        using var connection = warehouse.Connect();

        connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations").Should().Be(Migrator.Shipped.Count);
        connection.ExecuteScalar<long>("SELECT count(*) FROM dim_region WHERE NOT out_of_province").Should().Be(17);
        connection.ExecuteScalar<string>("SELECT name FROM dim_region WHERE code = $1", "420100").Should().Be("武汉市");
    }

    [Fact]
    public void Apply_Twice_IsANoOp()
    {
        using var dir = new TempDirectory();
        var path = dir.File("w.duckdb");
        RiskWarehouse.Open(path).Dispose();

        using var database = DuckDbDatabase.Open(path);
        using var connection = database.Connect();
        Migrator.Apply(connection).Should().BeEmpty();
        connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations").Should().Be(Migrator.Shipped.Count);
    }

    [Fact]
    public void Apply_MigrationEditedAfterApplying_IsRefused()
    {
        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using var connection = database.Connect();
        Migrator.Apply(connection);
        connection.Execute("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1");

        var act = () => Migrator.Apply(connection);

        act.Should().Throw<RiskMonitor.Core.RiskMonitorException>().WithMessage("*changed after it was applied*");
    }

    [Fact]
    public void OpenReadOnly_MissingFile_SaysSoInChinese()
    {
        using var dir = new TempDirectory();
        var act = () => RiskWarehouse.Open(dir.File("missing.duckdb"), new DuckDbOptions(ReadOnly: true));
        act.Should().Throw<RiskMonitor.Core.RiskMonitorException>().WithMessage("数据仓库文件不存在*");
    }
}
