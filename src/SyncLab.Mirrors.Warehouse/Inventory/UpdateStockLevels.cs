using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Inventory;

/// <summary><c>POST /v2/inventory</c> (updateSKUStockLevels): one increment, decrement, adjust or modify; 204 on success.</summary>
public static class UpdateStockLevels
{
    public static void Map(RouteGroupBuilder v2) => v2.MapPost("/inventory", HandleAsync);

    public static async Task<Results<NoContent, JsonHttpResult<ShipStationErrorResponse>>> HandleAsync(
        HttpRequest request, WarehouseDb db, WarehouseRuntime runtime, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var (transaction, failure) = await ShipStationBody.ReadAsync<StockTransaction>(request, cancellationToken);
        if (failure is not null)
        {
            return failure.ToResult();
        }
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var (effects, refused) = await StockDesk.ApplyAsync(db, transaction!, clock.GetUtcNow(), cancellationToken);
            if (refused is not null)
            {
                return refused.ToResult();
            }
            foreach (var effect in effects!)
            {
                ledger.RecordEffect(StockDesk.Describe(transaction!, effect), request.Path);
            }
            return TypedResults.NoContent();
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }
}
