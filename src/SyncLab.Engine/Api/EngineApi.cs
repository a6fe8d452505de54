using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Reconciliation;
using SyncLab.Engine.Scheduling;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Api;

/// <summary>The engine's own API (problem+json): status, sync now, quiescence, data errors, held work, dead letters, replay, dry run.</summary>
public static class EngineApi
{
    private static readonly JsonSerializerOptions ReplayJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapEngineApi(this IEndpointRouteBuilder app)
    {
        var engine = app.MapGroup("/engine");
        engine.MapGet("/status", StatusAsync);
        engine.MapPost("/sync", (SyncEngine e) =>
        {
            e.SyncNow();
            return TypedResults.Accepted("/engine/status");
        });
        engine.MapGet("/quiescence", QuiescenceAsync);
        engine.MapGet("/data-errors", DataErrorsAsync);
        engine.MapGet("/dead-letters", DeadLettersAsync);
        engine.MapGet("/held", HeldAsync);
        engine.MapPost("/dead-letters/replay", (HttpRequest request, SyncEngine e, IDbContextFactory<EngineDb> dbs, TimeProvider clock, CancellationToken ct) =>
            ReplayAsync(request, e, dbs, clock, Replay.DeadLettersAsync, ct));
        engine.MapPost("/data-errors/replay", (HttpRequest request, SyncEngine e, IDbContextFactory<EngineDb> dbs, TimeProvider clock, CancellationToken ct) =>
            ReplayAsync(request, e, dbs, clock, Replay.DataErrorsAsync, ct));
        engine.MapGet("/dry-run", DryRunAsync);
        Inventory.InventoryApi.MapInventoryApi(engine);
        engine.MapScheduleApi();
        engine.MapReconciliationApi();
        Shoppers.ShopperApi.MapShopperApi(engine);
        Webhooks.StorefrontWebhooks.MapStorefrontWebhooks(engine);
        return engine;
    }

    /// <summary>
    /// What a sync of prices, inventory and products would change on the storefront for the first <c>limit</c> ERP
    /// items (default 100, at most 1000; prices at the instant <c>at</c>, default now), or (<c>process=orders</c>,
    /// <c>shipments</c>, <c>refunds</c>) what the orders process and the back-flow would record, without writing
    /// anything; a bad process, limit or instant is a 400.
    /// </summary>
    private static async Task<Results<Ok<DryRun.DryRunReport>, ValidationProblem, ProblemHttpResult>> DryRunAsync(
        DryRun.DryRunPlanner planner, TimeProvider clock, string? process, string? limit, string? at, CancellationToken ct)
    {
        var (request, errors) = DryRun.DryRunRequest.Read(process, limit, at, clock.GetUtcNow(), planner.HasWarehouse);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Cannot dry-run: bad process, limit or instant", type: "https://synclab.dev/problems/dry-run-invalid");
        }
        try
        {
            return TypedResults.Ok(await planner.RunAsync(request.Processes, request.Limit, request.At, ct));
        }
        catch (Connectors.VendorCallException e) when (e.Transient)
        {
            // A dry run is asked for by a person: a throttled or unavailable vendor is answered now, not retried behind their back.
            return TypedResults.Problem(
                title: "A system the dry run reads is unavailable; ask again later", detail: e.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable, type: "https://synclab.dev/problems/dry-run-unavailable");
        }
    }

    /// <param name="Leads">Whether this engine polls and hands out work: always on a single node; on one node at a time of a distributed engine.</param>
    public sealed record EngineStatus(bool Quiescent, DateTimeOffset? LastPollAt, DateTimeOffset NextPollAt, int Pending, int Done, int Failed, int DeadLettered, int DataErrors, bool Leads);

    public sealed record DataErrorView(long Id, string Process, string Key, string Version, string Message, DateTimeOffset At);

    public sealed record DeadLetterView(long Id, string Process, string Key, string Version, int Attempts, string? Reason);

    private static async Task<Ok<EngineStatus>> StatusAsync(SyncEngine engine, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.WorkItems.GroupBy(w => w.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(WorkState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return TypedResults.Ok(new EngineStatus(
            await engine.IsQuiescentAsync(ct),
            engine.LastPollAt,
            engine.NextPollAt,
            Count(WorkState.Pending),
            Count(WorkState.Done),
            Count(WorkState.Failed),
            Count(WorkState.DeadLettered),
            await db.DataErrors.CountAsync(ct),
            engine.Leads));
    }

    /// <summary>Answers 200 once nothing is queued, in flight or due now; 503 if that does not happen within <c>timeoutSeconds</c>.</summary>
    private static async Task<Results<Ok<EngineStatus>, ProblemHttpResult>> QuiescenceAsync(SyncEngine engine, IDbContextFactory<EngineDb> dbs, double? timeoutSeconds, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(Math.Clamp(timeoutSeconds ?? 30, 0, 600));
        var quiet = await engine.WaitForQuiescenceAsync(timeout, ct);
        var status = (await StatusAsync(engine, dbs, ct)).Value!;
        return quiet
            ? TypedResults.Ok(status)
            : TypedResults.Problem(
                detail: $"Still busy after {timeout.TotalSeconds:0} s: {status.Pending} pending, next poll {status.NextPollAt:O}.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Engine not quiescent",
                type: "https://synclab.dev/problems/not-quiescent");
    }

    private static async Task<Ok<List<DataErrorView>>> DataErrorsAsync(IDbContextFactory<EngineDb> dbs, string? key, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.DataErrors.AsQueryable();
        if (!string.IsNullOrEmpty(key))
        {
            query = query.Where(d => d.Key == key);
        }
        var rows = await query.OrderBy(d => d.Id).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(d => new DataErrorView(d.Id, d.Process, d.Key, d.Version, d.Message, new DateTimeOffset(d.AtTicks, TimeSpan.Zero))).ToList());
    }

    public sealed record HeldView(string Process, string Key, string Version, string Reason, DateTimeOffset Since, int Checks);

    /// <summary>Work the ERP refuses for now (books closed for its day), pending and looked at again on the business clock.</summary>
    private static async Task<Ok<List<HeldView>>> HeldAsync(IDbContextFactory<EngineDb> dbs, string? key, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.HeldChanges.AsQueryable();
        if (!string.IsNullOrEmpty(key))
        {
            query = query.Where(h => h.Key == key);
        }
        var rows = await query.OrderBy(h => h.SinceTicks).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(h => new HeldView(h.Process, h.Key, h.Version, h.Reason, new DateTimeOffset(h.SinceTicks, TimeSpan.Zero), h.Checks)).ToList());
    }

    private static async Task<Ok<List<DeadLetterView>>> DeadLettersAsync(IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.WorkItems.Where(w => w.State == WorkState.DeadLettered).OrderBy(w => w.Id).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(w => new DeadLetterView(w.Id, w.Process, w.Key, w.Version, w.Attempts, w.LastError)).ToList());
    }

    /// <summary>
    /// Replays what the body selects — <c>{"id": 7}</c>, a filter <c>{"process", "key", "reasonContains"}</c>
    /// in any combination, or <c>{"all": true}</c> — as fresh attempts due now; an empty, contradictory or
    /// unreadable body is a 400 problem+json.
    /// </summary>
    private static async Task<Results<Ok<ReplayResult>, ValidationProblem>> ReplayAsync(
        HttpRequest request,
        SyncEngine engine,
        IDbContextFactory<EngineDb> dbs,
        TimeProvider clock,
        Func<EngineDb, ReplaySelection, long, CancellationToken, Task<ReplayResult>> replay,
        CancellationToken ct)
    {
        ReplaySelection? selection;
        try
        {
            selection = request.ContentLength == 0 ? null : await JsonSerializer.DeserializeAsync<ReplaySelection>(request.Body, ReplayJson, ct);
        }
        catch (JsonException e)
        {
            return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Path ?? string.Empty] = [e.Message] });
        }
        var problems = (selection ?? new ReplaySelection()).Problems();
        if (problems is not null)
        {
            return Invalid(problems.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }
        ReplayResult result;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            result = await replay(db, selection!, clock.GetUtcNow().UtcTicks, ct);
        }
        if (result.Replayed > 0)
        {
            engine.Nudge();
        }
        return TypedResults.Ok(result);
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Nothing to replay: the selection is empty or contradictory", type: "https://synclab.dev/problems/replay-invalid");
}
