using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RiskMonitor.App.Dashboard;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// Every scheduled job may write to the warehouse (a monthly cycle, a publication, the deadline watch); when one ends, however
/// it ended, the dashboard's cached views are dropped.
/// </summary>
public sealed class WarehouseChangedListener(IServiceProvider services) : IJobListener
{
    public string Name => nameof(WarehouseChangedListener);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        services.GetService<DashboardCache>()?.Invalidate();
        return ValueTask.CompletedTask;
    }
}
