using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Capture;

/// <summary>
/// Cursor polling of storefront orders by <c>updated_at</c>, with the same overlap window as every source:
/// webhooks get lost, polling does not. Each version of an order carries its full state.
/// </summary>
public sealed class StorefrontOrderCapture(ShopifyAdminClient shop, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "storefront.orders";

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkpoint = await WorkQueue.CheckpointAsync(db, Source, ct);
        var since = WorkQueue.ReadFrom(checkpoint, options.PollOverlap);

        var changes = new List<CapturedChange>();
        await foreach (var order in shop.OrdersUpdatedSinceAsync(since, ct))
        {
            changes.Add(new CapturedChange(OrderToErpProcess.ProcessName, order.Id, WorkQueue.Version(order.UpdatedAt), JsonSerializer.Serialize(order)));
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, order.UpdatedAt.UtcTicks);
        }
        var queued = await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
