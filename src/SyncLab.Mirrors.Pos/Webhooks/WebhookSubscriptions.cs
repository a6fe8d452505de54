using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Webhooks;

/// <summary>
/// <c>/v2/webhooks/subscriptions</c>: create, list, retrieve, delete. Every event type is accepted; this
/// mirror fires <c>inventory.count.updated</c>.
/// </summary>
public static class WebhookSubscriptions
{
    public const string Operation = "CreateWebhookSubscription";

    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapPost("/webhooks/subscriptions", CreateAsync);
        v2.MapGet("/webhooks/subscriptions", ListAsync);
        v2.MapGet("/webhooks/subscriptions/{subscription_id}", RetrieveAsync);
        v2.MapDelete("/webhooks/subscriptions/{subscription_id}", DeleteAsync);
    }

    public static async Task<Results<JsonHttpResult<SubscriptionResponse>, ContentHttpResult, JsonHttpResult<SquareErrorResponse>>> CreateAsync(
        HttpRequest request, PosDb db, PosRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var body = await SquareBody.ReadAsync<CreateWebhookSubscriptionRequest>(request, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure.ToResult();
        }
        var create = body.Value!;
        if (Validate(create) is { } failure)
        {
            return failure.ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            if (create.IdempotencyKey is { Length: > 0 } key)
            {
                var (replay, reused) = await SquareIdempotency.CheckAsync(db, Operation, key, body.Canonical, cancellationToken);
                if (reused is not null)
                {
                    return reused.ToResult();
                }
                if (replay is not null)
                {
                    return replay.ToResult();
                }
            }
            var now = clock.GetUtcNow();
            var sequence = await db.WebhookSubscriptions.CountAsync(cancellationToken) + 1;
            var id = SquareIds.WebhookSubscription(sequence);
            while (await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
            {
                id = SquareIds.WebhookSubscription(++sequence);
            }
            var s = create.Subscription!;
            var row = new PosWebhookSubscription
            {
                Id = id,
                Name = s.Name,
                Enabled = s.Enabled ?? true,
                EventTypes = string.Join(',', s.EventTypes!),
                NotificationUrl = s.NotificationUrl!,
                ApiVersion = s.ApiVersion ?? SquareJson.ApiVersion,
                SignatureKey = SquareIds.SignatureKey(id),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.WebhookSubscriptions.Add(row);
            var response = new SubscriptionResponse(ToSquare(row));
            if (create.IdempotencyKey is { Length: > 0 } remembered)
            {
                SquareIdempotency.Remember(db, Operation, remembered, body.Canonical, response);
            }
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"webhook subscription {row.Id} for {row.EventTypes} → {row.NotificationUrl}", request.Path);
            return TypedResults.Json(response, SquareJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    /// <summary>Enabled subscriptions unless <c>include_disabled=true</c>, oldest first unless <c>sort_order=DESC</c>, all in one page.</summary>
    public static async Task<JsonHttpResult<ListWebhookSubscriptionsResponse>> ListAsync(HttpRequest request, PosDb db, CancellationToken cancellationToken)
    {
        var includeDisabled = string.Equals(request.Query["include_disabled"], "true", StringComparison.OrdinalIgnoreCase);
        var rows = (await db.WebhookSubscriptions.AsNoTracking().ToListAsync(cancellationToken)).Where(r => includeDisabled || r.Enabled);
        var ordered = request.Query["sort_order"] == "DESC"
            ? rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)
            : rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal);
        var subscriptions = ordered.Select(ToSquare).ToList();
        return TypedResults.Json(new ListWebhookSubscriptionsResponse(subscriptions), SquareJson.Options);
    }

    public static async Task<Results<JsonHttpResult<SubscriptionResponse>, JsonHttpResult<SquareErrorResponse>>> RetrieveAsync(
        [FromRoute(Name = "subscription_id")] string subscriptionId, PosDb db, CancellationToken cancellationToken)
    {
        var row = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        return row is null
            ? SquareErrors.NotFound($"Subscription '{subscriptionId}' not found.").ToResult()
            : TypedResults.Json(new SubscriptionResponse(ToSquare(row)), SquareJson.Options);
    }

    public static async Task<Results<JsonHttpResult<EmptyResponse>, JsonHttpResult<SquareErrorResponse>>> DeleteAsync(
        [FromRoute(Name = "subscription_id")] string subscriptionId, PosDb db, PosRuntime runtime, MirrorLedger ledger, HttpRequest request, CancellationToken cancellationToken)
    {
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var row = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
            if (row is null)
            {
                return SquareErrors.NotFound($"Subscription '{subscriptionId}' not found.").ToResult();
            }
            db.WebhookSubscriptions.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"webhook subscription {row.Id} deleted", request.Path);
            return TypedResults.Json(new EmptyResponse(), SquareJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    private static SquareFailure? Validate(CreateWebhookSubscriptionRequest create)
    {
        if (create.IdempotencyKey is { Length: > 45 })
        {
            return SquareErrors.Invalid("VALUE_TOO_LONG", "idempotency_key", "idempotency_key must be at most 45 characters.");
        }
        if (create.Subscription is not { } s)
        {
            return SquareErrors.Missing("subscription");
        }
        if (string.IsNullOrEmpty(s.NotificationUrl))
        {
            return SquareErrors.Missing("subscription.notification_url");
        }
        if (!Uri.TryCreate(s.NotificationUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return SquareErrors.InvalidValue("subscription.notification_url", "notification_url must be an absolute http(s) URL.");
        }
        if (s.EventTypes is not { Count: > 0 })
        {
            return SquareErrors.Missing("subscription.event_types");
        }
        for (var i = 0; i < s.EventTypes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(s.EventTypes[i]) || !s.EventTypes[i].Contains('.', StringComparison.Ordinal) || s.EventTypes[i].Contains(',', StringComparison.Ordinal))
            {
                return SquareErrors.InvalidValue($"subscription.event_types[{i}]", $"'{s.EventTypes[i]}' is not an event type.");
            }
        }
        if (s.Name is { Length: > 64 })
        {
            return SquareErrors.Invalid("VALUE_TOO_LONG", "subscription.name", "name must be at most 64 characters.");
        }
        return null;
    }

    private static WebhookSubscription ToSquare(PosWebhookSubscription row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Enabled = row.Enabled,
        EventTypes = row.EventTypes.Split(','),
        NotificationUrl = row.NotificationUrl,
        ApiVersion = row.ApiVersion,
        SignatureKey = row.SignatureKey,
        CreatedAt = SquareJson.Time(row.CreatedAt),
        UpdatedAt = SquareJson.Time(row.UpdatedAt),
    };
}

/// <summary>Square <c>WebhookSubscription</c>; also the request shape.</summary>
public sealed record WebhookSubscription
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? Enabled { get; init; }

    public IReadOnlyList<string>? EventTypes { get; init; }

    public string? NotificationUrl { get; init; }

    public string? ApiVersion { get; init; }

    public string? SignatureKey { get; init; }

    public string? CreatedAt { get; init; }

    public string? UpdatedAt { get; init; }
}

public sealed record CreateWebhookSubscriptionRequest(string? IdempotencyKey, WebhookSubscription? Subscription);

public sealed record SubscriptionResponse(WebhookSubscription Subscription);

public sealed record ListWebhookSubscriptionsResponse(IReadOnlyList<WebhookSubscription> Subscriptions);

/// <summary>Square's answer with nothing in it (<c>DeleteWebhookSubscriptionResponse</c>).</summary>
public sealed record EmptyResponse;
