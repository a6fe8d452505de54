using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.Carriers;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Webhooks;

/// <summary>
/// Queues webhook events as delivery rows in the caller's unit of work, saved with the change that caused
/// them, so an event is never lost between the change and its delivery. The caller signals the dispatcher
/// after saving.
/// </summary>
public static class WebhookOutbox
{
    public const string Track = "track";

    /// <summary>The <c>resource_type</c> ShipStation API sends for the <c>track</c> event.</summary>
    public const string TrackResourceType = "API_TRACK";

    /// <summary>ShipStation API's tracking status codes and their descriptions.</summary>
    public static readonly IReadOnlyDictionary<string, string> TrackingStatuses = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UN"] = "Unknown",
        ["AC"] = "Accepted",
        ["IT"] = "In Transit",
        ["DE"] = "Delivered",
        ["EX"] = "Exception",
        ["AT"] = "Delivery Attempt",
        ["NY"] = "Not Yet In System",
        ["SP"] = "Delivered To Collection Location",
    };

    /// <summary>Queues a <c>track</c> event for a label's tracking status to every webhook on that event; answers how many.</summary>
    public static async Task<int> EnqueueTrackAsync(
        WarehouseDb db, HttpRequest request, WhShipment shipment, string statusCode, string? description, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.Event == Track).OrderBy(w => w.Sequence).ToListAsync(cancellationToken);
        if (webhooks.Count == 0)
        {
            return 0;
        }
        var status = TrackingStatuses[statusCode];
        var carrier = ShipStationCarriers.Of(shipment.CarrierId);
        var at = ShipStationJson.Time(now);
        var payload = new WebhookPayload(
            $"{request.Scheme}://{request.Host}/v2/labels/{shipment.LabelId}/track",
            TrackResourceType,
            new TrackingData
            {
                TrackingNumber = shipment.TrackingNumber!,
                TrackingUrl = carrier.TrackingUrl(shipment.TrackingNumber!),
                StatusCode = statusCode,
                StatusDescription = status,
                CarrierStatusDescription = description ?? (statusCode == "NY" ? $"Shipping label created, {carrier.Network} awaiting item" : status),
                CarrierCode = carrier.TrackCode,
                ShipDate = shipment.ShippedAt is { } shipped ? ShipStationJson.Time(shipped) : null,
                ActualDeliveryDate = statusCode is "DE" or "SP" ? at : null,
                ExceptionDescription = statusCode == "EX" ? description ?? status : null,
                Events = [new TrackEvent(at, statusCode, description ?? status)],
            });
        var body = JsonSerializer.Serialize(payload, ShipStationJson.Options);
        var sequence = await db.WebhookDeliveries.MaxAsync(d => (long?)d.Sequence, cancellationToken) ?? 0;
        sequence += db.WebhookDeliveries.Local.Count(d => db.Entry(d).State == EntityState.Added);
        foreach (var webhook in webhooks)
        {
            db.WebhookDeliveries.Add(new WhWebhookDelivery
            {
                Sequence = ++sequence,
                WebhookId = webhook.WebhookId,
                Event = Track,
                ResourceType = TrackResourceType,
                Url = webhook.Url,
                HeadersJson = webhook.HeadersJson,
                Body = body,
                NextAttemptAt = now,
                NextAttemptTicks = now.UtcTicks,
            });
        }
        return webhooks.Count;
    }

    /// <summary>The delivery's number as text, for ledger lines.</summary>
    public static string Name(WhWebhookDelivery delivery) =>
        $"{delivery.Event} #{delivery.Sequence.ToString(CultureInfo.InvariantCulture)}";
}
