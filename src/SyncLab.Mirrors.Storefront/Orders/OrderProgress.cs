using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>An order's display statuses and archiving, derived from its lines and money; pure.</summary>
public static class OrderProgress
{
    /// <summary>
    /// FULFILLED once every unit still on the order has shipped, PARTIALLY_FULFILLED in between, RESTOCKED when
    /// nothing shipped and every unit was taken off and restocked (a cancellation with restock), else UNFULFILLED.
    /// </summary>
    public static string FulfillmentStatus(IReadOnlyCollection<OrderLineRecord> lines, bool anyRestocked)
    {
        var fulfilled = lines.Sum(l => l.FulfilledQuantity);
        var unfulfilled = lines.Sum(l => l.UnfulfilledQuantity);
        return (fulfilled, unfulfilled) switch
        {
            ( > 0, 0) => OrderStatuses.Fulfilled,
            ( > 0, _) => OrderStatuses.PartiallyFulfilled,
            (0, 0) when anyRestocked => OrderStatuses.Restocked,
            _ => OrderStatuses.Unfulfilled,
        };
    }

    /// <summary>PAID until money goes back; PARTIALLY_REFUNDED, then REFUNDED once all of it has.</summary>
    public static string FinancialStatus(decimal received, decimal refunded) => refunded switch
    {
        <= 0 => OrderStatuses.Paid,
        _ when refunded >= received => OrderStatuses.Refunded,
        _ => OrderStatuses.PartiallyRefunded,
    };

    /// <summary>
    /// Recomputes the order's statuses; archives it (closedAt) when it is cancelled, or paid and fulfilled,
    /// as Shopify's default "automatically archive the order" setting does. Archived orders stay archived.
    /// </summary>
    public static void Update(OrderRecord order, IReadOnlyCollection<OrderLineRecord> lines, IReadOnlyCollection<RefundLineRecord> refundLines, DateTimeOffset now)
    {
        order.FulfillmentStatus = FulfillmentStatus(lines, refundLines.Any(r => r.Restocked));
        order.FinancialStatus = FinancialStatus(order.TotalReceived, order.TotalRefunded);
        if (order.ClosedAt is null && (order.CancelledAt is not null || order.FulfillmentStatus == OrderStatuses.Fulfilled))
        {
            order.ClosedAt = now;
        }
        order.UpdatedAt = now;
    }
}
