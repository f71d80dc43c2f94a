using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Cli;

/// <summary>Opens the configured warehouse the way each kind of command needs it.</summary>
public static class WarehouseAccess
{
    /// <summary>Opens for writing, creating and migrating as needed.</summary>
    public static RiskWarehouse Open(RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RiskWarehouse.Open(settings.Warehouse.Path, Options(settings, readOnly: false));
    }

    /// <summary>
    /// Opens read-only with no access to other files, for analysts' ad-hoc SQL. A missing warehouse is first created empty,
    /// so that queries work on a fresh machine.
    /// </summary>
    public static RiskWarehouse OpenForQueries(RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(settings.Warehouse.Path))
        {
            Open(settings).Dispose();
        }

        return RiskWarehouse.Open(settings.Warehouse.Path, Options(settings, readOnly: true) with { AllowExternalAccess = false });
    }

    private static DuckDbOptions Options(RiskMonitorSettings settings, bool readOnly) =>
        new(ReadOnly: readOnly, Threads: settings.Warehouse.Threads, MemoryLimit: settings.Warehouse.MemoryLimit);
}
