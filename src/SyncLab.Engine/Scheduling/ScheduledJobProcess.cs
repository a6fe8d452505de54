using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Scheduling;

/// <summary>
/// Runs a job's occurrence when it falls due (the pump's <c>schedule</c> process) and records the run. The occurrence
/// is the work item's version: once applied, the same occurrence is stale for the engine forever (a restart, a
/// re-read, a replay), so it runs once. A late occurrence (the engine was down) runs once and says how many later
/// occurrences it stands for. A job whose vendor is down is retried until it answers — never given up — and
/// superseded by its next occurrence if that comes first.
/// </summary>
public sealed class ScheduledJobProcess(Scheduler scheduler, IDbContextFactory<EngineDb> dbs, TimeProvider clock, SchedulingTelemetry telemetry) : IProcess
{
    public string Name => Scheduler.ProcessName;

    public int? MaxAttempts => int.MaxValue;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var occurrence = JsonSerializer.Deserialize<ScheduledOccurrence>(item.Payload)!;
        var job = scheduler.Job(occurrence.Job) ?? throw new DataErrorException($"{occurrence.Job}: no scheduled job of that name runs in this engine");
        var now = clock.GetUtcNow();
        var schedule = CronSchedule.TryParse(new JobSchedule(occurrence.Cron, occurrence.TimeZone), out _);
        var missed = schedule?.CountBetween(occurrence.At, now) ?? 0;
        var run = new ScheduledRun(job.Name, occurrence.At, now, missed);
        using var activity = telemetry.StartRun(run);
        var outcome = await job.RunAsync(run, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var record = await db.ScheduledRuns.FindAsync([job.Name, occurrence.At.UtcTicks], ct);
            if (record is null)
            {
                record = new ScheduledRunRecord { Job = job.Name, OccurrenceTicks = occurrence.At.UtcTicks };
                db.ScheduledRuns.Add(record);
            }
            record.RanAtTicks = now.UtcTicks;
            record.Missed = missed;
            record.Summary = outcome.Summary;
            await db.SaveChangesAsync(ct);
        }
        telemetry.Ran(run);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{job.Name} for {occurrence.At:O}{(missed > 0 ? $" (late: {missed} later occurrences folded in)" : string.Empty)}: {outcome.Summary}");
        return outcome with { Summary = summary };
    }
}
