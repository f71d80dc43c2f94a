using RiskMonitor.Core.Calendar;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>
/// The deadline watch as the host's daily <c>DeadlineWatchJob</c> calls it: one connection to the warehouse per run, cases
/// opened for newly loaded failed samples, then every newly overdue step flagged (<see cref="DeadlineWatch.RunDaily"/>).
/// </summary>
public sealed class WarehouseDeadlineWatch(RiskWarehouse warehouse, TimeProvider time, WorkCalendar? calendar = null) : Publishing.IDeadlineWatch
{
    /// <summary>Flags every step whose due date passed before <paramref name="today"/> and is not done; returns how many
    /// were newly flagged. A second run for the same day flags nothing new.</summary>
    public int FlagOverdue(DateOnly today)
    {
        using var connection = warehouse.Connect();
        return new DeadlineWatch(calendar ?? WorkCalendar.Shipped, time).RunDaily(connection, today).Overdue.Count;
    }
}
