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
        var lines = ItemLines(
            $"order {order.Name}", "order", order.Lines.Select(l => new DocumentLine(l.Sku, l.Title, l.Quantity, l.UnitPrice)), "has no SKU", itemIds);
        return new BcNewSalesOrder(ExternalNumber(order), OrderDate(order, merchantZone), customerId, order.Email, lines);
    }

    /// <summary>A line of a sale to book in the ERP (a web order's, a till's), before its SKU is looked up.</summary>
    public sealed record DocumentLine(string? Sku, string Name, decimal Quantity, decimal UnitPrice);

    /// <summary>
    /// The ERP item lines of a sale, each SKU through the id map. Everything that cannot be booked (a line without a SKU,
    /// a SKU the ERP does not have, no lines at all) is one data error on <paramref name="document"/>, naming every problem.
    /// </summary>
    internal static List<BcNewSalesOrderLine> ItemLines(
        string document, string noun, IEnumerable<DocumentLine> source, string noSku, IReadOnlyDictionary<string, Guid> itemIds)
    {
        var problems = new List<string>();
        var lines = new List<BcNewSalesOrderLine>();
        foreach (var line in source)
        {
            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                problems.Add($"line '{line.Name}' {noSku}");
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
            problems.Add($"the {noun} has no lines");
        }
        if (problems.Count > 0)
        {
            throw new DataErrorException($"{document}: {string.Join("; ", problems)}");
        }
        return lines;
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
