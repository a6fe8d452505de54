using System.Collections.Concurrent;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Inventory;

/// <summary>
/// What available-to-sell looks up and rarely changes: warehouse and store names, storefront locations, item
/// categories. A name not found is looked up again next time (a store that just opened), never cached as missing.
/// </summary>
public sealed class InventoryLookups : IEngineCache
{
    private readonly ConcurrentDictionary<string, string?> _categories = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string>? _warehouses;
    private IReadOnlyDictionary<string, string>? _stores;
    private IReadOnlyDictionary<string, string>? _storefrontLocations;

    public void Forget()
    {
        _categories.Clear();
        _warehouses = null;
        _stores = null;
        _storefrontLocations = null;
    }

    /// <summary>Inventory warehouse id → name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> InventoryWarehousesAsync(ShipStationClient warehouse, CancellationToken ct) =>
        _warehouses ??= await warehouse.InventoryWarehousesAsync(ct);

    public async Task<string?> CategoryAsync(ShipStationClient warehouse, string sku, CancellationToken ct)
    {
        if (_categories.TryGetValue(sku, out var known))
        {
            return known;
        }
        var category = await warehouse.ProductCategoryAsync(sku, ct);
        _categories[sku] = category;
        return category;
    }

    /// <summary>The Square location id of a store (by name, any case); null when Square has no such store.</summary>
    public async Task<string?> StoreIdAsync(SquareClient pos, string name, CancellationToken ct)
    {
        if (_stores?.GetValueOrDefault(name) is { } known)
        {
            return known;
        }
        _stores = (await pos.LocationsAsync(ct)).ToDictionary(l => l.Name, l => l.Id, StringComparer.OrdinalIgnoreCase);
        return _stores.GetValueOrDefault(name);
    }

    public async Task<string> StorefrontLocationIdAsync(ShopifyAdminClient shop, string name, CancellationToken ct)
    {
        if (_storefrontLocations?.GetValueOrDefault(name) is { } known)
        {
            return known;
        }
        _storefrontLocations = (await shop.LocationsAsync(ct)).ToDictionary(l => l.Name, l => l.Id, StringComparer.OrdinalIgnoreCase);
        return _storefrontLocations.GetValueOrDefault(name) ?? throw new DataErrorException($"storefront location '{name}' not found");
    }
}
