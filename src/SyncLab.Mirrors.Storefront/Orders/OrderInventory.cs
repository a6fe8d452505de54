using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// How orders move stock at a location, as Shopify's quantity states do: placing an order moves units from
/// <c>available</c> to <c>committed</c> (on hand unchanged); shipping takes them out of <c>committed</c> (and on
/// hand); cancelling releases them, back to <c>available</c> when restocked; a return restocks to <c>available</c>.
/// One instance per unit of work: it holds the tracked levels it touched and reports them once.
/// </summary>
public sealed class OrderInventory(ShopRequest shop)
{
    private readonly Dictionary<(long Item, long Location), InventoryLevelRecord> _levels = [];
    private readonly Dictionary<(long Item, long Location), (int Available, string? Sku)> _before = [];
    private Dictionary<long, LocationRecord>? _locations;

    /// <summary>Loads (tracked) every level of these inventory items.</summary>
    public async Task LoadAsync(IReadOnlyCollection<long> inventoryItemIds, CancellationToken ct)
    {
        var missing = inventoryItemIds.Where(i => !_levels.Keys.Any(k => k.Item == i)).ToHashSet();
        if (missing.Count > 0)
        {
            foreach (var level in await shop.Db.InventoryLevels.Where(l => missing.Contains(l.InventoryItemId)).ToListAsync(ct))
            {
                _levels[(level.InventoryItemId, level.LocationId)] = level;
            }
        }
        _locations ??= (await shop.Catalog.AllLocationsAsync(ct)).ToDictionary(l => l.Id);
    }

    /// <summary>The levels of an item at locations that sell online, in location order: where an order can take stock from.</summary>
    public IReadOnlyList<InventoryLevelRecord> SellingLevels(long inventoryItemId) =>
        _levels.Values
            .Where(l => l.InventoryItemId == inventoryItemId && _locations!.TryGetValue(l.LocationId, out var at) && at.IsActive && at.FulfillsOnlineOrders)
            .OrderBy(l => l.LocationId)
            .ToList();

    public InventoryLevelRecord? Level(long inventoryItemId, long locationId) => _levels.GetValueOrDefault((inventoryItemId, locationId));

    public string LocationName(long locationId) => _locations?.GetValueOrDefault(locationId)?.Name ?? locationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An order takes <paramref name="quantity"/> units: available → committed.</summary>
    public void Commit(InventoryLevelRecord level, int quantity, string? sku) => Move(level, sku, -quantity, +quantity);

    /// <summary>Units ship: they leave committed (and on hand).</summary>
    public void Ship(InventoryLevelRecord level, int quantity, string? sku) => Move(level, sku, 0, -quantity);

    /// <summary>Unshipped units come off the order: out of committed, back to available when restocked.</summary>
    public void Release(InventoryLevelRecord level, int quantity, bool restock, string? sku) => Move(level, sku, restock ? quantity : 0, -quantity);

    /// <summary>Returned units go back on the shelf: available (and on hand) rise.</summary>
    public void Restock(InventoryLevelRecord level, int quantity, string? sku) => Move(level, sku, quantity, 0);

    /// <summary>One inventory_levels/update per level whose available quantity moved (the topic reports available only).</summary>
    public async Task EnqueueWebhooksAsync(CancellationToken ct)
    {
        foreach (var (key, before) in _before)
        {
            var level = _levels[key];
            if (level.Available != before.Available)
            {
                await shop.Webhooks.EnqueueAsync(shop.Db, WebhookTopics.InventoryLevelsUpdate, () => WebhookPayloads.InventoryLevel(level, shop.Clock), ct);
            }
        }
    }

    /// <summary>Ledger lines in the inventory mutations' words, once the change is saved.</summary>
    public void RecordEffects(string path)
    {
        foreach (var (key, before) in _before)
        {
            var level = _levels[key];
            if (level.Available != before.Available)
            {
                shop.Ledger.RecordEffect($"available {before.Sku} @ {LocationName(key.Location)} {before.Available} -> {level.Available}", path);
            }
        }
    }

    private void Move(InventoryLevelRecord level, string? sku, int availableDelta, int committedDelta)
    {
        _before.TryAdd((level.InventoryItemId, level.LocationId), (level.Available, sku));
        level.Available += availableDelta;
        level.Committed = Math.Max(0, level.Committed + committedDelta);
        level.UpdatedAt = shop.Clock.GetUtcNow();
    }
}
