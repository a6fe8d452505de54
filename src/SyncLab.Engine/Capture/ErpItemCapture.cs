using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Capture;

/// <summary>
/// Cursor polling of ERP items with an overlap window: each poll re-reads a little of the past, and the
/// queue's unique (process, key, version) index makes the re-read harmless. Captured changes and the
/// advanced cursor are written in one transaction, so a crash neither loses nor doubles a change.
/// </summary>
public sealed class ErpItemCapture(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options)
{
    public const string Source = "erp.items";

    /// <summary>The processes every ERP item change feeds.</summary>
    public static IReadOnlyList<string> Processes { get; } = [Prices.PriceProcess.ProcessName, Inventory.InventoryProcess.ProcessName];

    private const int Chunk = 500;

    /// <summary>Captures every item changed since the cursor; returns how many work items were queued.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var checkpoint = await db.Checkpoints.FindAsync([Source], ct);
        if (checkpoint is null)
        {
            checkpoint = new Checkpoint { Source = Source };
            db.Checkpoints.Add(checkpoint);
        }
        // The first poll reads everything: an engine's first run is a full sync.
        var since = checkpoint.CursorTicks == 0
            ? new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(checkpoint.CursorTicks, TimeSpan.Zero) - options.PollOverlap;

        var queued = 0;
        var chunk = new List<ErpItemState>(Chunk);
        await foreach (var item in erp.ItemsModifiedSinceAsync(since, ct))
        {
            chunk.Add(ErpItemState.From(item));
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, item.LastModifiedDateTime.UtcTicks);
            if (chunk.Count == Chunk)
            {
                queued += await EnqueueAsync(db, chunk, ct);
                chunk.Clear();
            }
        }
        queued += await EnqueueAsync(db, chunk, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }

    private async Task<int> EnqueueAsync(EngineDb db, List<ErpItemState> states, CancellationToken ct)
    {
        if (states.Count == 0)
        {
            return 0;
        }
        var keys = states.Select(s => s.Sku).Distinct().ToList();
        var known = (await db.WorkItems.Where(w => keys.Contains(w.Key)).Select(w => w.Process + "|" + w.Key + "|" + w.Version).ToListAsync(ct)).ToHashSet();
        var applied = (await db.AppliedVersions.Where(a => keys.Contains(a.Key)).ToListAsync(ct)).ToDictionary(a => a.Process + "|" + a.Key, a => a.Version);
        known.UnionWith(db.WorkItems.Local.Select(w => w.Process + "|" + w.Key + "|" + w.Version));

        var now = clock.GetUtcNow().UtcTicks;
        var queued = 0;
        foreach (var state in states)
        {
            foreach (var process in Processes)
            {
                var version = state.Version;
                if (!known.Add($"{process}|{state.Sku}|{version}"))
                {
                    continue;
                }
                if (applied.TryGetValue($"{process}|{state.Sku}", out var done) && string.CompareOrdinal(done, version) >= 0)
                {
                    continue;
                }
                db.WorkItems.Add(new WorkItem
                {
                    Process = process,
                    Key = state.Sku,
                    Version = version,
                    Payload = JsonSerializer.Serialize(state),
                    DueAtTicks = now,
                    CapturedAtTicks = now,
                });
                queued++;
            }
        }
        return queued;
    }
}
