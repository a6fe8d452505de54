using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Capture;

/// <summary>
/// Cursor polling of ERP items with an overlap window: each poll re-reads a little of the past, and the
/// queue's unique (process, key, version) index makes the re-read harmless. Captured changes are saved chunk by
/// chunk and the advanced cursor after the last one, so a crash neither loses a change (the cursor has not moved:
/// the next poll reads them again) nor doubles one (what is queued or applied is not queued again). Every
/// item seen also refreshes the SKU → ERP item id cross-reference the order process needs. Each poll also
/// reads the commerce page (web flag, brand, life-cycle fields) from the same cursor and joins it by id.
/// </summary>
public sealed class ErpItemCapture(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options) : IChangeSource
{
    public const string Source = "erp.items";

    /// <summary>The processes every ERP item change feeds.</summary>
    public static IReadOnlyList<string> Processes { get; } =
        [Prices.PriceProcess.ProcessName, Inventory.InventoryProcess.ProcessName, Products.ProductProcess.ProcessName, Products.PosCatalogProcess.ProcessName];

    private const int Chunk = 500;

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkpoint = await WorkQueue.CheckpointAsync(db, Source, ct);
        var since = WorkQueue.ReadFrom(checkpoint, options.PollOverlap);
        var cursor = checkpoint.CursorTicks;

        // The commerce page's fields live on the same item card, so the same cursor finds the same rows.
        var web = new Dictionary<Guid, BcWebItem>();
        await foreach (var row in erp.WebItemsModifiedSinceAsync(since, ct))
        {
            web[row.Id] = row;
        }
        var queued = 0;
        var chunk = new List<BcItem>(Chunk);
        await foreach (var item in erp.ItemsModifiedSinceAsync(since, ct))
        {
            chunk.Add(item);
            cursor = Math.Max(cursor, item.LastModifiedDateTime.UtcTicks);
            if (chunk.Count == Chunk)
            {
                queued += await CaptureAsync(db, chunk, web, ct);
                chunk.Clear();
                // Saved chunk by chunk, so the change tracker holds one chunk, not the estate: a full sync of N items would
                // otherwise look through every change tracked so far for each chunk (WorkQueue's look at what is queued
                // but not saved), N²/500 in all. The cursor is saved last.
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        queued += await CaptureAsync(db, chunk, web, ct);
        // The checkpoint row may have been written (and let go) with an earlier chunk: found again, or still tracked.
        checkpoint = await WorkQueue.CheckpointAsync(db, Source, ct);
        checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, cursor);
        await db.SaveChangesAsync(ct);
        return queued;
    }

    private async Task<int> CaptureAsync(EngineDb db, List<BcItem> items, Dictionary<Guid, BcWebItem> web, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return 0;
        }
        foreach (var item in items)
        {
            // Changed between the two reads: the commerce row must be as new as the card it joins.
            if (!web.TryGetValue(item.Id, out var row) || row.LastModifiedDateTime < item.LastModifiedDateTime)
            {
                web[item.Id] = await erp.WebItemAsync(item.Number, ct) ?? new BcWebItem(item.Number, false, null);
            }
        }
        var states = items.Select(i => ErpItemState.From(i, web[i.Id])).ToList();
        await ErpItemReferences.RefreshAsync(db, items, ct);
        var changes = states.SelectMany(s => Processes.Select(p => new CapturedChange(p, s.Sku, s.Version, JsonSerializer.Serialize(s))))
            // A blocked item may be a recall: fulfilment has to stop (Fulfilment/RecallProcess).
            .Concat(states.Where(s => s.Blocked).Select(s => new CapturedChange(Fulfilment.RecallProcess.ProcessName, s.Sku, s.Version, JsonSerializer.Serialize(s))))
            // A selling season starts and ends at local midnight, not at the next poll (Seasons/SeasonWindow).
            .Concat(Seasons.SeasonWindow.BoundariesAhead(states, clock.GetUtcNow(), options.MerchantZone()))
            .ToList();
        return await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
    }
}
