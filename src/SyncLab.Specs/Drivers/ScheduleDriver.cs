using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>One run of a scheduled job as the engine reports it: the occurrence (on the job's wall clock), whether it ran late and for how many missed runs.</summary>
public sealed record JobRun(DateTimeOffset Occurrence, DateTimeOffset OccurrenceLocal, bool Late, int Missed);

/// <summary>One thing a reconciliation found (engine API <c>/engine/reconciliation</c>).</summary>
public sealed record ReconciliationFinding(string Sku, string Kind, string Found, string Expected, bool Healed, string Reason);

/// <summary>
/// The engine's scheduled jobs through its API (<c>/engine/schedules</c>, <c>/engine/reconciliation</c>), and the engine
/// down for maintenance through the staging's admin API (its pump stopped and started; its store kept).
/// </summary>
public sealed class ScheduleDriver(StagingConnection staging, ClockDriver clock, EngineDriver engine)
{
    public const string Reconciliation = "reconciliation";

    public Task ScheduleAsync(string job, string cron, string zone) =>
        staging.Http.SendOkAsync(HttpMethod.Put, Engine($"engine/schedules/{job}"), new { cron, timeZone = zone });

    /// <summary>The instant the job's next occurrence is queued for; null when none is.</summary>
    public async Task<DateTimeOffset?> NextRunAsync(string job)
    {
        var status = await staging.Http.SendOkAsync(HttpMethod.Get, Engine($"engine/schedules/{job}"));
        return status?["nextRunAt"] is JsonValue next ? next.GetValue<DateTimeOffset>() : null;
    }

    public async Task<IReadOnlyList<JobRun>> RunsAsync(string job)
    {
        var runs = await staging.Http.SendOkAsync(HttpMethod.Get, Engine($"engine/schedules/{job}/runs?limit=1000"));
        return runs!.AsArray().Select(r => new JobRun(
            r!["occurrence"]!.GetValue<DateTimeOffset>(), r["occurrenceLocal"]!.GetValue<DateTimeOffset>(), (bool)r["late"]!, (int)r["missed"]!)).ToList();
    }

    /// <summary>Lets business time reach the job's next occurrence, then waits for what it set off.</summary>
    public async Task RunNextAsync(string job)
    {
        var next = await NextRunAsync(job) ?? throw new InvalidOperationException($"the engine has no {job} scheduled");
        await clock.SetAsync(next);
        await engine.AwaitQuiescenceAsync();
    }

    /// <summary>What the last reconciliation found.</summary>
    public async Task<IReadOnlyList<ReconciliationFinding>> LastReconciliationAsync()
    {
        var report = await staging.Http.SendOkAsync(HttpMethod.Get, Engine("engine/reconciliation"));
        return report!["findings"]!.AsArray().Select(f => new ReconciliationFinding(
            (string)f!["sku"]!, (string)f["kind"]!, (string)f["found"]!, (string)f["expected"]!, (bool)f["healed"]!, (string)f["reason"]!)).ToList();
    }

    /// <summary>The engine down from now until <paramref name="until"/> on the business clock, then back and caught up.</summary>
    public async Task DownUntilAsync(DateTimeOffset until)
    {
        await staging.Http.SendOkAsync(HttpMethod.Post, Engine("_synclab/staging/engine/stop"));
        try
        {
            await clock.SetAsync(until);
        }
        finally
        {
            await staging.Http.SendOkAsync(HttpMethod.Post, Engine("_synclab/staging/engine/start"));
        }
        await engine.AwaitQuiescenceAsync();
    }

    private Uri Engine(string path) => new(staging.Engine, path);
}
