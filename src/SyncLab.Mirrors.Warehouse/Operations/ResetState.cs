using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Operations;

/// <summary><c>POST /_synclab/warehouse/reset</c>: back to the estate's seeded view.</summary>
public static class ResetState
{
    public static void Map(RouteGroupBuilder warehouse) => warehouse.MapPost("/reset", HandleAsync);

    public static async Task<Ok<StateReset>> HandleAsync(WarehouseDb db, WarehouseRuntime runtime, MirrorLedger ledger, HttpRequest request, CancellationToken cancellationToken)
    {
        var seed = await ResetAsync(db, runtime, cancellationToken);
        ledger.RecordEffect($"reset to the estate: {seed.Warehouses.Count} warehouses, {seed.Products.Count} products, {seed.Levels.Count} levels", request.Path);
        return TypedResults.Ok(new StateReset(seed.Warehouses.Count, seed.Products.Count, seed.Levels.Count));
    }

    /// <summary>The store's part of a reset (also of the kit's <c>POST /_synclab/reset</c>).</summary>
    public static async Task<WarehouseSeed> ResetAsync(WarehouseDb db, WarehouseRuntime runtime, CancellationToken cancellationToken)
    {
        var seed = WarehouseSeed.From(runtime.Estate, runtime.Settings.DefaultLocationName);
        await runtime.WriteGate.WaitAsync(cancellationToken);
        try
        {
            await seed.ResetAsync(db, cancellationToken);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
        return seed;
    }
}

public sealed record StateReset(int Warehouses, int Products, int Levels);
