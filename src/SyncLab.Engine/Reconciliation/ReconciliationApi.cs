using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Reconciliation;

/// <summary><c>GET /engine/reconciliation</c> (the last run's report) and <c>/engine/reconciliation/runs</c> (the latest runs, newest first).</summary>
public static class ReconciliationApi
{
    /// <summary>What one run found: counts per kind of drift, how many were queued for healing, and each finding.</summary>
    public sealed record ReconciliationReport(
        DateTimeOffset Occurrence, DateTimeOffset RanAt, int ItemsChecked, IReadOnlyDictionary<string, int> Drifted, int Healed, int Unhealed, IReadOnlyList<FindingView> Findings);

    public sealed record FindingView(string Sku, string Kind, string Found, string Expected, bool Healed, string? HealedBy, string Reason, string? Location);

    public static RouteGroupBuilder MapReconciliationApi(this RouteGroupBuilder engine)
    {
        engine.MapGet("/reconciliation", LastAsync);
        engine.MapGet("/reconciliation/runs", RunsAsync);
        return engine;
    }

    private static async Task<Results<Ok<ReconciliationReport>, ProblemHttpResult>> LastAsync(IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var last = await db.ReconciliationRuns.AsNoTracking().OrderByDescending(r => r.OccurrenceTicks).FirstOrDefaultAsync(ct);
        return last is null
            ? TypedResults.Problem(
                detail: "No reconciliation has run yet: schedule one with PUT /engine/schedules/reconciliation.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Not reconciled yet",
                type: "https://synclab.dev/problems/not-reconciled-yet")
            : TypedResults.Ok(Report(last));
    }

    private static async Task<Results<Ok<List<ReconciliationReport>>, ValidationProblem>> RunsAsync(IDbContextFactory<EngineDb> dbs, string? limit, CancellationToken ct)
    {
        var take = 10;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 100))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["limit"] = [$"'{limit}' is not a whole number from 1 to 100."] },
                title: "Invalid reconciliation request", type: "https://synclab.dev/problems/reconciliation-invalid");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.ReconciliationRuns.AsNoTracking().OrderByDescending(r => r.OccurrenceTicks).Take(take).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(Report).ToList());
    }

    private static ReconciliationReport Report(ReconciliationRunRecord r)
    {
        var findings = JsonSerializer.Deserialize<List<Finding>>(r.Findings) ?? [];
        return new ReconciliationReport(
            new DateTimeOffset(r.OccurrenceTicks, TimeSpan.Zero),
            new DateTimeOffset(r.RanAtTicks, TimeSpan.Zero),
            r.ItemsChecked,
            findings.GroupBy(f => f.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            r.Healed,
            r.Unhealed,
            findings.Select(f => new FindingView(f.Sku, f.Kind, f.Found, f.Expected, f.Heal is not null, f.Heal, f.Reason, f.Location)).ToList());
    }
}
