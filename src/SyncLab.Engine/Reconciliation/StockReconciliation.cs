using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Products;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Reconciliation;

/// <summary>What the stock comparison found, the work that heals it, and how many SKU/location levels it compared.</summary>
public sealed record StockComparison(IReadOnlyList<Finding> Findings, IReadOnlyList<CapturedChange> Healing, int LevelsChecked);

/// <summary>
/// The stock part of the nightly reconciliation beyond the ERP's number (which <see cref="ReconciliationPlan"/> compares):
/// with available-to-sell from the warehouse and the stores, every synced SKU's storefront level at each mapped location
/// against its available-to-sell; and, where stores sell web stock, their Square IN_STOCK counts against the web's number
/// the engine pushes them. Read in bulk (the storefront's variants page by page, every warehouse level in one walk, the
/// offered and selling stores' counts in one batch), decided with <see cref="AtsPlan"/>; a difference is only a suspect
/// until a <b>second look</b> — the SKU read live again, by the very plan the process applies
/// (<see cref="AtsProcess.PlanAsync"/>) — confirms it, so stock that moved between the bulk reads is not reported.
/// A SKU whose inventory work is queued or retrying is not compared: the engine is on it. Drift is healed by queueing
/// the inventory process's normal work for the SKU (available-to-sell, or inventory with the ERP state), which sets the
/// storefront and hands the stores selling web stock their count, as every stock change does.
/// </summary>
public sealed class StockReconciliation(
    ShopifyAdminClient shop,
    StorefrontCatalog catalog,
    InventorySettings settings,
    InventoryLookups lookups,
    AtsProcess ats,
    IDbContextFactory<EngineDb> dbs,
    TimeProvider clock,
    EngineOptions options,
    ShipStationClient? warehouse = null,
    SquareClient? pos = null)
{
    private static readonly string[] InventoryWork = [AtsProcess.ProcessName, InventoryProcess.ProcessName, PosWebStockProcess.ProcessName];

    /// <param name="webListing">The storefront's variants with their quantities at the web location, as the run read them.</param>
    /// <param name="items">The ERP items as the run read them (the ERP source's web number, and its healing payload).</param>
    /// <param name="version">The run's version for work healed with an ERP state (the ERP source).</param>
    public async Task<StockComparison> CompareAsync(IReadOnlyList<ListedVariant> webListing, IReadOnlyCollection<ErpItemState> items, string version, CancellationToken ct)
    {
        var config = settings.Current;
        var run = new Run(config, await BusyAsync(ct));
        if (config.Source == StockSource.WmsAndPos)
        {
            await CompareStorefrontAsync(run, webListing, ct);
        }
        else
        {
            // The ERP source: the storefront's number is compared by ReconciliationPlan; the stores follow the ERP's.
            var listed = webListing.Where(v => v.Available is not null && v.Variant.ProductStatus != "ARCHIVED").Select(v => v.Variant.Sku).ToHashSet(StringComparer.Ordinal);
            foreach (var item in items.Where(i => listed.Contains(i.Sku) && Pushed(i)))
            {
                run.Web[item.Sku] = StockPlan.AvailableToSell(item, options.SafetyStock);
            }
        }
        await ComparePosAsync(run, items, version, ct);
        return new StockComparison(run.Findings, [.. run.Healing.DistinctBy(c => (c.Process, c.Key))], run.Checked);
    }

    private async Task CompareStorefrontAsync(Run run, IReadOnlyList<ListedVariant> webListing, CancellationToken ct)
    {
        var webLocation = await catalog.WebLocationIdAsync(ct);
        var listings = new List<(StockLocation Mapping, IReadOnlyList<ListedVariant> Listing)>();
        foreach (var mapping in run.Config.Locations)
        {
            var locationId = mapping.StorefrontLocation is null ? webLocation : await lookups.StorefrontLocationIdAsync(shop, mapping.StorefrontLocation, ct);
            listings.Add((mapping, locationId == webLocation ? webListing : await StorefrontListing.ReadAllAsync(shop, locationId, ct)));
        }
        // Web allocations before levels, as the process reads them: an order allocated in between is counted twice
        // (under-offered, for a moment), never not at all.
        IReadOnlyList<ShipStationAllocation> allocations = warehouse is not null && listings.Any(l => l.Listing.Any(v => v.Committed > 0)) ? await warehouse.WebAllocationsAsync(ct) : [];
        var allocationsBySku = allocations.GroupBy(a => a.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ShipStationAllocation>)[.. g], StringComparer.Ordinal);
        var levels = warehouse is null ? [] : await warehouse.LevelsAsync(null, ct);
        var names = warehouse is null ? new Dictionary<string, string>() : await lookups.InventoryWarehousesAsync(warehouse, ct);
        var levelsBySku = levels.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ShipStationLevel>)[.. g], StringComparer.Ordinal);
        var (storeIds, counts) = await StoreCountsAsync(run.Config.Locations.SelectMany(l => l.Stores), ct);
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (mapping, listing) in listings)
        {
            var offered = mapping.Stores.Select(s => storeIds.GetValueOrDefault(s)).ToList();
            if (offered.Contains(null))
            {
                // A store Square does not know: the process reports it on every SKU it plans.
                continue;
            }
            foreach (var listed in listing.Where(v => v.Variant.Sku.Length > 0 && v.Variant.ProductStatus != "ARCHIVED"))
            {
                var sku = listed.Variant.Sku;
                var stores = counts.GetValueOrDefault(sku)?.Where(c => offered.Contains(c.LocationId)).Select(c => new StoreStock(c.LocationId, c.Quantity)).ToList() ?? [];
                // Not stocked at this location, or stock the engine never planned (neither the warehouse nor a store holds the SKU).
                if (listed.Available is not { } found || (!levelsBySku.ContainsKey(sku) && stores.Count == 0))
                {
                    continue;
                }
                var safety = run.Config.SafetyStock.For(sku, warehouse is not null && run.Config.SafetyStock.ByCategory.Count > 0 ? await lookups.CategoryAsync(warehouse, sku, ct) : null);
                var warehouses = AtsProcess.Warehouses(settings, mapping, sku, levelsBySku.GetValueOrDefault(sku) ?? [], names, allocationsBySku.GetValueOrDefault(sku) ?? []);
                var planned = AtsPlan.AvailableToSell(new AtsInputs(warehouses, stores, safety, listed.Committed));
                run.Checked++;
                run.Web.TryAdd(sku, planned);
                if (planned != found && !run.Busy.Contains(sku))
                {
                    suspects.Add(sku);
                }
            }
        }
        foreach (var sku in suspects)
        {
            if (await SecondLookAsync(run, sku, ct) is not { } targets)
            {
                continue;
            }
            foreach (var target in targets.Where(t => t.Found != t.Planned))
            {
                run.Findings.Add(new Finding(
                    sku, DriftKind.Stock, Number(target.Found), Number(target.Planned), AtsProcess.ProcessName,
                    $"{sku} @ {target.Location}: warehouse and offered stores less safety stock and reservations", Location: target.Location));
                run.Healing.Add(AtsWork(sku));
            }
        }
    }

    private async Task ComparePosAsync(Run run, IReadOnlyCollection<ErpItemState> items, string version, CancellationToken ct)
    {
        var offered = run.Config.Locations.SelectMany(l => l.Stores).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var selling = run.Config.StoresSellingWebStock.Where(s => !offered.Contains(s)).ToList();
        if (pos is null || selling.Count == 0 || run.Web.Count == 0)
        {
            return;
        }
        // A store Square does not know is the process's data error, on every SKU it hands on.
        var (storeIds, _) = await StoreCountsAsync([], ct);
        var stores = selling.Where(storeIds.ContainsKey).ToDictionary(s => s, s => storeIds[s]!, StringComparer.OrdinalIgnoreCase);
        if (stores.Count == 0)
        {
            return;
        }
        var counts = (await pos.InStockCountsAsync(null, stores.Values, null, ct)).ToDictionary(c => (c.CatalogObjectId, c.LocationId), c => c.Quantity);
        var byKey = items.GroupBy(i => i.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var (sku, number) in run.Web.Where(w => !run.Busy.Contains(w.Key)).ToList())
        {
            if (await pos.VariationIdAsync(sku, ct) is not { } variation
                || stores.Values.All(id => counts.GetValueOrDefault((variation, id), decimal.MinusOne) == number))
            {
                continue;
            }
            // The second look: the web's number and the stores' counts read again, now.
            var expected = number;
            if (run.Config.Source == StockSource.WmsAndPos)
            {
                if ((run.Looked.TryGetValue(sku, out var looked) ? looked : await SecondLookAsync(run, sku, ct)) is not [var first, ..])
                {
                    continue;
                }
                expected = first.Planned;
            }
            var now = (await pos.InStockCountsAsync([variation], stores.Values, null, ct)).ToDictionary(c => c.LocationId, c => c.Quantity);
            foreach (var (store, id) in stores.Where(s => now.GetValueOrDefault(s.Value, decimal.MinusOne) != expected))
            {
                var found = now.TryGetValue(id, out var count) ? count.ToString("0.##", CultureInfo.InvariantCulture) : "no count";
                var heal = run.Config.Source == StockSource.WmsAndPos ? AtsProcess.ProcessName : InventoryProcess.ProcessName;
                run.Findings.Add(new Finding(sku, DriftKind.PosStock, found, Number(expected), heal, $"{sku} @ {store}: the store sells web stock and shows the web's number", Location: store));
                run.Healing.Add(heal == AtsProcess.ProcessName
                    ? AtsWork(sku)
                    : new CapturedChange(InventoryProcess.ProcessName, sku, version, JsonSerializer.Serialize(byKey[sku])));
            }
        }
    }

    /// <summary>The SKU planned again, live, exactly as the process would (null: no longer listed, withdrawn, or a data error the process reports).</summary>
    private async Task<IReadOnlyList<AtsTarget>?> SecondLookAsync(Run run, string sku, CancellationToken ct)
    {
        IReadOnlyList<AtsTarget>? targets;
        try
        {
            targets = await ats.PlanAsync(run.Config, sku, ct);
        }
        catch (DataErrorException)
        {
            targets = null;
        }
        run.Looked[sku] = targets;
        return targets;
    }

    /// <summary>Square location ids of stores by name (null: Square has no such store), and the IN_STOCK counts of the given stores by SKU.</summary>
    private async Task<(IReadOnlyDictionary<string, string?> Ids, IReadOnlyDictionary<string, List<SquareCount>> Counts)> StoreCountsAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var wanted = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (pos is null)
        {
            return (wanted.ToDictionary(n => n, _ => (string?)null, StringComparer.OrdinalIgnoreCase), new Dictionary<string, List<SquareCount>>());
        }
        var all = (await pos.LocationsAsync(ct)).ToDictionary(l => l.Name, l => (string?)l.Id, StringComparer.OrdinalIgnoreCase);
        var ids = wanted.Count == 0 ? all : wanted.ToDictionary(n => n, n => all.GetValueOrDefault(n), StringComparer.OrdinalIgnoreCase);
        var known = ids.Values.OfType<string>().ToList();
        var bySku = new Dictionary<string, List<SquareCount>>(StringComparer.Ordinal);
        if (wanted.Count == 0 || known.Count == 0)
        {
            return (ids, bySku);
        }
        foreach (var count in await pos.InStockCountsAsync(null, known, null, ct))
        {
            if (await pos.SkuOfAsync(count.CatalogObjectId, ct) is { } sku)
            {
                (bySku.TryGetValue(sku, out var list) ? list : bySku[sku] = []).Add(count);
            }
        }
        return (ids, bySku);
    }

    /// <summary>SKUs whose inventory work is queued, due later or being retried: what they show is about to change.</summary>
    private async Task<IReadOnlySet<string>> BusyAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var keys = await db.WorkItems.AsNoTracking()
            .Where(w => InventoryWork.Contains(w.Process) && (w.State == WorkState.Pending || w.State == WorkState.Failed))
            .Select(w => w.Key).Distinct().ToListAsync(ct);
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The available-to-sell plan of a SKU, versioned like every capture of it (it reads live: the newest covers the older).</summary>
    private CapturedChange AtsWork(string sku) => new(AtsProcess.ProcessName, sku, settings.NextVersion(clock), "{}");

    /// <summary>Whether the inventory process pushes the item's stock: not withdrawn, and a life-cycle code the mapping reads.</summary>
    private bool Pushed(ErpItemState item)
    {
        try
        {
            return !ProductPlan.Withdrawn(item, ProductPlan.LifecycleOf(item, options.Catalog));
        }
        catch (DataErrorException)
        {
            return false;
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One comparison's state: the settings it read, what is in flight, the web's number per SKU, what was looked at twice, and what it found.</summary>
    private sealed class Run(InventoryOptions config, IReadOnlySet<string> busy)
    {
        public InventoryOptions Config { get; } = config;

        public IReadOnlySet<string> Busy { get; } = busy;

        public Dictionary<string, int> Web { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, IReadOnlyList<AtsTarget>?> Looked { get; } = new(StringComparer.Ordinal);

        public List<Finding> Findings { get; } = [];

        public List<CapturedChange> Healing { get; } = [];

        public int Checked { get; set; }
    }
}
