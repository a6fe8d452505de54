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
    }

    /// <summary>
    /// <c>customers/redact</c> is queued (durably, before the 200, so Shopify's retries cover a crash) and applied by the
    /// erasure process; <c>customers/data_request</c> and <c>shop/redact</c> are acknowledged: the engine keeps no
    /// shopper data of its own to report, and the merchant's ERP is not the app's to delete. A bad signature is a 401.
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
        if (topic != "customers/redact")
        {
            return TypedResults.Ok();
        }
        RedactBody? redact;
        try
        {
            redact = JsonSerializer.Deserialize<RedactBody>(body, Json);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(title: "Unreadable customers/redact payload", detail: e.Message, statusCode: StatusCodes.Status400BadRequest, type: "https://synclab.dev/problems/webhook-payload");
        }
        if (redact?.Customer is not { } customer)
        {
            return TypedResults.Problem(title: "customers/redact without a customer", statusCode: StatusCodes.Status400BadRequest, type: "https://synclab.dev/problems/webhook-payload");
        }
        var triggered = DateTimeOffset.TryParse(request.Headers["X-Shopify-Triggered-At"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : clock.GetUtcNow();
        var storefrontId = $"gid://shopify/Customer/{customer.Id.ToString(CultureInfo.InvariantCulture)}";
        var change = new CapturedChange(
            ShopperErasureProcess.ProcessName, storefrontId, WorkQueue.Version(triggered),
            JsonSerializer.Serialize(new ErasureRequest(storefrontId, customer.Email, redact.OrdersToRedact ?? [])));
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

    private sealed record RedactBody(RedactCustomer? Customer, IReadOnlyList<long>? OrdersToRedact);

    private sealed record RedactCustomer(long Id, string? Email);
}
