using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Catalog;

/// <summary>Finds where an ERP item lives on the storefront, and says clearly when it should but does not.</summary>
public sealed class StorefrontCatalog(ShopifyAdminClient shop, BusinessCentralClient erp, EngineOptions options) : Pipeline.IEngineCache
{
    // Looked up once; two racing first lookups find the same location, so no lock is needed.
    private string? _webLocationId;

    /// <summary>The item's storefront variant; null when the item is not sold on the web (nothing to do).</summary>
    public async Task<ShopifyVariant?> VariantAsync(ErpItemState item, CancellationToken ct)
    {
        var variant = await shop.FindVariantBySkuAsync(item.Sku, ct);
        if (variant is not null)
        {
            return variant;
        }
        var web = await erp.WebItemAsync(item.Number, ct);
        if (web is { WebEnabled: true })
        {
            throw new DataErrorException($"{item.Sku}: web-enabled in the ERP, but the storefront has no variant with SKU {item.Sku}");
        }
        return null;
    }

    /// <summary>An engine reset forgets the looked-up location.</summary>
    public void Forget() => _webLocationId = null;

    public async Task<string> WebLocationIdAsync(CancellationToken ct)
    {
        if (_webLocationId is { } known)
        {
            return known;
        }
        var locations = await shop.LocationsAsync(ct);
        var location = options.StorefrontLocation is null
            ? (locations.Count > 0 ? locations[0] : null)
            : locations.FirstOrDefault(l => string.Equals(l.Name, options.StorefrontLocation, StringComparison.OrdinalIgnoreCase));
        _webLocationId = location?.Id ?? throw new DataErrorException($"storefront location '{options.StorefrontLocation ?? "(first)"}' not found");
        return _webLocationId;
    }
}
