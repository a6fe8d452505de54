using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Catalog;

/// <summary>Finds where an ERP item lives on the storefront, and says clearly when it should but does not.</summary>
public sealed class StorefrontCatalog(ShopifyAdminClient shop, EngineOptions options)
{
    // Looked up once; two racing first lookups find the same location, so no lock is needed.
    private string? _webLocationId;

    /// <summary>
    /// The item's storefront variant; null when the storefront does not list it (nothing to do: a web item
    /// not yet listed becomes a product through the products process, which sets its price and stock).
    /// </summary>
    public Task<ShopifyVariant?> VariantAsync(ErpItemState item, CancellationToken ct) => shop.FindVariantBySkuAsync(item.Sku, ct);

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
