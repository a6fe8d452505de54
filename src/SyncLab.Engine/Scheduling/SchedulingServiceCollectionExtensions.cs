using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The scheduler, its jobs (the nightly reconciliation) and seasonal publishing. A configured schedule that cannot be
    /// read fails here, at startup, rather than at every poll.
    /// </summary>
    public static IServiceCollection AddSyncEngineScheduling(this IServiceCollection services, EngineOptions options)
    {
        foreach (var (job, schedule) in options.Schedules)
        {
            if (CronSchedule.TryParse(schedule, out var problems) is null)
            {
                throw new ArgumentException($"EngineOptions.Schedules[\"{job}\"]: {string.Join(" ", problems.SelectMany(p => p.Value))}", nameof(options));
            }
        }
        services.AddSingleton<SchedulingTelemetry>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton<IChangeSource, ScheduleSource>();
        services.AddSingleton<IProcess, ScheduledJobProcess>();
        services.AddSingleton<IScheduledJob, Reconciliation.ReconciliationJob>();
        services.AddSingleton<IProcess, Seasons.SeasonBoundaryProcess>();
        return services;
    }
}
