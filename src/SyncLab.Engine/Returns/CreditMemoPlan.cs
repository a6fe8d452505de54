using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Returns;

/// <summary>Turns a storefront refund into the ERP credit memo that records the return: a pure decision.</summary>
public static class CreditMemoPlan
{
    /// <summary>Restock types of units that had shipped and came back.</summary>
    private static readonly string[] Returned = ["RETURN", "LEGACY_RESTOCK"];

    /// <summary>The ERP's external document number for a refund: stable, unique, within BC's 35 characters.</summary>
    public static string ExternalNumber(ShopifyRefund refund) => $"SHOPIFY-R-{refund.LegacyId}";

    /// <summary>The order's own external document number, which its invoice carries.</summary>
    public static string OrderExternalNumber(ShopifyRefund refund) => $"SHOPIFY-{refund.OrderLegacyId}";

    /// <summary>
    /// Whether the refund takes back anything that shipped. Units taken off before they shipped (CANCEL) are a
    /// cancellation: the order process removes them from the ERP order, so no credit memo is due for them.
    /// </summary>
    public static bool CreditsShippedGoods(ShopifyRefund refund) =>
        refund.Lines.Any(l => l.Quantity > 0 && l.RestockType is not "CANCEL");

    /// <param name="itemIds">ERP item id per canonical SKU, as far as the engine knows them.</param>
    public static BcNewSalesCreditMemo Decide(ShopifyRefund refund, BcSalesInvoice invoice, IReadOnlyDictionary<string, Guid> itemIds, TimeZoneInfo merchantZone)
    {
        var problems = new List<string>();
        var lines = new List<BcNewSalesOrderLine>();
        foreach (var line in refund.Lines.Where(l => l.Quantity > 0 && l.RestockType is not "CANCEL"))
        {
            if (!Returned.Contains(line.RestockType))
            {
                problems.Add($"{line.Quantity} of {line.Sku ?? "a line without SKU"} refunded without being returned ({line.RestockType}): a goodwill credit needs a G/L account, which is not mapped");
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                problems.Add("a returned line has no SKU");
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
        if (problems.Count > 0)
        {
            throw new DataErrorException($"refund {refund.LegacyId} of order {refund.OrderName}: {string.Join("; ", problems)}");
        }
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(refund.CreatedAt, merchantZone).DateTime);
        return new BcNewSalesCreditMemo(ExternalNumber(refund), date, invoice.CustomerId, invoice.Id, lines);
    }
}
