using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Catalog;

/// <summary>Finds where an ERP item lives on the storefront, and says clearly when it should but does not.</summary>
public sealed class StorefrontCatalog(ShopifyAdminClient shop, VariantLookahead lookahead, EngineOptions options) : Pipeline.IEngineCache
{
    // Looked up once; two racing first lookups find the same location, so no lock is needed.
    private string? _webLocationId;

    /// <summary>
    /// The item's storefront variant; null when the storefront does not list it (nothing to do: a web item
    /// not yet listed becomes a product through the products process, which sets its price and stock).
    /// </summary>
    public Task<ShopifyVariant?> VariantAsync(ErpItemState item, CancellationToken ct) =>
        lookahead.TryGet(item.Sku, out var known) ? Task.FromResult(known) : shop.FindVariantBySkuAsync(item.Sku, ct);

    /// <summary>
    /// Reads the variants of a round's SKUs in bulk, so the round's processes find them without asking one by one.
    /// If the storefront cannot answer now, nothing is read ahead: each process then asks, and fails or retries, alone.
    /// </summary>
    public async Task ReadAheadAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        lookahead.Forget();
        try
        {
            foreach (var chunk in skus.Chunk(ShopifyAdminClient.LookaheadChunk))
            {
                var found = await shop.FindVariantsBySkusAsync(chunk, ct);
                foreach (var sku in chunk)
                {
                    lookahead.Add(sku, found.GetValueOrDefault(sku));
                }
            }
        }
        catch (VendorCallException)
        {
            lookahead.Forget();
        }
    }

    /// <summary>The round is over: what was read ahead is forgotten, the next round reads the storefront afresh.</summary>
    public void EndRound() => lookahead.Forget();

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
