using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.PosSales;

/// <summary>
/// Change capture of the stores' sales: Square's <c>SearchOrders</c> for COMPLETED orders of every store, by
/// <c>updated_at</c> from the cursor less the overlap, oldest first. Each order's version is its <c>updated_at</c>,
/// so the overlap's re-read of an order already queued queues nothing twice.
/// </summary>
public sealed class PosSaleCapture(SquareClient pos, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "pos.orders";

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        var stores = (await pos.LocationsAsync(ct)).ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        if (stores.Count == 0)
        {
            return 0;
        }
        return await CursorPoll.RunAsync(dbs, Source, clock, options.PollOverlap, (since, checkpoint, c) => ChangedSinceAsync(stores, since, checkpoint, c), ct);
    }

    private async IAsyncEnumerable<CapturedChange> ChangedSinceAsync(
        Dictionary<string, string> stores, DateTimeOffset since, Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var order in pos.CompletedOrdersUpdatedSinceAsync([.. stores.Keys], since, ct))
        {
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, order.UpdatedAt.UtcTicks);
            var sale = await PosSalePlan.FromAsync(order, stores.GetValueOrDefault(order.LocationId, order.LocationId), id => pos.SkuOfAsync(id, ct));
            yield return new CapturedChange(PosSaleToErpProcess.ProcessName, order.Id, WorkQueue.Version(order.UpdatedAt), JsonSerializer.Serialize(sale));
        }
    }
}
