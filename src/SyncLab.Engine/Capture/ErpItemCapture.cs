using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Capture;

/// <summary>
/// Cursor polling of ERP items with an overlap window: each poll re-reads a little of the past, and the
/// queue's unique (process, key, version) index makes the re-read harmless. Captured changes and the
/// advanced cursor are written in one transaction, so a crash neither loses nor doubles a change. Every
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
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, item.LastModifiedDateTime.UtcTicks);
            if (chunk.Count == Chunk)
            {
                queued += await CaptureAsync(db, chunk, web, ct);
                chunk.Clear();
            }
        }
        queued += await CaptureAsync(db, chunk, web, ct);
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
