using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.Inventory;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Operations;

/// <summary>What a business action did to one SKU's stock in one warehouse.</summary>
public sealed record StockMoved(
    string WarehouseCode, string Sku, string InventoryWarehouseId, string InventoryLocationId, int OnHandBefore, int OnHand, int Allocated, int Available);

/// <summary>Runs a business action as the ShipStation transaction a warehouse worker's device would send.</summary>
public static class WarehouseOperations
{
    /// <summary>Reads an admin request body (JSON, web casing); a bad one is a 400 of the given problem type.</summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, string problemType, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken);
            return body is null ? (null, AdminApi.Problem(problemType, "A JSON body is required", "Send a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, AdminApi.Problem(problemType, "The body is not valid JSON", e.Message));
        }
    }

    public static async Task<Results<Ok<StockMoved>, ProblemHttpResult>> ApplyAsync(
        WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, PathString path,
        string warehouseCode, string sku, Func<string, StockTransaction> transactionAt, CancellationToken cancellationToken)
    {
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var warehouse = await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Code == warehouseCode, cancellationToken);
            if (warehouse is null)
            {
                return AdminApi.Problem("warehouse-unknown", "Unknown warehouse", $"ShipStation has no warehouse '{warehouseCode}' (it knows the estate's Warehouse locations).", StatusCodes.Status404NotFound);
            }
            var key = sku.Trim().ToUpperInvariant();
            if (!await db.Products.AnyAsync(p => p.SkuKey == key, cancellationToken))
            {
                return AdminApi.Problem("warehouse-unknown-sku", "Unknown SKU", $"ShipStation has no product '{sku}'.", StatusCodes.Status404NotFound);
            }
            var location = await db.Locations.AsNoTracking()
                .Where(l => l.InventoryWarehouseId == warehouse.InventoryWarehouseId)
                .OrderBy(l => l.Ordinal)
                .FirstAsync(cancellationToken);
            var transaction = transactionAt(location.InventoryLocationId);
            var (effects, refused) = await StockDesk.ApplyAsync(db, transaction, clock.GetUtcNow(), cancellationToken);
            if (refused is not null)
            {
                return AdminApi.Problem("warehouse-refused", "ShipStation refused the transaction", refused.Error.Message, StatusCodes.Status409Conflict);
            }
            var effect = effects![0];
            ledger.RecordEffect(StockDesk.Describe(transaction, effect), path);
            var level = await db.Levels.AsNoTracking().FirstAsync(l => l.Sku == effect.Sku && l.InventoryLocationId == effect.InventoryLocationId, cancellationToken);
            return TypedResults.Ok(new StockMoved(
                warehouse.Code, effect.Sku, effect.InventoryWarehouseId, effect.InventoryLocationId, effect.OnHandBefore, level.OnHand, level.Allocated, level.OnHand - level.Allocated));
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }
}
