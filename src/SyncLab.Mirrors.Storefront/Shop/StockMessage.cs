using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>What the product page tells a shopper about availability; pure.</summary>
public static class StockMessage
{
    public const string InStock = "In stock";
    public const string OutOfStock = "Out of stock – back soon";
    public const string NoLongerAvailable = "No longer available";

    public static string For(string status, int totalAvailable, int lowStockThreshold) => status switch
    {
        ProductStatuses.Archived => NoLongerAvailable,
        _ when totalAvailable <= 0 => OutOfStock,
        _ when totalAvailable <= lowStockThreshold => $"Only {totalAvailable} left",
        _ => InStock,
    };

    /// <summary>Whether a shopper can buy it now.</summary>
    public static bool Purchasable(string status, int totalAvailable) => status == ProductStatuses.Active && totalAvailable > 0;
}
