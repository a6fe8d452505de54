using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Webhooks;

/// <summary>
/// <c>/v2/environment/webhooks</c>: list_webhooks, create_webhook, get_webhook_by_id, update_webhook,
/// delete_webhook. Every <c>webhook_event</c> of the spec is accepted, one URL per event (a second webhook
/// for the same event is a 409 <c>webhook_event_type_conflict</c>); this mirror fires <c>track</c>.
/// </summary>
public static class ShipStationWebhooks
{
    /// <summary>The spec's <c>webhook_event</c> enum.</summary>
    public static readonly IReadOnlyList<string> Events =
        ["batch", "carrier_connected", "order_source_refresh_complete", "rate", "report_complete", "sales_orders_imported", "track"];

    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/environment/webhooks", ListAsync);
        v2.MapPost("/environment/webhooks", CreateAsync);
        v2.MapGet("/environment/webhooks/{webhook_id}", GetAsync);
        v2.MapPut("/environment/webhooks/{webhook_id}", UpdateAsync);
        v2.MapDelete("/environment/webhooks/{webhook_id}", DeleteAsync);
    }

    public static async Task<JsonHttpResult<IReadOnlyList<Webhook>>> ListAsync(WarehouseDb db, CancellationToken cancellationToken)
    {
        var rows = await db.Webhooks.AsNoTracking().OrderBy(w => w.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Json<IReadOnlyList<Webhook>>(rows.Select(Webhook.From).ToList(), ShipStationJson.Options);
    }

    public static async Task<Results<JsonHttpResult<Webhook>, JsonHttpResult<ShipStationErrorResponse>>> CreateAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var (body, failure) = await ShipStationBody.ReadAsync<WebhookRequest>(request, cancellationToken);
        failure ??= body!.Event switch
        {
            null or "" => ShipStationErrors.Required("event"),
            var e when !Events.Contains(e) => ShipStationErrors.InvalidValue($"event must be one of {string.Join(", ", Events)}."),
            _ => null,
        };
        failure ??= body!.Url is null ? ShipStationErrors.Required("url") : ValidateUrl(body.Url);
        failure ??= ValidateHeaders(body!.Headers);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            if (await db.Webhooks.AnyAsync(w => w.Event == body!.Event, cancellationToken))
            {
                return ShipStationErrors.Conflict("webhook_event_type_conflict", $"A webhook for the '{body!.Event}' event already exists; one URL per event.").ToResult();
            }
            var sequence = (await db.Webhooks.MaxAsync(w => (long?)w.Sequence, cancellationToken) ?? 0) + 1;
            var row = new WhWebhook
            {
                WebhookId = ShipStationIds.Webhook(sequence),
                Sequence = sequence,
                Event = body!.Event!,
                Url = body.Url!,
                HeadersJson = WebhookHeader.ToJson(body.Headers),
                CreatedAt = clock.GetUtcNow(),
            };
            db.Webhooks.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"webhook {row.WebhookId} for {row.Event} → {row.Url}", request.Path);
            return TypedResults.Json(Webhook.From(row), ShipStationJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    public static async Task<Results<JsonHttpResult<Webhook>, JsonHttpResult<ShipStationErrorResponse>>> GetAsync(
        [FromRoute(Name = "webhook_id")] string webhookId, WarehouseDb db, CancellationToken cancellationToken)
    {
        var row = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.WebhookId == webhookId, cancellationToken);
        return row is null ? NotFound(webhookId).ToResult() : TypedResults.Json(Webhook.From(row), ShipStationJson.Options);
    }

    /// <summary>update_webhook: a new <c>url</c> and/or <c>headers</c>; 204.</summary>
    public static async Task<Results<NoContent, JsonHttpResult<ShipStationErrorResponse>>> UpdateAsync(
        [FromRoute(Name = "webhook_id")] string webhookId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var (body, failure) = await ShipStationBody.ReadAsync<WebhookRequest>(request, cancellationToken);
        failure ??= body!.Event is not null ? ShipStationErrors.InvalidValue("event cannot be changed; delete the webhook and create another.") : null;
        failure ??= body!.Url is null ? null : ValidateUrl(body.Url);
        failure ??= ValidateHeaders(body!.Headers);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var row = await db.Webhooks.FirstOrDefaultAsync(w => w.WebhookId == webhookId, cancellationToken);
            if (row is null)
            {
                return NotFound(webhookId).ToResult();
            }
            row.Url = body!.Url ?? row.Url;
            if (body.Headers is not null)
            {
                row.HeadersJson = WebhookHeader.ToJson(body.Headers);
            }
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"webhook {row.WebhookId} for {row.Event} now → {row.Url}", request.Path);
            return TypedResults.NoContent();
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    public static async Task<Results<NoContent, JsonHttpResult<ShipStationErrorResponse>>> DeleteAsync(
        [FromRoute(Name = "webhook_id")] string webhookId, HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var row = await db.Webhooks.FirstOrDefaultAsync(w => w.WebhookId == webhookId, cancellationToken);
            if (row is null)
            {
                return NotFound(webhookId).ToResult();
            }
            db.Webhooks.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"webhook {row.WebhookId} for {row.Event} deleted", request.Path);
            return TypedResults.NoContent();
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    private static ShipStationFailure NotFound(string webhookId) => ShipStationErrors.NotFound($"Webhook '{webhookId}' was not found.");

    private static ShipStationFailure? ValidateUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : ShipStationErrors.InvalidValue("url must be an absolute http or https URL.");

    private static ShipStationFailure? ValidateHeaders(IReadOnlyList<WebhookHeader?>? headers)
    {
        for (var i = 0; headers is not null && i < headers.Count; i++)
        {
            if (headers[i] is not { Key.Length: > 0, Value: not null } header)
            {
                return ShipStationErrors.Required($"headers[{i}].key and headers[{i}].value");
            }
            if (!header.Key.All(c => c is > ' ' and < (char)127 and not (':' or '(' or ')' or ',' or '/' or ';' or '<' or '=' or '>' or '?' or '@' or '[' or '\\' or ']' or '{' or '}' or '"')))
            {
                return ShipStationErrors.InvalidValue($"headers[{i}].key '{header.Key}' is not a valid header name.");
            }
        }
        return null;
    }
}
