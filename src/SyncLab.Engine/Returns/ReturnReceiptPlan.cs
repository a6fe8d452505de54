using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Returns;

/// <summary>What a storefront refund puts back into the warehouse: a pure decision.</summary>
public static class ReturnReceiptPlan
{
    /// <summary>Restock types of units that came back to be sold again (Shopify's RETURN; LEGACY_RESTOCK from older refunds).</summary>
    private static readonly string[] Restocked = ["RETURN", "LEGACY_RESTOCK"];

    /// <summary>
    /// The inventory location that holds this return's goods, named after the refund's own reference: the engine finds
    /// it again by name after a half-done attempt (ShipStation offers no lookup of an inventory transaction by reference).
    /// </summary>
    public static string LocationName(ShopifyRefund refund) => $"RETURN {CreditMemoPlan.ExternalNumber(refund)}";

    /// <summary>Units per canonical SKU to receive; empty when nothing comes back to stock (a cancellation, a refund without return).</summary>
    public static IReadOnlyDictionary<string, int> Decide(ShopifyRefund refund)
    {
        var lines = refund.Lines.Where(l => l.Quantity > 0 && Restocked.Contains(l.RestockType)).ToList();
        if (lines.Any(l => string.IsNullOrWhiteSpace(l.Sku)))
        {
            throw new DataErrorException($"refund {refund.LegacyId} of order {refund.OrderName}: a returned line has no SKU, the warehouse cannot receive it");
        }
        return lines
            .GroupBy(l => SkuRules.Canonical(l.Sku!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
    }
}
