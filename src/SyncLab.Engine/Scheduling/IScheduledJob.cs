using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Scheduling;

/// <summary>
/// One occurrence of a scheduled job as it runs: the instant it was due, the instant it actually ran (later when the
/// engine was down or busy) and how many later occurrences passed meanwhile (folded into this one run).
/// </summary>
public sealed record ScheduledRun(string Job, DateTimeOffset Occurrence, DateTimeOffset RanAt, int Missed)
{
    public bool Late => Missed > 0;
}

/// <summary>A job the engine runs on a cron schedule on the business clock (<see cref="Scheduler"/>).</summary>
public interface IScheduledJob
{
    /// <summary>The job's name: its key in the queue, in <c>/engine/schedules/{name}</c> and in <see cref="EngineOptions.Schedules"/>.</summary>
    string Name { get; }

    /// <summary>Runs one occurrence; the follow-ups of the outcome are queued in the transaction that records it run.</summary>
    Task<ProcessOutcome> RunAsync(ScheduledRun run, CancellationToken ct);
}
