using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>What the product page tells a shopper about availability; pure.</summary>
public static class StockMessage
{
    public const string InStock = "In stock";
    public const string OutOfStock = "Out of stock – back soon";
    public const string NoLongerAvailable = "No longer available";

    /// <param name="flaggedLow">The product carries the shop's low-stock tag (set by the merchant's thresholds per item or category).</param>
    public static string For(string status, int totalAvailable, int lowStockThreshold, bool flaggedLow = false) => status switch
    {
        ProductStatuses.Archived => NoLongerAvailable,
        _ when totalAvailable <= 0 => OutOfStock,
        _ when flaggedLow || totalAvailable <= lowStockThreshold => $"Only {totalAvailable} left",
        _ => InStock,
    };

    /// <summary>Whether a shopper can buy it now.</summary>
    public static bool Purchasable(string status, int totalAvailable) => status == ProductStatuses.Active && totalAvailable > 0;
}
