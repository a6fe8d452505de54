using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Webhooks;

namespace SyncLab.Mirrors.Warehouse.Store;

/// <summary>A webhook registered under <c>/v2/environment/webhooks</c>: one URL for one event.</summary>
public sealed class WhWebhook
{
    public required string WebhookId { get; init; }

    public long Sequence { get; init; }

    /// <summary>A <c>webhook_event</c> value: batch, carrier_connected, order_source_refresh_complete, rate, report_complete, sales_orders_imported, track.</summary>
    public required string Event { get; init; }

    public required string Url { get; set; }

    /// <summary>The custom headers (<c>webhook_header[]</c>) as ShipStation JSON; sent with every delivery.</summary>
    public required string HeadersJson { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One event for one webhook: the outbox row the dispatcher drains, with its retry state.</summary>
public sealed class WhWebhookDelivery : IWebhookDeliveryRow
{
    public long Sequence { get; init; }

    public required string WebhookId { get; init; }

    public required string Event { get; init; }

    public required string ResourceType { get; init; }

    public required string Url { get; init; }

    public required string HeadersJson { get; init; }

    /// <summary>The raw body, signed as sent: the same bytes on every attempt.</summary>
    public required string Body { get; init; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary><see cref="NextAttemptAt"/> in UTC ticks, so "due" translates to SQL on every provider.</summary>
    public long NextAttemptTicks { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public bool Abandoned { get; set; }

    public int? LastStatus { get; set; }

    /// <summary>Model configuration, called from <see cref="WarehouseDb"/>.</summary>
    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WhWebhook>().HasKey(w => w.WebhookId);
        modelBuilder.Entity<WhWebhookDelivery>().HasKey(d => d.Sequence);
        modelBuilder.Entity<WhWebhookDelivery>().Property(d => d.Sequence).ValueGeneratedNever();
        modelBuilder.Entity<WhWebhookDelivery>().HasIndex(d => d.NextAttemptTicks);
    }
}
