using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Inventory;

/// <summary>
/// <c>GET /v2/inventory_warehouses[/{id}]</c> and <c>GET /v2/inventory_locations[/{id}]</c>: where stock is
/// kept. Lists are paged (<c>limit</c>, default 100) with <c>total</c>, <c>page</c>, <c>pages</c> and <c>links</c>.
/// </summary>
public static class InventoryPlaces
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/inventory_warehouses", ListWarehousesAsync);
        v2.MapGet("/inventory_warehouses/{inventory_warehouse_id}", GetWarehouseAsync);
        v2.MapGet("/inventory_locations", ListLocationsAsync);
        v2.MapGet("/inventory_locations/{inventory_location_id}", GetLocationAsync);
    }

    public static async Task<Results<JsonHttpResult<InventoryWarehousesResponse>, JsonHttpResult<ShipStationErrorResponse>>> ListWarehousesAsync(
        HttpRequest request, WarehouseDb db, CancellationToken cancellationToken)
    {
        var (page, failure) = PageRequest.From(request.Query, "limit", DefaultLimit, MaxLimit);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        var total = await db.Warehouses.CountAsync(cancellationToken);
        var rows = await db.Warehouses.AsNoTracking().OrderBy(w => w.Ordinal).Skip(page!.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return TypedResults.Json(
            new InventoryWarehousesResponse(rows.Select(ToInventoryWarehouse).ToList(), total, page.Page, PageRequest.Pages(total, page.Size), page.Links(request, total)),
            ShipStationJson.Options);
    }

    public static async Task<Results<JsonHttpResult<InventoryWarehouse>, JsonHttpResult<ShipStationErrorResponse>>> GetWarehouseAsync(
        [FromRoute(Name = "inventory_warehouse_id")] string id, WarehouseDb db, CancellationToken cancellationToken)
    {
        var row = await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.InventoryWarehouseId == id, cancellationToken);
        return row is null
            ? ShipStationErrors.NotFound($"Inventory warehouse '{id}' was not found.").ToResult()
            : TypedResults.Json(ToInventoryWarehouse(row), ShipStationJson.Options);
    }

    public static async Task<Results<JsonHttpResult<InventoryLocationsResponse>, JsonHttpResult<ShipStationErrorResponse>>> ListLocationsAsync(
        HttpRequest request, WarehouseDb db, CancellationToken cancellationToken)
    {
        var (page, failure) = PageRequest.From(request.Query, "limit", DefaultLimit, MaxLimit);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        var total = await db.Locations.CountAsync(cancellationToken);
        var rows = await db.Locations.AsNoTracking().OrderBy(l => l.Ordinal).Skip(page!.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return TypedResults.Json(
            new InventoryLocationsResponse(rows.Select(ToInventoryLocation).ToList(), total, page.Page, PageRequest.Pages(total, page.Size), page.Links(request, total)),
            ShipStationJson.Options);
    }

    public static async Task<Results<JsonHttpResult<InventoryLocation>, JsonHttpResult<ShipStationErrorResponse>>> GetLocationAsync(
        [FromRoute(Name = "inventory_location_id")] string id, WarehouseDb db, CancellationToken cancellationToken)
    {
        var row = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.InventoryLocationId == id, cancellationToken);
        return row is null
            ? ShipStationErrors.NotFound($"Inventory location '{id}' was not found.").ToResult()
            : TypedResults.Json(ToInventoryLocation(row), ShipStationJson.Options);
    }

    private static InventoryWarehouse ToInventoryWarehouse(WhWarehouse w) =>
        new(w.InventoryWarehouseId, w.Name, ShipStationJson.Time(w.CreatedAt), ShipStationJson.Time(w.CreatedAt));

    internal static InventoryLocation ToInventoryLocation(WhLocation l) =>
        new(l.InventoryLocationId, l.Name, l.InventoryWarehouseId, ShipStationJson.Time(l.CreatedAt), ShipStationJson.Time(l.CreatedAt));
}

public sealed record InventoryWarehouse(string InventoryWarehouseId, string Name, string CreatedAt, string UpdatedAt);

public sealed record InventoryLocation(string InventoryLocationId, string Name, string InventoryWarehouseId, string CreatedAt, string UpdatedAt);

public sealed record InventoryWarehousesResponse(IReadOnlyList<InventoryWarehouse> InventoryWarehouses, int Total, int Page, int Pages, PageLinks Links);

public sealed record InventoryLocationsResponse(IReadOnlyList<InventoryLocation> InventoryLocations, int Total, int Page, int Pages, PageLinks Links);
