using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Sales;

/// <summary><c>POST /_synclab/pos/reset</c>: back to the estate's seeded view (orders, payments, changes, subscriptions and deliveries go).</summary>
public static class ResetState
{
    public static void Map(RouteGroupBuilder pos) => pos.MapPost("/reset", HandleAsync);

    public static async Task<Ok<StateReset>> HandleAsync(PosDb db, PosRuntime runtime, MirrorLedger ledger, HttpRequest request, CancellationToken cancellationToken)
    {
        var seed = await ResetAsync(db, runtime, cancellationToken);
        ledger.RecordEffect($"reset to the estate: {seed.Locations.Count} stores, {seed.Catalog.Count} items, {seed.Counts.Count} counts", request.Path);
        return TypedResults.Ok(new StateReset(seed.Locations.Count, seed.Catalog.Count, seed.Counts.Count));
    }

    /// <summary>The store's part of a reset (also of the kit's <c>POST /_synclab/reset</c>).</summary>
    public static async Task<PosSeed> ResetAsync(PosDb db, PosRuntime runtime, CancellationToken cancellationToken)
    {
        var seed = PosSeed.From(runtime.Estate);
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

public sealed record StateReset(int Locations, int CatalogItems, int Counts);
