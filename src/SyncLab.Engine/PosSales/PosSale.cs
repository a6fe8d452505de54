using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Square;

namespace SyncLab.Engine.PosSales;

/// <summary>A completed sale at a store as the engine queues it: the Square order with each line's SKU resolved.</summary>
public sealed record PosSale(
    string OrderId, string LocationId, string Store, DateTimeOffset ClosedAt, DateTimeOffset UpdatedAt, string Currency, IReadOnlyList<PosSaleLine> Lines);

/// <summary>One line: the SKU the till sold (null for a custom amount or a variation the catalog does not know), how many, the unit price.</summary>
public sealed record PosSaleLine(string? Sku, string Name, decimal Quantity, decimal UnitPrice);

/// <summary>Turns a store's sale into the ERP sales order that records it: pure decisions.</summary>
public static class PosSalePlan
{
    private const string Prefix = "SQUARE-";

    /// <summary>Business Central's <c>externalDocumentNumber</c> holds 35 characters.</summary>
    public const int ExternalNumberLength = 35;

    /// <summary>
    /// <c>SQUARE-&lt;order id&gt;</c>; an id too long for BC's 35 characters keeps its head and a hash of the whole,
    /// so the number stays unique and the same on every attempt.
    /// </summary>
    public static string ExternalNumber(string orderId)
    {
        var plain = Prefix + orderId;
        if (plain.Length <= ExternalNumberLength)
        {
            return plain;
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(orderId)))[..10];
        return $"{Prefix}{orderId[..(ExternalNumberLength - Prefix.Length - hash.Length - 1)]}-{hash}";
    }

    /// <summary>The sale's day is the merchant's calendar day when it closed.</summary>
    public static DateOnly SaleDate(PosSale sale, TimeZoneInfo merchantZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sale.ClosedAt, merchantZone).DateTime);

    /// <summary>Square money is in the currency's smallest unit: cents, or whole yen.</summary>
    public static decimal Amount(long minorUnits, string currency) =>
        minorUnits / (decimal)Math.Pow(10, MinorDigits(currency));

    private static int MinorDigits(string currency) => currency.ToUpperInvariant() switch
    {
        "JPY" or "KRW" or "VND" or "CLP" or "ISK" => 0,
        _ => 2,
    };

    /// <summary>The sale as queued: SKUs looked up in the till's catalog, prices as decimals.</summary>
    public static async Task<PosSale> FromAsync(SquareOrder order, string store, Func<string, Task<string?>> skuOf)
    {
        var lines = new List<PosSaleLine>(order.Lines.Count);
        foreach (var line in order.Lines)
        {
            var sku = line.CatalogObjectId is { } id ? await skuOf(id) : null;
            lines.Add(new PosSaleLine(sku, line.Name, line.Quantity, Amount(line.BasePriceAmount, order.Currency)));
        }
        return new PosSale(order.Id, order.LocationId, store, order.ClosedAt ?? order.UpdatedAt, order.UpdatedAt, order.Currency, lines);
    }

    /// <param name="itemIds">ERP item id per canonical SKU, as far as the engine knows them.</param>
    public static BcNewSalesOrder Decide(PosSale sale, Guid customerId, IReadOnlyDictionary<string, Guid> itemIds, TimeZoneInfo merchantZone)
    {
        var lines = Orders.SalesOrderPlan.ItemLines(
            Describe(sale), "sale", sale.Lines.Select(l => new Orders.SalesOrderPlan.DocumentLine(l.Sku, l.Name, l.Quantity, l.UnitPrice)),
            "has no SKU the till's catalog knows", itemIds);
        return new BcNewSalesOrder(ExternalNumber(sale.OrderId), SaleDate(sale, merchantZone), customerId, null, lines);
    }

    public static string Describe(PosSale sale) => string.Create(CultureInfo.InvariantCulture, $"sale {sale.OrderId} at {sale.Store}");
}
