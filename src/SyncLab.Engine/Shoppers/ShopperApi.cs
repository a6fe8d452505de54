using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// The shopper-data endpoints: Shopify's mandatory compliance webhooks (<c>POST /engine/webhooks/shopify/compliance</c>,
/// HMAC-verified with the app's secret) and the reports of erasures and yearly purges.
/// </summary>
public static class ShopperApi
{
    public sealed record PurgeView(int Year, DateTimeOffset DueAt, int ShoppersChecked);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void MapShopperApi(this RouteGroupBuilder engine)
    {
        engine.MapPost("/webhooks/shopify/compliance", ComplianceAsync);
        engine.MapGet("/shoppers/erasures", ErasuresAsync);
        engine.MapGet("/shoppers/purges", PurgesAsync);
        engine.MapGet("/shoppers/data-requests", DataRequestsAsync);
        engine.MapGet("/shoppers/data-requests/{id}", DataRequestAsync);
    }

    /// <summary>
    /// <c>customers/redact</c> and <c>customers/data_request</c> are queued (durably, before the 200, so Shopify's retries
    /// cover a crash) and applied by the erasure and data-request processes; <c>shop/redact</c> is acknowledged: the
    /// merchant's ERP is not the app's to delete. A bad signature is a 401, an unreadable body a 400.
    /// </summary>
    private static async Task<Results<Ok, ProblemHttpResult>> ComplianceAsync(
        HttpRequest request, SyncEngine engine, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        if (!Webhooks.ShopifyHmac.SignedBy(body, request.Headers["X-Shopify-Hmac-Sha256"].ToString(), options.StorefrontWebhookSecret))
        {
            return TypedResults.Problem(
                title: "Webhook signature does not match", detail: "X-Shopify-Hmac-Sha256 is not the HMAC of the body with the app's secret.",
                statusCode: StatusCodes.Status401Unauthorized, type: "https://synclab.dev/problems/webhook-signature");
        }
        var topic = request.Headers["X-Shopify-Topic"].ToString();
        if (topic is not ("customers/redact" or "customers/data_request"))
        {
            return TypedResults.Ok();
        }
        ComplianceBody? compliance;
        try
        {
            compliance = JsonSerializer.Deserialize<ComplianceBody>(body, Json);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(title: $"Unreadable {topic} payload", detail: e.Message, statusCode: StatusCodes.Status400BadRequest, type: "https://synclab.dev/problems/webhook-payload");
        }
        if (compliance?.Customer is not { } customer)
        {
            return TypedResults.Problem(title: $"{topic} without a customer", statusCode: StatusCodes.Status400BadRequest, type: "https://synclab.dev/problems/webhook-payload");
        }
        var triggered = DateTimeOffset.TryParse(request.Headers["X-Shopify-Triggered-At"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : clock.GetUtcNow();
        var storefrontId = $"gid://shopify/Customer/{customer.Id.ToString(CultureInfo.InvariantCulture)}";
        CapturedChange change;
        if (topic == "customers/redact")
        {
            change = new CapturedChange(
                ShopperErasureProcess.ProcessName, storefrontId, WorkQueue.Version(triggered),
                JsonSerializer.Serialize(new ErasureRequest(storefrontId, customer.Email, compliance.OrdersToRedact ?? [])));
        }
        else if (compliance.DataRequest is { } asked)
        {
            var id = asked.Id.ToString(CultureInfo.InvariantCulture);
            change = new CapturedChange(
                ShopperDataRequestProcess.ProcessName, id, WorkQueue.Version(triggered),
                JsonSerializer.Serialize(new DataRequest(id, storefrontId, customer.Email, compliance.OrdersRequested ?? [], triggered)));
        }
        else
        {
            return TypedResults.Problem(title: "customers/data_request without a data_request id", statusCode: StatusCodes.Status400BadRequest, type: "https://synclab.dev/problems/webhook-payload");
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            await WorkQueue.EnqueueAsync(db, [change], clock.GetUtcNow().UtcTicks, ct);
            await db.SaveChangesAsync(ct);
        }
        engine.Nudge();
        return TypedResults.Ok();
    }

    private static async Task<Ok<IReadOnlyList<ErasureRecord>>> ErasuresAsync(IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return TypedResults.Ok(await ShopperRecords.ErasuresAsync(db, ct));
    }

    private static async Task<Ok<List<PurgeView>>> PurgesAsync(IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.IdMappings.AsNoTracking().Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.PurgeKind).ToListAsync(ct);
        return TypedResults.Ok(rows
            .Select(r => new PurgeView(int.Parse(r.Key, CultureInfo.InvariantCulture), DateTimeOffset.Parse(r.Extra!, CultureInfo.InvariantCulture), int.Parse(r.TargetId, CultureInfo.InvariantCulture)))
            .OrderBy(p => p.Year).ToList());
    }

    /// <summary>
    /// A data request as listed: pending until compiled, then ready until its retention ends (the report is fetched at
    /// <c>/engine/shoppers/data-requests/{id}</c>).
    /// </summary>
    public sealed record DataRequestView(string Id, string CustomerId, string Status, DateTimeOffset? CompiledAt, DateTimeOffset? AvailableUntil);

    private static async Task<Ok<List<DataRequestView>>> DataRequestsAsync(IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var reports = (await db.IdMappings.AsNoTracking().Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.DataRequestKind).ToListAsync(ct))
            .Select(m => JsonSerializer.Deserialize<ShopperDataReport>(m.Extra!, ShopperDataReport.Json)!)
            .Select(r => new DataRequestView(r.RequestId, r.StorefrontCustomerId, "ready", r.CompiledAt, r.AvailableUntil));
        var pending = (await db.WorkItems.AsNoTracking()
                .Where(w => w.Process == ShopperDataRequestProcess.ProcessName && (w.State == WorkState.Pending || w.State == WorkState.Failed || w.State == WorkState.DeadLettered))
                .ToListAsync(ct))
            .Select(w => JsonSerializer.Deserialize<DataRequest>(w.Payload)!)
            .Select(r => new DataRequestView(r.RequestId, r.CustomerId, "pending", null, null));
        return TypedResults.Ok(reports.Concat(pending).DistinctBy(v => v.Id).OrderBy(v => v.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>The report (200), 202 while it is being compiled, or 404 problem+json for a request the engine does not have (or no longer has).</summary>
    private static async Task<IResult> DataRequestAsync(string id, IDbContextFactory<EngineDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.IdMappings.AsNoTracking().FirstOrDefaultAsync(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.DataRequestKind && m.Key == id, ct) is { } row)
        {
            return TypedResults.Text(row.Extra!, "application/json");
        }
        if (await db.WorkItems.AsNoTracking().AnyAsync(w => w.Process == ShopperDataRequestProcess.ProcessName && w.Key == id && w.State != WorkState.Done && w.State != WorkState.Stale, ct))
        {
            return TypedResults.Accepted((string?)null, new DataRequestView(id, string.Empty, "pending", null, null));
        }
        return TypedResults.Problem(
            title: "No such data request", detail: $"The engine has no report for data request '{id}' (unknown, or its retention is over).",
            statusCode: StatusCodes.Status404NotFound, type: "https://synclab.dev/problems/data-request-not-found");
    }

    private sealed record ComplianceBody(ComplianceCustomer? Customer, IReadOnlyList<long>? OrdersToRedact, IReadOnlyList<long>? OrdersRequested, DataRequestId? DataRequest);

    private sealed record ComplianceCustomer(long Id, string? Email);

    private sealed record DataRequestId(long Id);
}
