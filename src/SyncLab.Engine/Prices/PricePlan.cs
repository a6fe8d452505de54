using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Prices;

/// <summary>What must change on the storefront for a price: a pure decision, applied by the process and shown by dry runs.</summary>
public sealed record PriceChange(string Sku, decimal From, decimal To, decimal? CompareAt = null);

public static class PricePlan
{
    /// <summary>
    /// The storefront price for the item as its card says: on clearance the markdown with the ERP price as compare-at;
    /// otherwise the ERP price with no compare-at, so a compare-at left from a clearance that ended is cleared.
    /// </summary>
    public static PriceChange? Decide(ErpItemState item, ShopifyVariant current, Lifecycle lifecycle = Lifecycle.Active, CatalogRules? rules = null)
    {
        ApiDrift.Ensure(item, "prices", ApiDrift.UnitPrice);
        if (item.UnitPrice < 0)
        {
            throw new DataErrorException($"{item.Sku}: the ERP unit price {item.UnitPrice} is negative");
        }
        var (price, compareAt) = ProductPlan.Pricing(item, lifecycle, rules ?? CatalogRules.Default);
        return current.Price == price && current.CompareAtPrice == compareAt ? null : new PriceChange(item.Sku, current.Price, price, compareAt);
    }
}
