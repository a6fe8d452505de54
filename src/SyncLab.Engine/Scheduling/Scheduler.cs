using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Scheduling;

/// <summary>What one occurrence of a job carries through the queue.</summary>
public sealed record ScheduledOccurrence(string Job, DateTimeOffset At, string Cron, string TimeZone);

/// <summary>A job's schedule and where it comes from: <c>options</c> (configuration), <c>api</c> (set at run time) or <c>none</c>.</summary>
public sealed record EffectiveSchedule(string Job, CronSchedule? Schedule, string Source);

/// <summary>
/// Schedules jobs on the business clock through the durable work queue: each job has its next occurrence queued as a
/// work item of the <c>schedule</c> process (key: the job, version: the occurrence instant, due at that instant), so
/// the pump wakes for it, quiescence counts it when due, and the queue's (process, key, version) index and the
/// applied version make each occurrence run exactly once, across restarts and replays. Occurrences missed while the
/// engine was down are folded into one run when it is back (the oldest waiting one runs; newer ones are never queued).
/// </summary>
public sealed class Scheduler(IEnumerable<IScheduledJob> jobs, EngineOptions options, IDbContextFactory<EngineDb> dbs, TimeProvider clock)
{
    public const string ProcessName = "schedule";

    private readonly Dictionary<string, IScheduledJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Jobs => _jobs.Keys;

    public IScheduledJob? Job(string name) => _jobs.GetValueOrDefault(name);

    /// <summary>The schedule in force for a job: set through the API, else configured, else none.</summary>
    public async Task<EffectiveSchedule> ScheduleOfAsync(EngineDb db, string job, CancellationToken ct)
    {
        if (await db.JobSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Job == job, ct) is { } set)
        {
            return set.Cron is null || set.TimeZone is null
                ? new EffectiveSchedule(job, null, "api")
                : new EffectiveSchedule(job, CronSchedule.Parse(new JobSchedule(set.Cron, set.TimeZone)), "api");
        }
        return options.Schedules.TryGetValue(job, out var configured)
            ? new EffectiveSchedule(job, CronSchedule.Parse(configured), "options")
            : new EffectiveSchedule(job, null, "none");
    }

    /// <summary>Each scheduled job's next occurrence after <paramref name="now"/>, as a change to queue (the queue drops what it has).</summary>
    public async Task<List<CapturedChange>> NextOccurrencesAsync(EngineDb db, DateTimeOffset now, CancellationToken ct)
    {
        var changes = new List<CapturedChange>();
        foreach (var job in _jobs.Keys)
        {
            if ((await ScheduleOfAsync(db, job, ct)).Schedule is { } schedule && schedule.NextAfter(now) is { } next)
            {
                changes.Add(Occurrence(job, schedule, next));
            }
        }
        return changes;
    }

    /// <summary>
    /// Sets (or, with null, switches off) a job's schedule: the occurrence queued under the old one is withdrawn and
    /// the next one under the new one queued, in one transaction.
    /// </summary>
    public async Task SetAsync(string job, CronSchedule? schedule, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var record = await db.JobSchedules.FirstOrDefaultAsync(s => s.Job == job, ct);
        if (record is null)
        {
            record = new JobScheduleRecord { Job = job };
            db.JobSchedules.Add(record);
        }
        record.Cron = schedule?.Schedule.Cron;
        record.TimeZone = schedule?.Schedule.TimeZone;
        record.UpdatedAtTicks = now.UtcTicks;
        await db.WorkItems.Where(w => w.Process == ProcessName && w.Key == job && w.State == WorkState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Stale), ct);
        if (schedule?.NextAfter(now) is { } next)
        {
            await WorkQueue.EnqueueAsync(db, [Occurrence(job, schedule, next)], now.UtcTicks, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Queues a run of the job now, off its schedule (after an outage, or a QA replay: "reconcile now"); its next
    /// scheduled occurrence stays queued. A run asked for at an instant that already has one (a staging whose clock
    /// stands still, two people at once) is a tick later, so each is a run of its own with its own record; two requests
    /// racing for the same tick meet the queue's unique (process, key, version), and the loser takes the next tick.
    /// </summary>
    public async Task<ScheduledOccurrence> RunNowAsync(string job, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            var nowTicks = now.UtcTicks;
            // Runs asked for at this instant or after it (the clock stood still, or went back): each took a tick.
            var since = WorkQueue.Version(now);
#pragma warning disable CA1310, CA1865, CA1309 // EF translates EndsWith(string) and string.Compare to SQL; versions are fixed-width digits and a letter.
            var asked = await db.WorkItems.CountAsync(w => w.Process == ProcessName && w.Key == job && w.Version.EndsWith(RunNowMark) && string.Compare(w.Version, since) >= 0, ct);
#pragma warning restore CA1310, CA1865, CA1309
            var at = now.AddTicks(asked);
            var schedule = (await ScheduleOfAsync(db, job, ct)).Schedule;
            var occurrence = new ScheduledOccurrence(job, at, schedule?.Schedule.Cron ?? string.Empty, schedule?.Schedule.TimeZone ?? string.Empty);
            var queued = await WorkQueue.EnqueueAsync(db, [new CapturedChange(ProcessName, job, WorkQueue.Version(at) + RunNowMark, JsonSerializer.Serialize(occurrence), now)], nowTicks, ct);
            try
            {
                if (queued == 1)
                {
                    await db.SaveChangesAsync(ct);
                    return occurrence;
                }
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another request took this tick meanwhile: count again.
            }
            if (attempt >= 5)
            {
                throw new InvalidOperationException($"{job}: no free instant for a run asked for now after {attempt} attempts");
            }
        }
    }

    /// <summary>Ends the version of a run asked for (<see cref="RunNowAsync"/>): after the same instant's scheduled one.</summary>
    private const string RunNowMark = "N";

    /// <summary>The occurrence of a job queued now, if any (the next run).</summary>
    public static async Task<DateTimeOffset?> QueuedAsync(EngineDb db, string job, CancellationToken ct) =>
        await db.WorkItems.AsNoTracking().Where(w => w.Process == ProcessName && w.Key == job && w.State == WorkState.Pending)
            .MinAsync(w => (long?)w.DueAtTicks, ct) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static CapturedChange Occurrence(string job, CronSchedule schedule, DateTimeOffset at) =>
        new(ProcessName, job, WorkQueue.Version(at), JsonSerializer.Serialize(new ScheduledOccurrence(job, at, schedule.Schedule.Cron, schedule.Schedule.TimeZone)), at);
}

/// <summary>Keeps each scheduled job's next occurrence queued: looked at on every poll, so a schedule from configuration starts with the engine.</summary>
public sealed class ScheduleSource(Scheduler scheduler, IDbContextFactory<EngineDb> dbs, TimeProvider clock) : IChangeSource
{
    public const string Source = "schedules";

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var queued = await WorkQueue.EnqueueAsync(db, await scheduler.NextOccurrencesAsync(db, now, ct), now.UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
