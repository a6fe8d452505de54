using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Prices;

/// <summary>What must change on the storefront for a price: a pure decision, applied by the process and shown by dry runs.</summary>
public sealed record PriceChange(string Sku, decimal From, decimal To);

public static class PricePlan
{
    public static PriceChange? Decide(ErpItemState item, ShopifyVariant current)
    {
        if (item.UnitPrice < 0)
        {
            throw new DataErrorException($"{item.Sku}: the ERP unit price {item.UnitPrice} is negative");
        }
        return current.Price == item.UnitPrice ? null : new PriceChange(item.Sku, current.Price, item.UnitPrice);
    }
}
