using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Inventory;

/// <summary>
/// <c>POST /v2/inventory_locations</c> (createInventoryLocation): a new named location in an inventory warehouse,
/// answered 200 with the location. ShipStation documents no uniqueness of names, so the mirror keeps none either: the
/// same name twice is two locations (a client that must not make two looks first).
/// </summary>
public static class CreateInventoryLocation
{
    public sealed record Request(string? Name, string? InventoryWarehouseId);

    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/inventory_locations", HandleAsync);

    public static async Task<Results<JsonHttpResult<InventoryLocation>, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var (body, failure) = await ShipStationBody.ReadAsync<Request>(request, cancellationToken);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        if (string.IsNullOrWhiteSpace(body!.Name))
        {
            return ShipStationErrors.Required("name").ToResult();
        }
        if (string.IsNullOrWhiteSpace(body.InventoryWarehouseId))
        {
            return ShipStationErrors.Required("inventory_warehouse_id").ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            if (!await db.Warehouses.AnyAsync(w => w.InventoryWarehouseId == body.InventoryWarehouseId, cancellationToken))
            {
                return ShipStationErrors.UnknownReference($"Inventory warehouse '{body.InventoryWarehouseId}' was not found.").ToResult();
            }
            var ordinal = await db.Locations.CountAsync(cancellationToken);
            var row = new WhLocation
            {
                InventoryLocationId = ShipStationIds.InventoryLocation(ordinal),
                InventoryWarehouseId = body.InventoryWarehouseId,
                Name = body.Name.Trim(),
                CreatedAt = clock.GetUtcNow(),
                Ordinal = ordinal,
            };
            db.Locations.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            ledger.RecordEffect($"inventory location {row.InventoryLocationId} '{row.Name}' created in {row.InventoryWarehouseId}", request.Path);
            return TypedResults.Json(InventoryPlaces.ToInventoryLocation(row), ShipStationJson.Options);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }
}
