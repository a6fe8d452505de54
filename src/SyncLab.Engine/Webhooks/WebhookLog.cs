using System.Collections.Concurrent;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>One webhook the engine received: what it did with it (<c>poll</c>, <c>duplicate</c>, <c>ignored</c>).</summary>
public sealed record WebhookReceipt(string Vendor, string Topic, string DeliveryId, string Outcome, DateTimeOffset ReceivedAt);

/// <summary>
/// The deliveries seen lately, by the vendor's delivery id (Shopify's X-Shopify-Webhook-Id): a redelivery of one already
/// acted on is answered 200 and costs nothing. In memory on purpose: a delivery seen again after a restart only triggers
/// one more poll, which queues nothing new (the queue's (process, key, version) index), so durability buys nothing here.
/// </summary>
public sealed class WebhookLog : IEngineCache
{
    /// <summary>Deliveries remembered; Shopify retries within 48 hours, a staging or a shop sends far fewer in that time.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, WebhookReceipt> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<WebhookReceipt> _order = new();

    /// <summary>Records the delivery; false when it was seen before (a duplicate).</summary>
    public bool FirstTime(WebhookReceipt receipt)
    {
        if (!_seen.TryAdd($"{receipt.Vendor}/{receipt.DeliveryId}", receipt))
        {
            _order.Enqueue(receipt with { Outcome = "duplicate" });
            Trim();
            return false;
        }
        _order.Enqueue(receipt);
        Trim();
        return true;
    }

    /// <summary>Records a delivery that carries no id to de-duplicate on (ignored topics).</summary>
    public void Note(WebhookReceipt receipt)
    {
        _order.Enqueue(receipt);
        Trim();
    }

    /// <summary>The latest receipts, newest first.</summary>
    public IReadOnlyList<WebhookReceipt> Latest(int limit) => [.. _order.Reverse().Take(limit)];

    public void Forget()
    {
        _seen.Clear();
        _order.Clear();
    }

    private void Trim()
    {
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            if (old.Outcome != "duplicate")
            {
                _seen.TryRemove($"{old.Vendor}/{old.DeliveryId}", out _);
            }
        }
    }
}
