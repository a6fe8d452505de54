using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Orders;

/// <summary>Turns a storefront order into the ERP sales order that records it: a pure decision.</summary>
public static class SalesOrderPlan
{
    /// <summary>The ERP's external document number for a web order: stable, unique, within BC's 35 characters.</summary>
    public static string ExternalNumber(ShopifyOrder order) => $"SHOPIFY-{order.LegacyId}";

    /// <param name="itemIds">ERP item id per canonical SKU, as far as the engine knows them.</param>
    public static BcNewSalesOrder Decide(ShopifyOrder order, Guid customerId, IReadOnlyDictionary<string, Guid> itemIds, TimeZoneInfo merchantZone)
    {
        var problems = new List<string>();
        var lines = new List<BcNewSalesOrderLine>();
        foreach (var line in order.Lines)
        {
            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                problems.Add($"line '{line.Title}' has no SKU");
                continue;
            }
            var sku = SkuRules.Canonical(line.Sku);
            if (!itemIds.TryGetValue(sku, out var itemId))
            {
                problems.Add($"SKU {sku} is not an ERP item");
                continue;
            }
            lines.Add(new BcNewSalesOrderLine("Item", itemId, line.Quantity, line.UnitPrice));
        }
        if (lines.Count == 0 && problems.Count == 0)
        {
            problems.Add("the order has no lines");
        }
        if (problems.Count > 0)
        {
            throw new DataErrorException($"order {order.Name}: {string.Join("; ", problems)}");
        }
        return new BcNewSalesOrder(ExternalNumber(order), OrderDate(order, merchantZone), customerId, order.Email, lines);
    }

    /// <summary>The order's date is the merchant's calendar day, not UTC's: an order at 8 pm in Chicago is today's.</summary>
    public static DateOnly OrderDate(ShopifyOrder order, TimeZoneInfo merchantZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.CreatedAt, merchantZone).DateTime);

    public static BcNewCustomer NewCustomer(ShopifyOrder order)
    {
        var address = order.ShippingAddress;
        var name = $"{order.CustomerFirstName ?? address?.FirstName} {order.CustomerLastName ?? address?.LastName}".Trim();
        return new BcNewCustomer(
            name.Length > 0 ? name : order.Email!,
            "Person",
            order.Email!,
            address?.Phone,
            address?.Address1,
            address?.City,
            address?.Zip,
            address?.CountryCode);
    }
}
