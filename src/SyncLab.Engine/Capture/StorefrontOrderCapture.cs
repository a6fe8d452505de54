using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Capture;

/// <summary>
/// Cursor polling of storefront orders by <c>updated_at</c>, with the same overlap window as every source:
/// webhooks get lost, polling does not. Each version of an order carries its full state. Orders are read in
/// <c>updatedAt</c> order and each page is queued with the cursor moved past it in one commit, so a poll that fails
/// half-way through a backlog of thousands starts the next time where it stopped, not from the beginning.
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

        var queued = 0;
        await foreach (var page in shop.OrderPagesUpdatedSinceAsync(since, ct))
        {
            var changes = new List<CapturedChange>(page.Count);
            foreach (var order in page)
            {
                changes.Add(new CapturedChange(OrderToErpProcess.ProcessName, order.Id, WorkQueue.Version(order.UpdatedAt), JsonSerializer.Serialize(order)));
                checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, order.UpdatedAt.UtcTicks);
            }
            queued += await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
            await db.SaveChangesAsync(ct);
        }
        return queued;
    }
}
