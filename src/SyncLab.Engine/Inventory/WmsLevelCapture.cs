using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Inventory;

/// <summary>
/// Change capture of the warehouse's stock. ShipStation's inventory levels carry no modification time to keep a
/// cursor on, so each poll reads every level (<c>group_by=warehouse</c>, 1,000 a page) and queues the SKUs whose
/// on hand or allocated moved since the last poll — a receipt, a pick, an allocation, a count adjustment. The first
/// poll after a start, new settings or a stocktake's end queues every SKU (a full resync). The levels last seen are
/// kept in memory: a restart re-reads them all, which is a full resync, never a lost change.
/// </summary>
public sealed class WmsLevelCapture(ShipStationClient warehouse, InventorySettings settings, IDbContextFactory<EngineDb> dbs, TimeProvider clock)
    : IChangeSource, IEngineCache
{
    public const string Source = "warehouse.inventory";

    private readonly Lock _gate = new();
    private Dictionary<(string Sku, string Warehouse), (int OnHand, int Allocated)> _seen = [];
    private int _seenGeneration = -1;

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        if (!settings.FromWarehouseAndStores)
        {
            return 0;
        }
        var generation = settings.ResyncGeneration;
        var levels = await warehouse.LevelsAsync(null, ct);
        var now = levels.ToDictionary(l => (l.Sku, l.InventoryWarehouseId), l => (l.OnHand, l.Allocated));
        List<string> changed;
        lock (_gate)
        {
            var resync = generation != _seenGeneration;
            changed = now.Where(l => resync || !_seen.TryGetValue(l.Key, out var before) || before != l.Value).Select(l => l.Key.Sku)
                .Concat(_seen.Keys.Where(k => !now.ContainsKey(k)).Select(k => k.Sku))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            _seen = now;
            _seenGeneration = generation;
        }
        return await AtsTriggers.EnqueueAsync(dbs, settings, clock, changed, ct);
    }

    public void Forget()
    {
        lock (_gate)
        {
            _seen = [];
            _seenGeneration = -1;
        }
    }
}

/// <summary>Queues the available-to-sell plan of SKUs whose stock moved somewhere.</summary>
internal static class AtsTriggers
{
    public static async Task<int> EnqueueAsync(IDbContextFactory<EngineDb> dbs, InventorySettings settings, TimeProvider clock, IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        if (skus.Count == 0)
        {
            return 0;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var changes = skus.Select(sku => new CapturedChange(AtsProcess.ProcessName, sku, settings.NextVersion(clock), "{}")).ToList();
        var queued = await WorkQueue.EnqueueAsync(db, changes, clock.GetUtcNow().UtcTicks, ct);
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
