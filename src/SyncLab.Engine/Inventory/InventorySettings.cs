using System.Collections.Concurrent;
using System.Globalization;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Inventory;

/// <summary>A warehouse whose annual stocktake is under way: its stock as last known when the count began.</summary>
public sealed record Stocktake(string Warehouse, DateTimeOffset StartedAt, IReadOnlyDictionary<string, WarehouseStock> LastKnown)
{
    /// <summary>The SKU's stock in this warehouse as last known (nothing known: none).</summary>
    public WarehouseStock For(string sku) => LastKnown.GetValueOrDefault(sku) ?? new WarehouseStock(Warehouse, 0, 0);
}

/// <summary>
/// The inventory configuration in force (from <see cref="EngineOptions.Inventory"/>, changed at run time by the
/// office), the warehouses frozen for a stocktake, and the full resyncs asked for. Held in memory: a restart goes
/// back to the configured options, and its first poll is a full resync anyway.
/// </summary>
public sealed class InventorySettings(EngineOptions options) : IEngineCache
{
    private readonly ConcurrentDictionary<string, Stocktake> _stocktakes = new(StringComparer.OrdinalIgnoreCase);
    private InventoryOptions _current = options.Inventory;
    private int _resyncGeneration;
    private long _sequence;

    public InventoryOptions Current => Volatile.Read(ref _current);

    public bool FromWarehouseAndStores => Current.Source == StockSource.WmsAndPos;

    /// <summary>Bumped whenever every SKU must be planned again (new settings, a stocktake over).</summary>
    public int ResyncGeneration => Volatile.Read(ref _resyncGeneration);

    public IReadOnlyList<Stocktake> Stocktakes => [.. _stocktakes.Values.OrderBy(s => s.Warehouse, StringComparer.OrdinalIgnoreCase)];

    public void Apply(InventoryOptions next)
    {
        Volatile.Write(ref _current, next);
        RequestResync();
    }

    public void RequestResync() => Interlocked.Increment(ref _resyncGeneration);

    public Stocktake? StocktakeOf(string warehouse) => _stocktakes.GetValueOrDefault(warehouse);

    public bool TryStartStocktake(Stocktake stocktake) => _stocktakes.TryAdd(stocktake.Warehouse, stocktake);

    public bool TryEndStocktake(string warehouse, out Stocktake? stocktake)
    {
        var ended = _stocktakes.TryRemove(warehouse, out var removed);
        stocktake = removed;
        if (ended)
        {
            RequestResync();
        }
        return ended;
    }

    /// <summary>
    /// A version for a change captured now: the business instant, then a sequence, so two captures at one
    /// frozen instant still sort after each other (an older trigger is covered by a newer plan, which reads live).
    /// </summary>
    public string NextVersion(TimeProvider clock) =>
        string.Create(CultureInfo.InvariantCulture, $"{WorkQueue.Version(clock.GetUtcNow())}.{Interlocked.Increment(ref _sequence):D12}");

    /// <summary>An engine reset goes back to the configured options, with no stocktake under way.</summary>
    public void Forget()
    {
        Volatile.Write(ref _current, options.Inventory);
        _stocktakes.Clear();
        RequestResync();
    }
}
