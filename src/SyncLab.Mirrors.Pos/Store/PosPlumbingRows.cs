using SyncLab.MirrorKit.Webhooks;

namespace SyncLab.Mirrors.Pos.Store;

/// <summary>The first answer given to an idempotency key, replayed for the same body.</summary>
public sealed class PosIdempotency
{
    public required string Operation { get; init; }

    public required string Key { get; init; }

    public required string RequestBody { get; init; }

    public int Status { get; init; }

    public required string ResponseBody { get; init; }
}

public sealed class PosWebhookSubscription
{
    public required string Id { get; init; }

    public string? Name { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Comma-separated event types.</summary>
    public required string EventTypes { get; set; }

    public required string NotificationUrl { get; set; }

    public required string ApiVersion { get; init; }

    public required string SignatureKey { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One event for one subscription: the outbox row a dispatcher drains, with its retry state.</summary>
public sealed class PosWebhookDelivery : IWebhookDeliveryRow
{
    public long Sequence { get; init; }

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string SubscriptionId { get; init; }

    public required string NotificationUrl { get; init; }

    public required string SignatureKey { get; init; }

    public required string Body { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public long NextAttemptTicks { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public bool Abandoned { get; set; }

    public int? LastStatus { get; set; }
}
