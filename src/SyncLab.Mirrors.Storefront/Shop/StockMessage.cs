using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>What the product page tells a shopper about availability; pure.</summary>
public static class StockMessage
{
    public const string InStock = "In stock";
    public const string OutOfStock = "Out of stock – back soon";
    public const string NoLongerAvailable = "No longer available";
    public const string PreOrder = "Out of stock – order now, ships when back";

    /// <param name="flaggedLow">The product carries the shop's low-stock tag (set by the merchant's thresholds per item or category).</param>
    /// <param name="soldWhenOutOfStock">The variant's inventory policy is CONTINUE (backorders, pre-orders).</param>
    public static string For(string status, int totalAvailable, int lowStockThreshold, bool flaggedLow = false, bool soldWhenOutOfStock = false) => status switch
    {
        ProductStatuses.Archived => NoLongerAvailable,
        _ when totalAvailable <= 0 => soldWhenOutOfStock ? PreOrder : OutOfStock,
        _ when flaggedLow || totalAvailable <= lowStockThreshold => $"Only {totalAvailable} left",
        _ => InStock,
    };

    /// <summary>Whether a shopper can buy it now: active, and in stock or sold when out of stock.</summary>
    public static bool Purchasable(string status, int totalAvailable, bool soldWhenOutOfStock = false) =>
        status == ProductStatuses.Active && (totalAvailable > 0 || soldWhenOutOfStock);
}
