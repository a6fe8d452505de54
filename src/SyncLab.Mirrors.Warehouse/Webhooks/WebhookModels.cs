using System.Text.Json;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Webhooks;

/// <summary>ShipStation <c>webhook_header</c>: a custom header sent with every delivery.</summary>
public sealed record WebhookHeader(string? Key, string? Value)
{
    public static string ToJson(IReadOnlyList<WebhookHeader?>? headers) =>
        JsonSerializer.Serialize(headers?.OfType<WebhookHeader>().ToList() ?? [], ShipStationJson.Options);

    public static IReadOnlyList<WebhookHeader> FromJson(string json) =>
        JsonSerializer.Deserialize<List<WebhookHeader>>(json, ShipStationJson.Options) ?? [];
}

/// <summary>The <c>create_webhook_request_body</c> and <c>update_webhook_request_body</c> fields this mirror reads.</summary>
public sealed record WebhookRequest(string? Event, string? Url, IReadOnlyList<WebhookHeader?>? Headers);

/// <summary>ShipStation <c>webhook</c>.</summary>
public sealed record Webhook(string WebhookId, string Url, string Event, IReadOnlyList<WebhookHeader> Headers)
{
    public static Webhook From(WhWebhook row) => new(row.WebhookId, row.Url, row.Event, WebhookHeader.FromJson(row.HeadersJson));
}

/// <summary>
/// What ShipStation POSTs: where to fetch the resource, what kind of event it was and, for tracking
/// events, the tracking information itself.
/// </summary>
public sealed record WebhookPayload(string ResourceUrl, string ResourceType, TrackingData? Data);

/// <summary>The <c>data</c> of a <c>track</c> event (API_TRACK): the label's tracking information.</summary>
public sealed record TrackingData
{
    public required string TrackingNumber { get; init; }

    public required string TrackingUrl { get; init; }

    public required string StatusCode { get; init; }

    public required string StatusDescription { get; init; }

    public string? CarrierStatusCode { get; init; }

    public string? CarrierStatusDescription { get; init; }

    public required string CarrierCode { get; init; }

    public string? ShipDate { get; init; }

    public string? EstimatedDeliveryDate { get; init; }

    public string? ActualDeliveryDate { get; init; }

    public string? ExceptionDescription { get; init; }

    public required IReadOnlyList<TrackEvent> Events { get; init; }
}

/// <summary>One scan of a <c>track</c> event's <c>events</c>.</summary>
public sealed record TrackEvent(string OccurredAt, string StatusCode, string Description);
