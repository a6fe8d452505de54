using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Webhooks;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary>
/// Adds deliveries for a topic to the caller's unit of work (saved with the change they report), and
/// wakes the dispatcher once the caller has saved.
/// </summary>
public sealed class WebhookOutbox(TimeProvider clock) : IDisposable
{
    /// <summary>What the dispatcher (a MirrorKit <see cref="WebhookPump"/>) waits on.</summary>
    internal WebhookSignal Signal { get; } = new();

    public async Task<int> EnqueueAsync(StorefrontDb db, string topic, Func<string> payload, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Topic == topic).ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return 0;
        }
        var body = payload();
        var now = clock.GetUtcNow();
        // One event, delivered once per subscription: the event id is shared, the webhook ids are not.
        var eventId = Guid.NewGuid().ToString();
        foreach (var subscription in subscriptions)
        {
            db.WebhookDeliveries.Add(new WebhookDeliveryRecord
            {
                SubscriptionId = subscription.Id,
                Topic = WebhookTopics.Rest(topic),
                CallbackUrl = subscription.CallbackUrl,
                Payload = body,
                WebhookId = Guid.NewGuid().ToString(),
                EventId = eventId,
                TriggeredAt = now,
                NextAttemptAt = now,
            });
        }
        return subscriptions.Count;
    }

    /// <summary>Tells the dispatcher that new deliveries were saved.</summary>
    public void Notify() => Signal.Notify();

    public void Dispose() => Signal.Dispose();
}
