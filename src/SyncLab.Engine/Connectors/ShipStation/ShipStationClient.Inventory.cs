using System.Text.Json.Serialization;
using SyncLab.Engine.Catalog;

namespace SyncLab.Engine.Connectors.ShipStation;

/// <summary>A ShipStation inventory level of one SKU in one inventory warehouse (canonical SKU).</summary>
public sealed record ShipStationLevel(string Sku, string InventoryWarehouseId, int OnHand, int Allocated)
{
    /// <summary>What the warehouse can still promise: on hand less allocated, never below zero.</summary>
    public int Available => Math.Max(0, OnHand - Allocated);
}

/// <summary>Units of a SKU a pending shipment has allocated in the warehouse it ships from.</summary>
public sealed record ShipStationAllocation(string Sku, string WarehouseName, int Quantity);

public sealed partial class ShipStationClient
{
    private const int LevelPageSize = 1000;

    /// <summary>Inventory warehouses: id → name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> InventoryWarehousesAsync(CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var list = await SendAsync<InventoryWarehouseList>(HttpMethod.Get, $"v2/inventory_warehouses?limit=500&page={page}", null, ct);
            foreach (var w in list.InventoryWarehouses)
            {
                names[w.InventoryWarehouseId] = w.Name;
            }
            if (page >= list.Pages)
            {
                return names;
            }
        }
    }

    /// <summary>Levels per SKU and inventory warehouse (<c>group_by=warehouse</c>), every page; of one SKU, or of all when null.</summary>
    public async Task<IReadOnlyList<ShipStationLevel>> LevelsAsync(string? sku, CancellationToken ct)
    {
        var levels = new List<ShipStationLevel>();
        var filter = sku is null ? string.Empty : $"&sku={Uri.EscapeDataString(sku)}";
        for (var page = 1; ; page++)
        {
            var list = await SendAsync<LevelList>(HttpMethod.Get, $"v2/inventory?group_by=warehouse&limit={LevelPageSize}&page={page}{filter}", null, ct);
            levels.AddRange(list.Inventory
                .Where(l => l.InventoryWarehouseId is not null)
                .Select(l => new ShipStationLevel(SkuRules.Canonical(l.Sku), l.InventoryWarehouseId!, l.OnHand, l.Allocated)));
            if (page >= Math.Max(1, list.Pages))
            {
                return levels;
            }
        }
    }

    /// <summary>
    /// Units the engine's own pending shipments (web orders, SHOPIFY-…) hold allocated, per SKU and ship-from
    /// warehouse (by name): web orders the warehouse already counts against its available stock.
    /// </summary>
    public async Task<IReadOnlyList<ShipStationAllocation>> WebAllocationsAsync(CancellationToken ct)
    {
        var warehouses = await SendAsync<ShipFromList>(HttpMethod.Get, "v2/warehouses", null, ct);
        var names = warehouses.Warehouses.ToDictionary(w => w.WarehouseId, w => w.Name, StringComparer.Ordinal);
        var allocations = new List<ShipStationAllocation>();
        for (var page = 1; ; page++)
        {
            var list = await SendAsync<PendingList>(HttpMethod.Get, $"v2/shipments?shipment_status={ShipStationShipment.Pending}&page_size={PageSize}&page={page}", null, ct);
            foreach (var shipment in list.Shipments.Where(s => s.ExternalShipmentId?.StartsWith("SHOPIFY-", StringComparison.Ordinal) == true))
            {
                var warehouse = shipment.WarehouseId is { } id && names.TryGetValue(id, out var name) ? name : string.Empty;
                allocations.AddRange(shipment.Items
                    .Where(i => i.Sku is not null && i.AllocationStatus == "allocated")
                    .Select(i => new ShipStationAllocation(SkuRules.Canonical(i.Sku!), warehouse, i.Quantity)));
            }
            if (page >= Math.Max(1, list.Pages))
            {
                return allocations;
            }
        }
    }

    /// <summary>The product category ShipStation files a SKU under; null when none (or the SKU is unknown).</summary>
    public async Task<string?> ProductCategoryAsync(string sku, CancellationToken ct)
    {
        var list = await SendAsync<ProductList>(HttpMethod.Get, $"v2/products?sku={Uri.EscapeDataString(sku)}&page_size=1", null, ct);
        return list.Products.FirstOrDefault()?.ProductCategory?.Name;
    }

    private sealed record InventoryWarehouseList(
        [property: JsonPropertyName("inventory_warehouses")] List<InventoryWarehouseEntry> InventoryWarehouses,
        [property: JsonPropertyName("pages")] int Pages);

    private sealed record InventoryWarehouseEntry(
        [property: JsonPropertyName("inventory_warehouse_id")] string InventoryWarehouseId,
        [property: JsonPropertyName("name")] string Name);

    private sealed record LevelList(
        [property: JsonPropertyName("inventory")] List<LevelEntry> Inventory,
        [property: JsonPropertyName("pages")] int Pages);

    private sealed record LevelEntry(
        [property: JsonPropertyName("sku")] string Sku,
        [property: JsonPropertyName("on_hand")] int OnHand,
        [property: JsonPropertyName("allocated")] int Allocated,
        [property: JsonPropertyName("inventory_warehouse_id")] string? InventoryWarehouseId);

    private sealed record ShipFromList([property: JsonPropertyName("warehouses")] List<ShipFromEntry> Warehouses);

    private sealed record ShipFromEntry(
        [property: JsonPropertyName("warehouse_id")] string WarehouseId,
        [property: JsonPropertyName("name")] string Name);

    private sealed record PendingList(
        [property: JsonPropertyName("shipments")] List<PendingShipment> Shipments,
        [property: JsonPropertyName("pages")] int Pages);

    private sealed record PendingShipment(
        [property: JsonPropertyName("external_shipment_id")] string? ExternalShipmentId,
        [property: JsonPropertyName("warehouse_id")] string? WarehouseId,
        [property: JsonPropertyName("items")] List<PendingItem> Items);

    private sealed record PendingItem(
        [property: JsonPropertyName("sku")] string? Sku,
        [property: JsonPropertyName("quantity")] int Quantity,
        [property: JsonPropertyName("allocation_status")] string? AllocationStatus);

    private sealed record ProductList([property: JsonPropertyName("products")] List<ProductEntry> Products);

    private sealed record ProductEntry([property: JsonPropertyName("product_category")] ProductCategoryEntry? ProductCategory);

    private sealed record ProductCategoryEntry([property: JsonPropertyName("name")] string Name);
}
