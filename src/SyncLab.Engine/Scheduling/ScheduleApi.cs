using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Scheduling;

/// <summary>
/// <c>/engine/schedules</c>: each job's schedule, next and last run; setting or switching off a schedule; the runs of a
/// job; its next occurrences (to check a schedule across a DST change before trusting it). Problem+json on bad input.
/// </summary>
public static class ScheduleApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public sealed record RunView(DateTimeOffset Occurrence, DateTimeOffset OccurrenceLocal, DateTimeOffset RanAt, bool Late, int Missed, string Summary);

    public sealed record ScheduleView(string Job, string? Cron, string? TimeZone, string Source, DateTimeOffset? NextRunAt, DateTimeOffset? NextRunLocal, RunView? LastRun);

    public sealed record ScheduleBody(string? Cron, string? TimeZone);

    public static RouteGroupBuilder MapScheduleApi(this RouteGroupBuilder engine)
    {
        engine.MapGet("/schedules", ListAsync);
        engine.MapGet("/schedules/{job}", GetAsync);
        engine.MapPut("/schedules/{job}", PutAsync);
        engine.MapDelete("/schedules/{job}", DeleteAsync);
        engine.MapGet("/schedules/{job}/runs", RunsAsync);
        engine.MapPost("/schedules/{job}/runs", RunNowAsync);
        engine.MapGet("/schedules/{job}/occurrences", OccurrencesAsync);
        return engine;
    }

    private static async Task<Ok<List<ScheduleView>>> ListAsync(Scheduler scheduler, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var views = new List<ScheduleView>();
        foreach (var job in scheduler.Jobs.Order(StringComparer.Ordinal))
        {
            views.Add(await ViewAsync(scheduler, db, job, ct));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(string job, Scheduler scheduler, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        if (scheduler.Job(job) is null)
        {
            return UnknownJob(job, scheduler);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return TypedResults.Ok(await ViewAsync(scheduler, db, job, ct));
    }

    /// <summary>Sets a job's schedule (<c>{"cron": "0 3 * * *", "timeZone": "America/Chicago"}</c>); the next occurrence is queued at once.</summary>
    private static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string job, HttpRequest request, Scheduler scheduler, SyncEngine engine, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        if (scheduler.Job(job) is null)
        {
            return UnknownJob(job, scheduler);
        }
        ScheduleBody? body;
        try
        {
            body = request.ContentLength == 0 ? null : await JsonSerializer.DeserializeAsync<ScheduleBody>(request.Body, Json, ct);
        }
        catch (JsonException e)
        {
            return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Path ?? string.Empty] = [e.Message] });
        }
        var schedule = CronSchedule.TryParse(new JobSchedule(body?.Cron ?? string.Empty, body?.TimeZone ?? string.Empty), out var problems);
        if (schedule is null)
        {
            return Invalid(problems);
        }
        await scheduler.SetAsync(job, schedule, ct);
        engine.Nudge();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return TypedResults.Ok(await ViewAsync(scheduler, db, job, ct));
    }

    /// <summary>Switches a job off (until a schedule is set again); its queued occurrence is withdrawn.</summary>
    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> DeleteAsync(string job, Scheduler scheduler, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        if (scheduler.Job(job) is null)
        {
            return UnknownJob(job, scheduler);
        }
        await scheduler.SetAsync(job, null, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return TypedResults.Ok(await ViewAsync(scheduler, db, job, ct));
    }

    /// <summary>
    /// Runs the job now, off its schedule: 202 with the occurrence queued (the engine's pump runs it; await quiescence,
    /// then read <c>GET …/runs</c> or the job's own report); 404 for a job this engine does not have.
    /// </summary>
    private static async Task<Results<Accepted<ScheduledOccurrence>, ProblemHttpResult>> RunNowAsync(
        string job, Scheduler scheduler, SyncEngine engine, CancellationToken ct)
    {
        if (scheduler.Job(job) is null)
        {
            return UnknownJob(job, scheduler);
        }
        var occurrence = await scheduler.RunNowAsync(job, ct);
        engine.Nudge();
        return TypedResults.Accepted($"/engine/schedules/{job}/runs", occurrence);
    }

    /// <summary>The job's runs, newest first (<c>limit</c> 1..1000, default 100).</summary>
    private static async Task<Results<Ok<List<RunView>>, ValidationProblem, ProblemHttpResult>> RunsAsync(
        string job, string? limit, Scheduler scheduler, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        if (scheduler.Job(job) is null)
        {
            return UnknownJob(job, scheduler);
        }
        if (!TryCount(limit, 100, 1000, out var take))
        {
            return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["limit"] = [$"'{limit}' is not a whole number from 1 to 1000."] });
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var zone = (await scheduler.ScheduleOfAsync(db, job, ct)).Schedule?.Zone ?? TimeZoneInfo.Utc;
        var rows = await db.ScheduledRuns.AsNoTracking().Where(r => r.Job == job).OrderByDescending(r => r.OccurrenceTicks).Take(take).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => View(r, zone)).ToList());
    }

    /// <summary>The next <c>count</c> occurrences (1..100, default 10) after <c>after</c> (an ISO 8601 instant; default now).</summary>
    private static async Task<Results<Ok<List<DateTimeOffset>>, ValidationProblem, ProblemHttpResult>> OccurrencesAsync(
        string job, string? after, string? count, Scheduler scheduler, IDbContextFactory<EngineDb> dbs, TimeProvider clock, CancellationToken ct)
    {
        if (scheduler.Job(job) is null)
        {
            return UnknownJob(job, scheduler);
        }
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = clock.GetUtcNow();
        if (after is not null && !DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out from))
        {
            problems["after"] = [$"'{after}' is not an ISO 8601 instant (e.g. 2027-03-13T12:00:00-06:00)."];
        }
        if (!TryCount(count, 10, 100, out var take))
        {
            problems["count"] = [$"'{count}' is not a whole number from 1 to 100."];
        }
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var schedule = (await scheduler.ScheduleOfAsync(db, job, ct)).Schedule;
        return TypedResults.Ok(schedule is null ? [] : schedule.Next(from, take).Select(schedule.Local).ToList());
    }

    private static async Task<ScheduleView> ViewAsync(Scheduler scheduler, EngineDb db, string job, CancellationToken ct)
    {
        var effective = await scheduler.ScheduleOfAsync(db, job, ct);
        var zone = effective.Schedule?.Zone ?? TimeZoneInfo.Utc;
        var next = effective.Schedule is null ? null : await Scheduler.QueuedAsync(db, job, ct);
        var last = await db.ScheduledRuns.AsNoTracking().Where(r => r.Job == job).OrderByDescending(r => r.OccurrenceTicks).FirstOrDefaultAsync(ct);
        return new ScheduleView(
            job, effective.Schedule?.Schedule.Cron, effective.Schedule?.Schedule.TimeZone, effective.Source,
            next, next is { } n ? TimeZoneInfo.ConvertTime(n, zone) : null, last is null ? null : View(last, zone));
    }

    private static RunView View(ScheduledRunRecord r, TimeZoneInfo zone)
    {
        var occurrence = new DateTimeOffset(r.OccurrenceTicks, TimeSpan.Zero);
        return new RunView(occurrence, TimeZoneInfo.ConvertTime(occurrence, zone), new DateTimeOffset(r.RanAtTicks, TimeSpan.Zero), r.Missed > 0, r.Missed, r.Summary);
    }

    private static bool TryCount(string? text, int fallback, int max, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max);
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid schedule request", type: "https://synclab.dev/problems/schedule-invalid");

    private static ProblemHttpResult UnknownJob(string job, Scheduler scheduler) =>
        TypedResults.Problem(
            detail: $"No scheduled job '{job}'; the jobs are: {string.Join(", ", scheduler.Jobs.Order(StringComparer.Ordinal))}.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Unknown job",
            type: "https://synclab.dev/problems/unknown-job");
}
