using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Inventory;

/// <summary>
/// Change capture of the stores' stock: Square's <c>BatchRetrieveInventoryCounts</c> with <c>updated_after</c> =
/// cursor less the overlap, at the stores offered to the web, so an in-store sale (IN_STOCK → SOLD), a count or a
/// receipt moves the storefront's number. The cursor is each count's <c>calculated_at</c>; counts already queued
/// are remembered, so the overlap's re-read queues nothing twice.
/// </summary>
public sealed class PosCountCapture(SquareClient pos, InventorySettings settings, IDbContextFactory<EngineDb> dbs, TimeProvider clock, EngineOptions options)
    : IChangeSource, IEngineCache
{
    public const string Source = "pos.inventory";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _queued = new(StringComparer.Ordinal);

    public string Name => Source;

    public async Task<int> PollAsync(CancellationToken ct)
    {
        var stores = settings.Current.Locations.SelectMany(l => l.Stores).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!settings.FromWarehouseAndStores || stores.Count == 0)
        {
            return 0;
        }
        var locations = (await pos.LocationsAsync(ct)).Where(l => stores.Contains(l.Name)).Select(l => l.Id).ToList();
        if (locations.Count == 0)
        {
            return 0;
        }
        return await CursorPoll.RunAsync(dbs, Source, clock, options.PollOverlap, (since, checkpoint, c) => ChangedSinceAsync(locations, since, checkpoint, c), ct);
    }

    private async IAsyncEnumerable<CapturedChange> ChangedSinceAsync(
        List<string> locations, DateTimeOffset since, Checkpoint checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        var counts = await pos.InStockCountsAsync(null, locations, since, ct);
        lock (_gate)
        {
            // What is older than the overlap window is never read again.
            foreach (var old in _queued.Where(q => q.Value < since.UtcTicks).Select(q => q.Key).ToList())
            {
                _queued.Remove(old);
            }
        }
        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var count in counts)
        {
            checkpoint.CursorTicks = Math.Max(checkpoint.CursorTicks, count.CalculatedAt.UtcTicks);
            bool fresh;
            lock (_gate)
            {
                fresh = _queued.TryAdd($"{count.CatalogObjectId}|{count.LocationId}|{count.CalculatedAt.UtcTicks}", count.CalculatedAt.UtcTicks);
            }
            if (fresh && await pos.SkuOfAsync(count.CatalogObjectId, ct) is { } sku && skus.Add(sku))
            {
                yield return new CapturedChange(AtsProcess.ProcessName, sku, settings.NextVersion(clock), "{}");
            }
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _queued.Clear();
        }
    }
}
