using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Fulfilment;

/// <summary>What a warehouse shipment fulfils on the storefront, and how the storefront names its carrier: pure decisions.</summary>
public static class FulfilmentPlan
{
    /// <summary>
    /// The storefront fulfillment-order lines the shipped units cover, SKU by SKU, taking from what each line
    /// still has to ship. A shipped SKU the order does not have (or has no more of) is a data error.
    /// </summary>
    public static IReadOnlyList<ShopifyFulfillmentLine> Decide(IReadOnlyList<ShipStationItem> shipped, IReadOnlyList<ShopifyFulfillmentOrder> fulfillmentOrders)
    {
        var open = fulfillmentOrders.Where(f => f.Status is "OPEN" or "IN_PROGRESS")
            .SelectMany(f => f.Lines.Where(l => l.RemainingQuantity > 0 && l.Sku is not null).Select(l => (Order: f.Id, Line: l, Left: l.RemainingQuantity)))
            .ToList();
        var plan = new List<ShopifyFulfillmentLine>();
        var problems = new List<string>();
        foreach (var item in shipped.Where(i => i.Quantity > 0))
        {
            var sku = SkuRules.Canonical(item.Sku ?? string.Empty);
            var want = item.Quantity;
            for (var i = 0; i < open.Count && want > 0; i++)
            {
                if (open[i].Left == 0 || !string.Equals(SkuRules.Canonical(open[i].Line.Sku!), sku, StringComparison.Ordinal))
                {
                    continue;
                }
                var take = Math.Min(want, open[i].Left);
                plan.Add(new ShopifyFulfillmentLine(open[i].Order, open[i].Line.Id, take));
                open[i] = open[i] with { Left = open[i].Left - take };
                want -= take;
            }
            if (want > 0)
            {
                problems.Add($"{want} of {sku} shipped beyond what the order has left to ship");
            }
        }
        if (problems.Count > 0)
        {
            throw new DataErrorException(string.Join("; ", problems));
        }
        return plan;
    }

    /// <summary>The carrier's name as the storefront (and the shopper's tracking page) knows it, from ShipStation's carrier code.</summary>
    public static string CarrierName(string? carrierCode) => carrierCode?.ToLowerInvariant() switch
    {
        null or "" => "Other",
        "stamps_com" or "usps" or "endicia" => "USPS",
        "ups" or "ups_walleted" => "UPS",
        "fedex" or "fedex_walleted" => "FedEx",
        "dhl_express" or "dhl_express_walleted" => "DHL Express",
        "canada_post" => "Canada Post",
        _ => carrierCode,
    };
}
