using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>What shipping, cancelling and refunding do to fulfillment orders, shared by those mutations.</summary>
public static class FulfillmentOrderChanges
{
    /// <summary>
    /// Takes <paramref name="quantity"/> unshipped units of a line off its fulfillment orders (in fulfillment order
    /// order) and says how many came from which location. A fulfillment order left with nothing to ship becomes
    /// <paramref name="emptiedStatus"/>.
    /// </summary>
    public static List<(long LocationId, int Quantity)> TakeUnshipped(OrderRows rows, long lineItemId, int quantity, string emptiedStatus, DateTimeOffset now)
    {
        var taken = new List<(long, int)>();
        foreach (var foLine in rows.FulfillmentOrderLines.Where(l => l.LineItemId == lineItemId && l.RemainingQuantity > 0).OrderBy(l => l.Id))
        {
            if (quantity == 0)
            {
                break;
            }
            var take = Math.Min(quantity, foLine.RemainingQuantity);
            foLine.RemainingQuantity -= take;
            quantity -= take;
            var fo = rows.FulfillmentOrders.First(f => f.Id == foLine.FulfillmentOrderId);
            taken.Add((fo.LocationId, take));
            Settle(rows, fo, emptiedStatus, now);
        }
        return taken;
    }

    /// <summary>OPEN while nothing shipped, IN_PROGRESS once some did, <paramref name="emptiedStatus"/> when nothing is left to ship.</summary>
    public static void Settle(OrderRows rows, FulfillmentOrderRecord fo, string emptiedStatus, DateTimeOffset now)
    {
        var lines = rows.FulfillmentOrderLines.Where(l => l.FulfillmentOrderId == fo.Id).ToList();
        var remaining = lines.Sum(l => l.RemainingQuantity);
        var status = remaining == 0
            ? emptiedStatus
            : lines.Any(l => l.RemainingQuantity < l.TotalQuantity) ? FulfillmentOrderStatuses.InProgress : FulfillmentOrderStatuses.Open;
        if (status != fo.Status)
        {
            fo.Status = status;
            fo.UpdatedAt = now;
        }
    }

    /// <summary>Where a line's shipped units left from: the location of its latest fulfillment, or of its first fulfillment order.</summary>
    public static long? ShippedFrom(OrderRows rows, long lineItemId)
    {
        var shipment = rows.FulfillmentLines.Where(l => l.LineItemId == lineItemId).OrderByDescending(l => l.Id).FirstOrDefault();
        if (shipment is not null)
        {
            return rows.Fulfillments.First(f => f.Id == shipment.FulfillmentId).LocationId;
        }
        var foLine = rows.FulfillmentOrderLines.Where(l => l.LineItemId == lineItemId).OrderBy(l => l.Id).FirstOrDefault();
        return foLine is null ? null : rows.FulfillmentOrders.First(f => f.Id == foLine.FulfillmentOrderId).LocationId;
    }
}
