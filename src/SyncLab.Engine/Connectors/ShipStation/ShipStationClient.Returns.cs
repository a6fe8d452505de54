using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.ShipStation;

/// <summary>A ShipStation inventory location: a named place in an inventory warehouse.</summary>
public sealed record ShipStationInventoryLocation(
    [property: JsonPropertyName("inventory_location_id")] string InventoryLocationId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("inventory_warehouse_id")] string InventoryWarehouseId);

/// <summary>What the engine needs of ShipStation's inventory to receive returned goods exactly once (see Returns/WmsReturnReceiptProcess).</summary>
public sealed partial class ShipStationClient
{
    /// <summary>
    /// The inventory warehouse returns go back into: the one named like the warehouse web orders ship from (ShipStation
    /// keeps ship-from and inventory warehouses apart), else the first.
    /// </summary>
    public async Task<string> ReturnsInventoryWarehouseIdAsync(CancellationToken ct)
    {
        var shipFrom = await WarehouseIdAsync(ct);
        var list = await SendAsync<WarehouseList>(HttpMethod.Get, "v2/warehouses", null, ct);
        var name = list.Warehouses.FirstOrDefault(w => w.WarehouseId == shipFrom)?.Name;
        var inventory = await InventoryWarehousesAsync(ct);
        return inventory.FirstOrDefault(w => string.Equals(w.Value, name, StringComparison.OrdinalIgnoreCase)).Key
            ?? inventory.Keys.FirstOrDefault()
            ?? throw new VendorCallException(System, "the warehouse has no inventory warehouse to receive returns into", transient: false);
    }

    /// <summary>Every inventory location, every page.</summary>
    public async Task<IReadOnlyList<ShipStationInventoryLocation>> InventoryLocationsAsync(CancellationToken ct)
    {
        var locations = new List<ShipStationInventoryLocation>();
        for (var page = 1; ; page++)
        {
            var list = await SendAsync<LocationList>(HttpMethod.Get, $"v2/inventory_locations?limit=500&page={page}", null, ct);
            locations.AddRange(list.InventoryLocations);
            if (page >= Math.Max(1, list.Pages))
            {
                return locations;
            }
        }
    }

    /// <summary><c>POST /v2/inventory_locations</c> (createInventoryLocation).</summary>
    public Task<ShipStationInventoryLocation> CreateInventoryLocationAsync(string name, string inventoryWarehouseId, CancellationToken ct) =>
        SendAsync<ShipStationInventoryLocation>(HttpMethod.Post, "v2/inventory_locations", new { name, inventory_warehouse_id = inventoryWarehouseId }, ct);

    /// <summary>
    /// <c>POST /v2/inventory</c> with <c>transaction_type: adjust</c>: on hand of the SKU at the location set to an absolute
    /// quantity, so sending it again changes nothing (unlike <c>increment</c>).
    /// </summary>
    public async Task SetOnHandAsync(string inventoryLocationId, string sku, int quantity, string reason, string notes, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "v2/inventory", new
        {
            transaction_type = "adjust",
            inventory_location_id = inventoryLocationId,
            sku,
            quantity,
            condition = "sellable",
            reason,
            notes,
        });
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }

    private sealed record LocationList(
        [property: JsonPropertyName("inventory_locations")] List<ShipStationInventoryLocation> InventoryLocations,
        [property: JsonPropertyName("pages")] int Pages);
}
