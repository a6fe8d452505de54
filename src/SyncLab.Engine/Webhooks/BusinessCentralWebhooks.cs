using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// Change capture by webhook from the ERP: <c>POST /engine/webhooks/businesscentral</c> answers Business Central's
/// validation handshake (made when a subscription is created or renewed) and takes its notifications. A notification
/// carries only a resource URL, a change type and a time, so it can only say "look now": the engine polls at once, and the
/// poll reads the state — the change the webhook announced and the change polling finds are one (process, key, version).
/// </summary>
public static class BusinessCentralWebhooks
{
    public const string Vendor = WebhookSubscriber.BusinessCentral;

    /// <summary>
    /// The handshake (<c>?validationToken=</c>) is echoed as text/plain 200. A notification batch with any
    /// <c>clientState</c> other than the engine's is refused whole (401, nothing done). Notifications about the collections
    /// the engine polls make it poll now, once per batch and never for one seen before (BC's duplicates carry the same
    /// subscription, resource, change type and time); others are logged as ignored.
    /// </summary>
    internal static async Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, SyncEngine engine, WebhookLog log, TimeProvider clock, EngineOptions options, CancellationToken ct)
    {
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            return TypedResults.Text(token.ToString(), "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
        }
        var now = clock.GetUtcNow();
        using var body = WebhookReceiver.TryParse(await WebhookReceiver.ReadBodyAsync(request, ct));
        if (body is null || !body.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return WebhookReceiver.Unreadable(Vendor, "a notification body is {\"value\": [ ... ]}.");
        }
        var notifications = value.EnumerateArray().Select(Notification.From).ToList();
        var expected = Encoding.UTF8.GetBytes(options.Webhooks.BusinessCentralClientState);
        // Constant time, like a signature check: a faster "no" for a closer guess would leak the secret.
        if (notifications.Any(n => !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(n.ClientState), expected)))
        {
            return WebhookReceiver.Refused(log, Vendor, now, "clientState is not the one the engine gave its Business Central subscriptions.");
        }
        var poll = false;
        foreach (var n in notifications)
        {
            var actsOn = WebhookSubscriber.ErpResources.Contains(n.EntitySet, StringComparer.OrdinalIgnoreCase);
            poll |= WebhookReceiver.Record(log, Vendor, $"{n.EntitySet}/{n.ChangeType}", n.DeliveryId, actsOn, now);
        }
        if (poll)
        {
            // One poll for the batch: it reads everything the batch announced.
            engine.SyncNow();
        }
        return TypedResults.Ok();
    }

    /// <summary>One entry of a notification's <c>value</c>.</summary>
    private sealed record Notification(string SubscriptionId, string ClientState, string Resource, string ChangeType, string LastModified)
    {
        /// <summary>"api/v2.0/companies(…)/items(…)" or "…/items?$filter=…" (a collection notification) → "items".</summary>
        public string EntitySet
        {
            get
            {
                var path = SubscriptionPlan.ResourceKey(Resource);
                var last = path[(path.LastIndexOf('/') + 1)..];
                var open = last.IndexOf('(', StringComparison.Ordinal);
                return open < 0 ? last : last[..open];
            }
        }

        /// <summary>BC sends no delivery id; what one notification says is its identity, and a redelivery says it again.</summary>
        public string DeliveryId => $"{SubscriptionId}|{Resource}|{ChangeType}|{LastModified}";

        public static Notification From(JsonElement e) => new(
            WebhookReceiver.Text(e, "subscriptionId"), WebhookReceiver.Text(e, "clientState"), WebhookReceiver.Text(e, "resource"),
            WebhookReceiver.Text(e, "changeType"), WebhookReceiver.Text(e, "lastModifiedDateTime"));
    }
}
