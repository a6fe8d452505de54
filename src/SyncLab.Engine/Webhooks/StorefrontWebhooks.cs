using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// Change capture by webhook from the storefront: <c>POST /engine/webhooks/shopify</c> receives the order, refund and
/// customer topics, and <c>PUT /engine/webhooks/shopify/subscriptions</c> registers them at the shop
/// (<c>webhookSubscriptionCreate</c>, as an app does when installed). A webhook only says "look now": the engine polls
/// its sources at once instead of at the next interval, and the poll queues the change — so the webhook's change and
/// the same change seen by polling are one (process, key, version), and a lost webhook costs latency, never data.
/// </summary>
public static class StorefrontWebhooks
{
    public const string Vendor = "shopify";

    /// <summary>
    /// The topics that make the engine poll now. Every one triggers a poll rather than queueing the payload: the REST
    /// payload is not the state the processes apply (the orders process reads GraphQL orders with their tax lines, the
    /// refunds capture reads a refund with its order, the shoppers capture decides account holder or guest from the
    /// customer's orders) and carries local times to the second, so it would not meet the poll's version of the same
    /// change; a poll reads exactly what the next scheduled poll would, once for a burst of webhooks.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Topics { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["orders/create"] = "ORDERS_CREATE",
        ["orders/updated"] = "ORDERS_UPDATED",
        ["orders/cancelled"] = "ORDERS_CANCELLED",
        ["refunds/create"] = "REFUNDS_CREATE",
        ["customers/create"] = "CUSTOMERS_CREATE",
        ["customers/update"] = "CUSTOMERS_UPDATE",
    };

    public sealed record SubscriptionsView(string CallbackUrl, IReadOnlyList<string> Topics, IReadOnlyList<string> Created);

    public static void MapStorefrontWebhooks(this RouteGroupBuilder engine)
    {
        engine.MapPost("/webhooks/shopify", ReceiveAsync);
        engine.MapPut("/webhooks/shopify/subscriptions", SubscribeAsync);
        engine.MapGet("/webhooks", (WebhookLog log, int? limit) => TypedResults.Ok(log.Latest(Math.Clamp(limit ?? 100, 1, 1000))));
        engine.MapVendorWebhooks();
    }

    /// <summary>
    /// 401 for a bad signature (nothing done); 200 for everything else, unknown topics included: Shopify removes an
    /// endpoint that keeps failing, and a topic the engine does not act on is not the shop's fault.
    /// </summary>
    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, SyncEngine engine, WebhookLog log, TimeProvider clock, EngineOptions options, CancellationToken ct)
    {
        var body = await WebhookReceiver.ReadBodyAsync(request, ct);
        if (!ShopifyHmac.SignedBy(body, request.Headers["X-Shopify-Hmac-Sha256"].ToString(), options.StorefrontWebhookSecret))
        {
            return TypedResults.Problem(
                title: "Webhook signature does not match", detail: "X-Shopify-Hmac-Sha256 is not the HMAC of the body with the app's secret.",
                statusCode: StatusCodes.Status401Unauthorized, type: "https://synclab.dev/problems/webhook-signature");
        }
        var topic = request.Headers["X-Shopify-Topic"].ToString();
        if (WebhookReceiver.Record(log, Vendor, topic, request.Headers["X-Shopify-Webhook-Id"].ToString(), Topics.ContainsKey(topic), clock.GetUtcNow()))
        {
            engine.SyncNow();
        }
        return TypedResults.Ok();
    }

    /// <summary>
    /// Subscribes the engine's endpoint (<c>{address}engine/webhooks/shopify</c>; the address defaults to the one this
    /// request came to) to every topic it acts on, and keeps it subscribed from then on (<see cref="WebhookSubscriber"/>:
    /// Shopify deletes an API-made subscription after 8 failed deliveries in a row); a topic already subscribed there is
    /// left as it is, so it is safe to repeat.
    /// </summary>
    private static async Task<Results<Ok<SubscriptionsView>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        HttpRequest request, WebhookSubscriber subscriber, CancellationToken ct)
    {
        var (baseUri, invalid) = await WebhookSubscriptionsApi.AddressAsync(request, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        var result = await subscriber.SubscribeAsync(Vendor, baseUri!, ct);
        return result.Error is null
            ? TypedResults.Ok(new SubscriptionsView(result.CallbackUrl, [.. Topics.Keys], [.. result.Subscriptions.Where(v => v.Action == WebhookSubscriber.Name(SubscriptionAction.Create)).Select(v => v.Resource)]))
            : TypedResults.Problem(
                title: "The storefront did not take the webhook subscription", detail: result.Error,
                statusCode: StatusCodes.Status502BadGateway, type: "https://synclab.dev/problems/webhook-subscriptions-failed");
    }
}
