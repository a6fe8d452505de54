using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Prices;

/// <summary>What must change on the storefront for a price: a pure decision, applied by the process and shown by dry runs.</summary>
public sealed record PriceChange(string Sku, decimal From, decimal To, decimal? CompareAt = null);

public static class PricePlan
{
    /// <summary>The storefront price for the item; the compare-at price stays as it is unless the item is on clearance.</summary>
    public static PriceChange? Decide(ErpItemState item, ShopifyVariant current, Lifecycle lifecycle = Lifecycle.Active, CatalogRules? rules = null)
    {
        ApiDrift.Ensure(item, "prices", ApiDrift.UnitPrice);
        if (item.UnitPrice < 0)
        {
            throw new DataErrorException($"{item.Sku}: the ERP unit price {item.UnitPrice} is negative");
        }
        var (price, compareAt) = ProductPlan.Pricing(item, lifecycle, rules ?? CatalogRules.Default, current.CompareAtPrice);
        return current.Price == price && current.CompareAtPrice == compareAt ? null : new PriceChange(item.Sku, current.Price, price, compareAt);
    }
}
