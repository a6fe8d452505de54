using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Warehouses;

/// <summary><c>GET /v2/warehouses</c> and <c>GET /v2/warehouses/{warehouse_id}</c>: the estate's warehouses as ship-from warehouses.</summary>
public static class ListWarehouses
{
    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/warehouses", ListAsync);
        v2.MapGet("/warehouses/{warehouse_id}", GetAsync);
    }

    public static async Task<JsonHttpResult<ListWarehousesResponse>> ListAsync(WarehouseDb db, CancellationToken cancellationToken)
    {
        var rows = await db.Warehouses.AsNoTracking().OrderBy(w => w.Ordinal).ToListAsync(cancellationToken);
        return TypedResults.Json(new ListWarehousesResponse(rows.Select(ToShipStation).ToList()), ShipStationJson.Options);
    }

    public static async Task<Results<JsonHttpResult<ShipStationWarehouse>, JsonHttpResult<ShipStationErrorResponse>>> GetAsync(
        [FromRoute(Name = "warehouse_id")] string warehouseId, WarehouseDb db, CancellationToken cancellationToken)
    {
        var row = await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.WarehouseId == warehouseId, cancellationToken);
        return row is null
            ? ShipStationErrors.NotFound($"Warehouse '{warehouseId}' was not found.").ToResult()
            : TypedResults.Json(ToShipStation(row), ShipStationJson.Options);
    }

    public static ShipStationWarehouse ToShipStation(WhWarehouse w)
    {
        var address = new ShipStationAddress
        {
            Name = "Receiving",
            Phone = "+1 312-555-0100",
            CompanyName = "SyncLab Retail",
            AddressLine1 = $"{1000 + (w.Ordinal * 100)} Distribution Way",
            CityLocality = w.City,
            StateProvince = "IL",
            PostalCode = "60601",
            CountryCode = "US",
            AddressResidentialIndicator = "no",
        };
        return new ShipStationWarehouse(w.WarehouseId, w.IsDefault, w.Name, ShipStationJson.Time(w.CreatedAt), address, address);
    }
}

public sealed record ListWarehousesResponse(IReadOnlyList<ShipStationWarehouse> Warehouses);

/// <summary>ShipStation <c>warehouse</c>.</summary>
public sealed record ShipStationWarehouse(string WarehouseId, bool IsDefault, string Name, string CreatedAt, ShipStationAddress OriginAddress, ShipStationAddress ReturnAddress);

/// <summary>ShipStation <c>address</c>.</summary>
public sealed record ShipStationAddress
{
    public required string Name { get; init; }

    public required string Phone { get; init; }

    public string? CompanyName { get; init; }

    public required string AddressLine1 { get; init; }

    public required string CityLocality { get; init; }

    public required string StateProvince { get; init; }

    public required string PostalCode { get; init; }

    public required string CountryCode { get; init; }

    public required string AddressResidentialIndicator { get; init; }
}
