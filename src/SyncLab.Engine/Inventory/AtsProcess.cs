using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Inventory;

/// <summary>One storefront location's stock of a SKU: what the storefront shows (<paramref name="Found"/>) and what available-to-sell is (<paramref name="Planned"/>).</summary>
/// <param name="Location">The location's name as mapped, <c>web</c> for the web location.</param>
public sealed record AtsTarget(string Location, string LocationId, string InventoryItemId, int Found, int Planned);

/// <summary>
/// Available-to-sell from the warehouse and the stores (<see cref="StockSource.WmsAndPos"/>): for one SKU, reads
/// what every system holds now — warehouse levels, web orders the warehouse allocated, the offered stores' counts,
/// the storefront's available and committed — plans (<see cref="AtsPlan"/>) and sets each mapped storefront
/// location's available with a compare-and-set. A warehouse under stocktake counts as last known when it began.
/// Triggered by the warehouse and POS captures; it reads live, so the newest trigger covers every older one.
/// </summary>
public sealed class AtsProcess(
    ShopifyAdminClient shop, StorefrontCatalog catalog, StorefrontStock storefront, InventorySettings settings, InventoryLookups lookups,
    ShipStationClient? warehouse = null, SquareClient? pos = null) : IProcess
{
    public const string ProcessName = "available-to-sell";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var config = settings.Current;
        if (config.Source != StockSource.WmsAndPos)
        {
            return ProcessOutcome.Nothing;
        }
        var sku = item.Key;
        var targets = await PlanAsync(config, sku, ct);
        // Not listed (the products process lists it) or withdrawn from sale (archived): nothing to offer.
        if (targets is null)
        {
            return ProcessOutcome.Nothing;
        }
        // Every location's compare-and-set at once, so they share a call (StorefrontStockWriter); a location that fails
        // fails the apply, and the retry plans again from fresh numbers (those that landed then need nothing).
        var writes = targets.Where(t => t.Planned != t.Found).ToList();
        await Task.WhenAll(writes.Select(t => storefront.SetAvailableAsync(t.InventoryItemId, t.LocationId, t.Planned, t.Found, ct)));
        var summary = writes.Select(t => string.Create(CultureInfo.InvariantCulture, $"available {sku} @ {t.Location} {t.Found} -> {t.Planned}"));
        // Stores that sell web stock show the first location's number (PosWebStockProcess).
        var followUps = targets.Count > 0 && config.StoresSellingWebStock.Count > 0 ? [PosWebStockProcess.FollowUp(sku, item.Version, targets[0].Planned)] : Array.Empty<CapturedChange>();
        return new ProcessOutcome(string.Join("; ", summary), []) { FollowUps = followUps };
    }

    /// <summary>
    /// What the SKU's available-to-sell is at each mapped storefront location that stocks it, and what the storefront
    /// shows there now, all read live; nothing is written. Null when the storefront does not list the SKU or has
    /// withdrawn it (archived). The nightly reconciliation's second look uses it too, so both agree by construction.
    /// </summary>
    public async Task<IReadOnlyList<AtsTarget>?> PlanAsync(InventoryOptions config, string sku, CancellationToken ct)
    {
        var targets = new List<AtsTarget>();
        IReadOnlyList<ShipStationLevel>? levels = null;
        IReadOnlyDictionary<string, string> warehouseNames = new Dictionary<string, string>();
        IReadOnlyList<ShipStationAllocation>? allocations = null;
        var safety = 0;
        foreach (var mapping in config.Locations)
        {
            var locationId = mapping.StorefrontLocation is null
                ? await catalog.WebLocationIdAsync(ct)
                : await lookups.StorefrontLocationIdAsync(shop, mapping.StorefrontLocation, ct);
            var variant = await storefront.VariantStockAsync(sku, locationId, ct);
            if (variant is null || variant.ProductStatus == "ARCHIVED")
            {
                return null;
            }
            if (variant.Quantities is not { } quantities)
            {
                continue;
            }
            if (quantities.Committed > 0 && warehouse is not null && allocations is null)
            {
                // Allocations before levels: a web order the warehouse allocates between the two reads is then counted
                // twice (out of available, and still a reservation) — one poll of under-offering — never not at all,
                // which would offer the same units twice (levels read before it, allocations after).
                allocations = await warehouse.WebAllocationsAsync(ct);
                levels = null;
            }
            if (levels is null)
            {
                levels = warehouse is null ? [] : await warehouse.LevelsAsync(sku, ct);
                warehouseNames = warehouse is null ? warehouseNames : await lookups.InventoryWarehousesAsync(warehouse, ct);
                safety = config.SafetyStock.For(sku, warehouse is null ? null : await lookups.CategoryAsync(warehouse, sku, ct));
            }
            var warehouses = Warehouses(settings, mapping, sku, levels, warehouseNames, allocations ?? []);
            var stores = await StoresAsync(sku, mapping, ct);
            var ats = AtsPlan.AvailableToSell(new AtsInputs(warehouses, stores, safety, quantities.Committed));
            targets.Add(new AtsTarget(mapping.StorefrontLocation ?? "web", locationId, variant.InventoryItemId, quantities.Available, ats));
        }
        return targets;
    }

    /// <summary>The warehouses feeding a location (its own list, else every one): a warehouse under stocktake as last known, else live.</summary>
    public static IReadOnlyList<WarehouseStock> Warehouses(
        InventorySettings settings, StockLocation mapping, string sku, IReadOnlyList<ShipStationLevel> levels, IReadOnlyDictionary<string, string> names, IReadOnlyList<ShipStationAllocation> allocations)
    {
        var feeding = mapping.Warehouses.Count > 0 ? mapping.Warehouses : [.. names.Values.Distinct(StringComparer.OrdinalIgnoreCase)];
        return feeding.Select(name => settings.StocktakeOf(name)?.For(sku) ?? Live(name, levels, names, allocations, sku)).ToList();
    }

    /// <summary>One warehouse's live stock of a SKU (by inventory warehouse name) and the web orders allocated there.</summary>
    public static WarehouseStock Live(string name, IReadOnlyList<ShipStationLevel> levels, IReadOnlyDictionary<string, string> names, IReadOnlyList<ShipStationAllocation> allocations, string sku) =>
        new(name,
            levels.Where(l => l.Sku == sku && string.Equals(names.GetValueOrDefault(l.InventoryWarehouseId), name, StringComparison.OrdinalIgnoreCase)).Sum(l => l.Available),
            allocations.Where(a => a.Sku == sku && string.Equals(a.WarehouseName, name, StringComparison.OrdinalIgnoreCase)).Sum(a => a.Quantity));

    private async Task<IReadOnlyList<StoreStock>> StoresAsync(string sku, StockLocation mapping, CancellationToken ct)
    {
        if (mapping.Stores.Count == 0 || pos is null)
        {
            return [];
        }
        var ids = new List<string>();
        foreach (var store in mapping.Stores)
        {
            ids.Add(await lookups.StoreIdAsync(pos, store, ct) ?? throw new DataErrorException($"store '{store}' offered to the web is not a Square location"));
        }
        // A SKU the till does not sell has no store stock to offer.
        if (await pos.VariationIdAsync(sku, ct) is not { } variation)
        {
            return [];
        }
        var counts = await pos.InStockCountsAsync([variation], ids, null, ct);
        return counts.Select(c => new StoreStock(c.LocationId, c.Quantity)).ToList();
    }
}
