using System.Collections.Concurrent;

namespace SyncLab.Engine.Connectors.Shopify;

/// <summary>
/// Storefront variants read in bulk for one round of the engine's work (<see cref="ShopifyAdminClient.FindVariantsBySkusAsync"/>):
/// a full sync of N items asks the storefront N/50 times instead of once per item and process. It only lives
/// for the round it was read for, and every write the engine makes to a variant's fields forgets that SKU
/// first, so a process never plans from a variant the engine has changed since.
/// </summary>
public sealed class VariantLookahead : Pipeline.IEngineCache
{
    // SKU → the variant (null: the storefront does not list it). Product id → SKU, for writes by product.
    private readonly ConcurrentDictionary<string, ShopifyVariant?> _bySku = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _skuByProduct = new(StringComparer.Ordinal);

    public int Count => _bySku.Count;

    public void Add(string sku, ShopifyVariant? variant)
    {
        _bySku[sku] = variant;
        if (variant is not null)
        {
            _skuByProduct[variant.ProductId] = sku;
        }
    }

    public bool TryGet(string sku, out ShopifyVariant? variant) => _bySku.TryGetValue(sku, out variant);

    public void ForgetSku(string sku) => _bySku.TryRemove(sku, out _);

    public void ForgetProduct(string productId)
    {
        if (_skuByProduct.TryRemove(productId, out var sku))
        {
            ForgetSku(sku);
        }
    }

    /// <summary>The round is over (or the engine reset): the next round reads the storefront afresh.</summary>
    public void Forget()
    {
        _bySku.Clear();
        _skuByProduct.Clear();
    }
}
