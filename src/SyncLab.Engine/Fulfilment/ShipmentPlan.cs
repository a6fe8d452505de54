using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;

namespace SyncLab.Engine.Fulfilment;

/// <summary>Turns a web order into the warehouse shipment that picks and ships it: a pure decision.</summary>
public static class ShipmentPlan
{
    /// <summary>The engine's reference on the warehouse side: the same number the ERP carries.</summary>
    public static string ExternalShipmentId(ShopifyOrder order) => SalesOrderPlan.ExternalNumber(order);

    private const string ShopifyOrderPrefix = "gid://shopify/Order/";

    /// <summary>
    /// Whether a warehouse shipment is a parcel of a web order: the engine's own shipment (<c>SHOPIFY-…</c>), or one
    /// the warehouse split off it. ShipStation gives a split its own <c>external_shipment_id</c> (that key is unique
    /// per account) and keeps the order's <c>external_order_id</c> and <c>shipment_number</c>, so the order's id is
    /// what every parcel of it carries.
    /// </summary>
    public static bool IsWebOrderParcel(ShipStationShipment shipment) =>
        shipment.ExternalOrderId is not null
        && (shipment.ExternalShipmentId?.StartsWith("SHOPIFY-", StringComparison.Ordinal) == true
            || shipment.ExternalOrderId.StartsWith(ShopifyOrderPrefix, StringComparison.Ordinal));

    /// <summary>The engine's reference (<c>SHOPIFY-&lt;order&gt;</c>, the ERP's external document number) of the web order a parcel belongs to.</summary>
    public static string OrderReference(ShipStationShipment parcel) =>
        parcel.ExternalOrderId is { } order && order.StartsWith(ShopifyOrderPrefix, StringComparison.Ordinal)
            ? $"SHOPIFY-{order[ShopifyOrderPrefix.Length..]}"
            : parcel.ExternalShipmentId!;

    /// <summary>
    /// Whether recording <paramref name="parcel"/> completes its order in the ERP (Business Central posts whole orders):
    /// yes once every other shipment of the order has left the warehouse (label bought); never when one was stopped
    /// (cancelled: the order was cancelled after a parcel left), which is returned so the office is told.
    /// </summary>
    public static (bool Completes, ShipStationShipment? Stopped) Posting(ShipStationShipment parcel, IReadOnlyList<ShipStationShipment> shipmentsOfOrder)
    {
        var others = shipmentsOfOrder.Where(s => s.ShipmentId != parcel.ShipmentId).ToList();
        var stopped = others.FirstOrDefault(s => s.ShipmentStatus == ShipStationShipment.Cancelled);
        return (stopped is null && others.All(s => s.ShipmentStatus == ShipStationShipment.LabelPurchased), stopped);
    }

    public static ShipStationNewShipment Decide(ShopifyOrder order, string warehouseId, string fallbackPhone)
    {
        var problems = new List<string>();
        var address = order.ShippingAddress;
        if (address is null || string.IsNullOrWhiteSpace(address.Address1) || string.IsNullOrWhiteSpace(address.City) || string.IsNullOrWhiteSpace(address.CountryCode))
        {
            problems.Add("no complete shipping address");
        }
        if (order.Lines.Any(l => string.IsNullOrWhiteSpace(l.Sku)))
        {
            problems.Add($"line '{order.Lines.First(l => string.IsNullOrWhiteSpace(l.Sku)).Title}' has no SKU to pick");
        }
        // One line per SKU: the picker takes every unit of a SKU from one bin.
        var items = order.Lines.Where(l => !string.IsNullOrWhiteSpace(l.Sku) && l.Quantity > 0)
            .GroupBy(l => SkuRules.Canonical(l.Sku!), StringComparer.Ordinal)
            .Select(g => new ShipStationItem(g.Key, g.Sum(l => l.Quantity), g.First().Title))
            .ToList();
        if (items.Count == 0 && problems.Count == 0)
        {
            problems.Add("nothing to ship");
        }
        if (problems.Count > 0)
        {
            throw new DataErrorException($"order {order.Name} cannot go to the warehouse: {string.Join("; ", problems)}");
        }
        var name = $"{address!.FirstName ?? order.CustomerFirstName} {address.LastName ?? order.CustomerLastName}".Trim();
        var shipTo = new ShipStationAddress(
            name.Length > 0 ? name : order.Email ?? order.Name,
            string.IsNullOrWhiteSpace(address.Phone) ? fallbackPhone : address.Phone,
            address.Address1,
            address.City,
            address.ProvinceCode ?? string.Empty,
            address.Zip,
            address.CountryCode,
            order.Email);
        return new ShipStationNewShipment(warehouseId, ExternalShipmentId(order), order.Id, order.Name, shipTo, items);
    }
}
