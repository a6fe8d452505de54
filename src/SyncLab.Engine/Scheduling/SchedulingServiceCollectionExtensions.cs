using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler, its jobs (the nightly reconciliation) and seasonal publishing.</summary>
    public static IServiceCollection AddSyncEngineScheduling(this IServiceCollection services)
    {
        services.AddSingleton<SchedulingTelemetry>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton<IChangeSource, ScheduleSource>();
        services.AddSingleton<IProcess, ScheduledJobProcess>();
        services.AddSingleton<IScheduledJob, Reconciliation.ReconciliationJob>();
        services.AddSingleton<IProcess, Seasons.SeasonBoundaryProcess>();
        return services;
    }
}
