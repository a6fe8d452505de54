using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Inventory;

/// <summary>A warehouse whose annual stocktake is under way: its stock as last known when the count began.</summary>
public sealed record Stocktake(string Warehouse, DateTimeOffset StartedAt, IReadOnlyDictionary<string, WarehouseStock> LastKnown)
{
    /// <summary>The SKU's stock in this warehouse as last known (nothing known: none).</summary>
    public WarehouseStock For(string sku) => LastKnown.GetValueOrDefault(sku) ?? new WarehouseStock(Warehouse, 0, 0);
}

/// <summary>
/// The inventory configuration in force (from <see cref="EngineOptions.Inventory"/>, changed at run time by the
/// office), the warehouses frozen for a stocktake, and the full resyncs asked for. What the office changed and the
/// stocktakes under way are kept in the engine's store (<see cref="InventorySettingsRecord"/>, <see cref="StocktakeRecord"/>)
/// as well as in memory: written there first, loaded again at every start (<see cref="IStoredState"/>), so a restart
/// keeps them in force. Without a store (unit tests) they are held in memory only.
/// </summary>
public sealed class InventorySettings(EngineOptions options, IDbContextFactory<EngineDb>? dbs = null) : IEngineCache, IStoredState
{
    /// <summary>The one row of <see cref="InventorySettingsRecord"/>.</summary>
    private const int SettingsRow = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ConcurrentDictionary<string, Stocktake> _stocktakes = new(StringComparer.OrdinalIgnoreCase);
    private InventoryOptions _current = options.Inventory;
    private int _resyncGeneration;
    private long _sequence;

    public InventoryOptions Current => Volatile.Read(ref _current);

    public bool FromWarehouseAndStores => Current.Source == StockSource.WmsAndPos;

    /// <summary>Bumped whenever every SKU must be planned again (new settings, a stocktake over).</summary>
    public int ResyncGeneration => Volatile.Read(ref _resyncGeneration);

    public IReadOnlyList<Stocktake> Stocktakes => [.. _stocktakes.Values.OrderBy(s => s.Warehouse, StringComparer.OrdinalIgnoreCase)];

    /// <summary>New settings, in force from now on and after a restart.</summary>
    public async Task ApplyAsync(InventoryOptions next, DateTimeOffset at, CancellationToken ct)
    {
        if (dbs is not null)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var row = await db.InventorySettings.SingleOrDefaultAsync(s => s.Id == SettingsRow, ct);
            if (row is null)
            {
                row = new InventorySettingsRecord { Id = SettingsRow, Settings = string.Empty };
                db.InventorySettings.Add(row);
            }
            row.Settings = JsonSerializer.Serialize(next, Json);
            row.ChangedAtTicks = at.UtcTicks;
            await db.SaveChangesAsync(ct);
        }
        Volatile.Write(ref _current, next);
        RequestResync();
    }

    public void RequestResync() => Interlocked.Increment(ref _resyncGeneration);

    public Stocktake? StocktakeOf(string warehouse) => _stocktakes.GetValueOrDefault(warehouse);

    /// <summary>Freezes the warehouse, kept across a restart; false when a stocktake of it is under way already.</summary>
    public async Task<bool> TryStartStocktakeAsync(Stocktake stocktake, CancellationToken ct)
    {
        if (!_stocktakes.TryAdd(stocktake.Warehouse, stocktake))
        {
            return false;
        }
        if (dbs is null)
        {
            return true;
        }
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (await db.Stocktakes.AnyAsync(s => s.Warehouse == stocktake.Warehouse, ct))
            {
                _stocktakes.TryRemove(stocktake.Warehouse, out _);
                return false;
            }
            db.Stocktakes.Add(new StocktakeRecord
            {
                Warehouse = stocktake.Warehouse,
                StartedAtTicks = stocktake.StartedAt.UtcTicks,
                LastKnown = JsonSerializer.Serialize(stocktake.LastKnown, Json),
            });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch
        {
            // Not kept, so not in force: the office may start it again.
            _stocktakes.TryRemove(stocktake.Warehouse, out _);
            throw;
        }
    }

    /// <summary>The count is over: the freeze ends, here and in the store, and every SKU is planned again.</summary>
    public async Task<Stocktake?> TryEndStocktakeAsync(string warehouse, CancellationToken ct)
    {
        if (!_stocktakes.TryGetValue(warehouse, out var stocktake))
        {
            return null;
        }
        if (dbs is not null)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            await db.Stocktakes.Where(s => s.Warehouse == stocktake.Warehouse).ExecuteDeleteAsync(ct);
        }
        if (!_stocktakes.TryRemove(stocktake.Warehouse, out var removed))
        {
            return null;
        }
        RequestResync();
        return removed;
    }

    /// <summary>At every start: the settings and stocktakes the store keeps (none: the configured options, nothing frozen).</summary>
    public async Task LoadAsync(EngineDb db, CancellationToken ct)
    {
        var row = await db.InventorySettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SettingsRow, ct);
        var stocktakes = await db.Stocktakes.AsNoTracking().ToListAsync(ct);
        Volatile.Write(ref _current, row is null ? options.Inventory : Read(row.Settings));
        _stocktakes.Clear();
        foreach (var s in stocktakes)
        {
            var lastKnown = JsonSerializer.Deserialize<Dictionary<string, WarehouseStock>>(s.LastKnown, Json) ?? [];
            _stocktakes[s.Warehouse] = new Stocktake(s.Warehouse, new DateTimeOffset(s.StartedAtTicks, TimeSpan.Zero), new Dictionary<string, WarehouseStock>(lastKnown, StringComparer.Ordinal));
        }
        RequestResync();
    }

    /// <summary>Stored settings as the API made them: names compared in any case.</summary>
    private static InventoryOptions Read(string json)
    {
        var stored = JsonSerializer.Deserialize<InventoryOptions>(json, Json) ?? throw new JsonException("The stored inventory settings are empty.");
        return stored with
        {
            SafetyStock = stored.SafetyStock with
            {
                ByCategory = new Dictionary<string, int>(stored.SafetyStock.ByCategory, StringComparer.OrdinalIgnoreCase),
                BySku = new Dictionary<string, int>(stored.SafetyStock.BySku, StringComparer.OrdinalIgnoreCase),
            },
        };
    }

    /// <summary>
    /// A version for a change captured now: the business instant, then a sequence, so two captures at one
    /// frozen instant still sort after each other (an older trigger is covered by a newer plan, which reads live).
    /// </summary>
    public string NextVersion(TimeProvider clock) =>
        string.Create(CultureInfo.InvariantCulture, $"{WorkQueue.Version(clock.GetUtcNow())}.{Interlocked.Increment(ref _sequence):D12}");

    /// <summary>An engine reset (which empties the store) goes back to the configured options, with no stocktake under way.</summary>
    public void Forget()
    {
        Volatile.Write(ref _current, options.Inventory);
        _stocktakes.Clear();
        RequestResync();
    }
}

/// <summary>The inventory settings the office set at run time (<c>PUT /engine/inventory/settings</c>): one row, JSON.</summary>
public sealed class InventorySettingsRecord
{
    public int Id { get; set; }

    /// <summary><see cref="InventoryOptions"/> as JSON.</summary>
    public required string Settings { get; set; }

    public long ChangedAtTicks { get; set; }
}

/// <summary>A stocktake under way: the warehouse (as the warehouse names it), when it began, and its stock as last known (JSON).</summary>
public sealed class StocktakeRecord
{
    public required string Warehouse { get; set; }

    public long StartedAtTicks { get; set; }

    /// <summary>SKU → <see cref="WarehouseStock"/> as JSON.</summary>
    public required string LastKnown { get; set; }
}
