using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Inventory;

/// <summary>The storefront's available quantity of a SKU as the inventory processes set it, handed on for the stores that sell web stock.</summary>
public sealed record WebStock(string Sku, int Available, DateTimeOffset CountedAt);

/// <summary>
/// The POS leg of inventory: stores that sell the web's stock (<see cref="InventoryOptions.StoresSellingWebStock"/>,
/// Square locations by name; none by default) show the storefront's available quantity as their IN_STOCK count
/// (a PHYSICAL_COUNT: a set, counted at the instant of the change it comes from, so a retry sends the same count).
/// Handed on by <see cref="InventoryProcess"/> and <see cref="AtsProcess"/> whenever they plan a SKU; withdrawn items
/// get nothing (no more replenishment). A store offered to the web is never written (its count feeds the web).
/// </summary>
public sealed class PosWebStockProcess(InventorySettings settings, InventoryLookups lookups, SquareClient? pos = null) : IProcess
{
    public const string ProcessName = "pos.web-stock";

    public string Name => ProcessName;

    /// <summary>The hand-off from an inventory process: the SKU's available quantity, versioned like the change it came from.</summary>
    public static CapturedChange FollowUp(string sku, string version, int available) =>
        new(ProcessName, sku, version, JsonSerializer.Serialize(new WebStock(sku, available, InstantOf(version))));

    /// <summary>Versions begin with UTC ticks (<see cref="WorkQueue.Version"/>, optionally followed by a sequence).</summary>
    public static DateTimeOffset InstantOf(string version) =>
        long.TryParse(version.AsSpan(0, Math.Min(19, version.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.UnixEpoch;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var config = settings.Current;
        var offered = config.Locations.SelectMany(l => l.Stores).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var stores = config.StoresSellingWebStock.Where(s => !offered.Contains(s)).ToList();
        if (pos is null || stores.Count == 0)
        {
            return ProcessOutcome.Nothing;
        }
        var stock = JsonSerializer.Deserialize<WebStock>(item.Payload)!;
        var variationId = await pos.VariationIdAsync(stock.Sku, ct);
        if (variationId is null)
        {
            // The till does not sell it (the POS catalog process lists new web items).
            return ProcessOutcome.Nothing;
        }
        var locations = new List<string>(stores.Count);
        foreach (var store in stores)
        {
            locations.Add(await lookups.StoreIdAsync(pos, store, ct)
                ?? throw new DataErrorException($"{stock.Sku}: the store '{store}' set to sell web stock is not a Square location"));
        }
        var counts = await pos.InStockCountsAsync([variationId], locations, null, ct);
        var stale = locations.Where(l => counts.FirstOrDefault(c => c.LocationId == l)?.Quantity != stock.Available).ToList();
        if (stale.Count == 0)
        {
            return ProcessOutcome.Nothing;
        }
        await pos.SetInStockAsync(variationId, stale, stock.Available, stock.CountedAt, ct);
        return ProcessOutcome.Changed(string.Create(CultureInfo.InvariantCulture, $"web stock {stock.Sku} = {stock.Available} at {stale.Count} store(s)"));
    }
}
