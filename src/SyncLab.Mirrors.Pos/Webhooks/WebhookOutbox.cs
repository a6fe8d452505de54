using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Inventory;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Webhooks;

/// <summary>
/// Queues events as delivery rows saved in the same unit of work as the change that caused them, so an
/// event is never lost between the change and its delivery (the dispatcher drains the rows, not memory).
/// </summary>
public static class WebhookOutbox
{
    public const string InventoryCountUpdated = "inventory.count.updated";

    public static async Task EnqueueCountUpdatesAsync(
        PosDb db, string merchantId, IReadOnlyList<PosCount> updated, long changeSequence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (updated.Count == 0)
        {
            return;
        }
        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken))
            .Where(s => s.EventTypes.Split(',').Contains(InventoryCountUpdated))
            .ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }
        var sequence = await db.WebhookDeliveries.MaxAsync(d => (long?)d.Sequence, cancellationToken) ?? 0;
        sequence += db.WebhookDeliveries.Local.Count(d => db.Entry(d).State == EntityState.Added);
        foreach (var count in updated)
        {
            var seed = $"{changeSequence}:{count.CatalogObjectId}:{count.LocationId}:{count.State}";
            var notification = new InventoryCountUpdatedEvent(
                merchantId, InventoryCountUpdated, SquareIds.Uuid("event:" + seed), SquareJson.Time(now),
                new InventoryCountUpdatedEventData("inventory_counts", SquareIds.Uuid("data:" + seed),
                    new InventoryCountUpdatedEventObject([InventoryCount.From(count)])));
            var body = JsonSerializer.Serialize(notification, SquareJson.Options);
            foreach (var subscription in subscriptions)
            {
                sequence++;
                db.WebhookDeliveries.Add(new PosWebhookDelivery
                {
                    Sequence = sequence,
                    EventId = notification.EventId,
                    EventType = InventoryCountUpdated,
                    SubscriptionId = subscription.Id,
                    NotificationUrl = subscription.NotificationUrl,
                    SignatureKey = subscription.SignatureKey,
                    Body = body,
                    NextAttemptAt = now,
                    NextAttemptTicks = now.UtcTicks,
                });
            }
        }
    }

    /// <summary>Square's <c>x-square-hmacsha256-signature</c>: base64 HMAC-SHA256, keyed with the subscription's signature key, over notification URL + raw body.</summary>
    public static string Signature(string signatureKey, string notificationUrl, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signatureKey), Encoding.UTF8.GetBytes(notificationUrl + body)));
}

/// <summary>Square <c>InventoryCountUpdatedEvent</c>.</summary>
public sealed record InventoryCountUpdatedEvent(string MerchantId, string Type, string EventId, string CreatedAt, InventoryCountUpdatedEventData Data);

public sealed record InventoryCountUpdatedEventData(string Type, string Id, [property: JsonPropertyName("object")] InventoryCountUpdatedEventObject Payload);

public sealed record InventoryCountUpdatedEventObject(IReadOnlyList<InventoryCount> InventoryCounts);
