namespace SyncLab.Engine.Connectors.Square;

/// <summary>A Square webhook subscription; <see cref="SignatureKey"/> keys the HMAC of every event sent to it.</summary>
public sealed record SquareWebhookSubscription(string Id, string NotificationUrl, IReadOnlyList<string> EventTypes, bool Enabled, string? SignatureKey);

/// <summary>Webhook subscriptions (<c>/v2/webhooks/subscriptions</c>): list, retrieve (with the signature key), create.</summary>
public sealed partial class SquareClient
{
    public async Task<IReadOnlyList<SquareWebhookSubscription>> WebhookSubscriptionsAsync(CancellationToken ct)
    {
        var list = await SendAsync<SubscriptionList>(HttpMethod.Get, "v2/webhooks/subscriptions?include_disabled=true", null, ct);
        return [.. (list.Subscriptions ?? []).Select(s => s.ToSubscription())];
    }

    public async Task<SquareWebhookSubscription> WebhookSubscriptionAsync(string id, CancellationToken ct) =>
        (await SendAsync<SubscriptionAnswer>(HttpMethod.Get, $"v2/webhooks/subscriptions/{Uri.EscapeDataString(id)}", null, ct)).Subscription.ToSubscription();

    /// <summary>
    /// No idempotency key on purpose: a key derived from the URL would replay a subscription Square has since deleted, so
    /// re-creating it could never succeed. A create whose answer was lost may leave two subscriptions to the same URL; the
    /// receiver de-duplicates their events by <c>event_id</c>.
    /// </summary>
    public async Task<SquareWebhookSubscription> CreateWebhookSubscriptionAsync(string name, string notificationUrl, IReadOnlyList<string> eventTypes, CancellationToken ct)
    {
        var body = new
        {
            subscription = new { name, enabled = true, event_types = eventTypes, notification_url = notificationUrl },
        };
        return (await SendAsync<SubscriptionAnswer>(HttpMethod.Post, "v2/webhooks/subscriptions", body, ct)).Subscription.ToSubscription();
    }

    private sealed record SubscriptionList(List<SubscriptionEntry>? Subscriptions);

    private sealed record SubscriptionAnswer(SubscriptionEntry Subscription);

    private sealed record SubscriptionEntry(string Id, string? NotificationUrl, List<string>? EventTypes, bool? Enabled, string? SignatureKey)
    {
        public SquareWebhookSubscription ToSubscription() => new(Id, NotificationUrl ?? string.Empty, EventTypes ?? [], Enabled ?? true, SignatureKey);
    }
}
