using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Inventory;

/// <summary>What inventory mutations share: Shopify's reasons, the level lookups, and how a change is applied and reported.</summary>
public static class InventoryChanges
{
    /// <summary>The reasons Shopify accepts on inventory mutations.</summary>
    public static IReadOnlySet<string> Reasons { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "correction", "cycle_count_available", "damaged", "movement_created", "movement_updated", "movement_received",
        "movement_canceled", "other", "promotion", "quality_control", "received", "reservation_created",
        "reservation_deleted", "reservation_updated", "restock", "safety_stock", "shrinkage",
    };

    /// <summary>Shopify's ceiling for any quantity.</summary>
    public const int MaxQuantity = 1_000_000_000;

    /// <summary>One quantity of one level moving by <see cref="Delta"/>; <c>available</c> changes also move <c>on_hand</c>.</summary>
    public sealed record LevelChange(long InventoryItemId, long LocationId, string Name, int Delta, int QuantityAfter);

    public sealed record ChangeValue(string Name, int Delta, int? QuantityAfterChange, VariantNode? Item, LocationRecord? Location, string? LedgerDocumentUri);

    public sealed record AdjustmentGroupValue(DateTimeOffset CreatedAt, string Reason, string? ReferenceDocumentUri, IReadOnlyList<ChangeValue> Changes);

    /// <summary>The state the inventory mutations decide against: items, locations and levels keyed by numeric id.</summary>
    public sealed record InventoryState(
        IReadOnlyDictionary<long, VariantRecord> ItemsById,
        IReadOnlyDictionary<long, LocationRecord> LocationsById,
        IReadOnlyDictionary<(long Item, long Location), InventoryLevelRecord> Levels);

    /// <summary>Loads (tracked) the items, locations and levels that the given gids name.</summary>
    public static async Task<InventoryState> LoadAsync(StorefrontDb db, IEnumerable<string?> itemGids, IEnumerable<string?> locationGids, CancellationToken ct)
    {
        var itemIds = itemGids.Select(g => Gid.TryParse(g, "InventoryItem")).OfType<long>().ToHashSet();
        var locationIds = locationGids.Select(g => Gid.TryParse(g, "Location")).OfType<long>().ToHashSet();
        var items = (StoreLookup.Where(db, (VariantRecord v) => v.InventoryItemId, itemIds)
            ?? await db.Variants.AsNoTracking().Where(v => itemIds.Contains(v.InventoryItemId)).ToListAsync(ct)).ToDictionary(v => v.InventoryItemId);
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var levels = StoreLookup.Tracked(db, (InventoryLevelRecord l) => l.InventoryItemId, itemIds)?.Where(l => locationIds.Contains(l.LocationId)).ToList()
            ?? await db.InventoryLevels.Where(l => itemIds.Contains(l.InventoryItemId) && locationIds.Contains(l.LocationId)).ToListAsync(ct);
        return new InventoryState(items, locations, levels.ToDictionary(l => (l.InventoryItemId, l.LocationId)));
    }

    /// <summary>
    /// One inventory mutation, start to end: under the shop's write gate, load the named levels, let the
    /// mutation's pure <paramref name="decide"/> turn them into changes or user errors, and commit the changes
    /// only when there is no error (Shopify applies all of a mutation's quantities or none).
    /// </summary>
    public static async Task<(AdjustmentGroupValue? Group, IReadOnlyList<UserErrorValue> Errors)> DecideAndCommitAsync(
        ShopRequest shop,
        IEnumerable<string?> itemGids,
        IEnumerable<string?> locationGids,
        Func<InventoryState, (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<LevelChange> Changes)> decide,
        string reason,
        string? referenceDocumentUri,
        string mutation,
        CancellationToken ct)
    {
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var state = await LoadAsync(shop.Db, itemGids, locationGids, ct);
        var (errors, changes) = decide(state);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (await CommitAsync(shop, state, changes, reason, referenceDocumentUri, mutation, ct), []);
    }

    /// <summary>
    /// Applies the changes to the tracked levels, writes one inventory_levels/update webhook per level,
    /// saves, records the ledger effects and returns the adjustment group for the payload.
    /// </summary>
    public static async Task<AdjustmentGroupValue> CommitAsync(
        ShopRequest shop,
        InventoryState state,
        IReadOnlyList<LevelChange> changes,
        string reason,
        string? referenceDocumentUri,
        string mutation,
        CancellationToken ct)
    {
        var now = shop.Clock.GetUtcNow();
        var touched = new List<InventoryLevelRecord>();
        var effects = new List<string>();
        foreach (var change in changes.Where(c => c.Delta != 0))
        {
            var level = state.Levels[(change.InventoryItemId, change.LocationId)];
            if (change.Name == QuantityNames.Available)
            {
                var before = level.Available;
                level.Available += change.Delta;
                effects.Add($"available {state.ItemsById[change.InventoryItemId].Sku} @ {state.LocationsById[change.LocationId].Name} {before} -> {level.Available}");
            }
            level.UpdatedAt = now;
            if (!touched.Contains(level))
            {
                touched.Add(level);
            }
        }
        foreach (var level in touched)
        {
            await shop.Webhooks.EnqueueAsync(shop.Db, WebhookTopics.InventoryLevelsUpdate, () => WebhookPayloads.InventoryLevel(level, shop.Clock), ct);
        }
        await shop.Db.SaveChangesAsync(ct);
        foreach (var effect in effects)
        {
            shop.Ledger.RecordEffect(effect, mutation);
        }
        shop.Webhooks.Notify();

        var items = new Dictionary<long, VariantNode>();
        foreach (var itemId in changes.Select(c => c.InventoryItemId).Distinct())
        {
            if (await shop.Catalog.InventoryItemAsync(itemId, ct) is { } node)
            {
                items[itemId] = node;
            }
        }
        var values = changes
            .Where(c => c.Delta != 0)
            .Select(c => new ChangeValue(c.Name, c.Delta, c.QuantityAfter, items.GetValueOrDefault(c.InventoryItemId), state.LocationsById[c.LocationId], null))
            .ToList();
        return new AdjustmentGroupValue(now, reason, referenceDocumentUri, values);
    }

    /// <summary>The pair of changes Shopify reports when <c>available</c> moves: available and on_hand by the same delta.</summary>
    public static IEnumerable<LevelChange> AvailableMoves(InventoryLevelRecord level, int delta) =>
    [
        new(level.InventoryItemId, level.LocationId, QuantityNames.Available, delta, level.Available + delta),
        new(level.InventoryItemId, level.LocationId, QuantityNames.OnHand, delta, level.OnHand + delta),
    ];
}

public sealed class InventoryAdjustmentGroupGraphType : ObjectGraphType<InventoryChanges.AdjustmentGroupValue>
{
    public InventoryAdjustmentGroupGraphType()
    {
        Name = "InventoryAdjustmentGroup";
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<StringGraphType>("referenceDocumentUri").Resolve(c => c.Source.ReferenceDocumentUri);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InventoryChangeGraphType>>>>("changes")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("inventoryItemIds")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("locationIds")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("quantityNames")
            .Resolve(c =>
            {
                var items = c.GetArgument<List<string>?>("inventoryItemIds");
                var locations = c.GetArgument<List<string>?>("locationIds");
                var names = c.GetArgument<List<string>?>("quantityNames");
                return c.Source.Changes
                    .Where(x => items is null || (x.Item is not null && items.Contains(Gid.InventoryItem(x.Item.Row.InventoryItemId))))
                    .Where(x => locations is null || (x.Location is not null && locations.Contains(Gid.Location(x.Location.Id))))
                    .Where(x => names is null || names.Contains(x.Name))
                    .ToList();
            });
    }
}

public sealed class InventoryChangeGraphType : ObjectGraphType<InventoryChanges.ChangeValue>
{
    public InventoryChangeGraphType()
    {
        Name = "InventoryChange";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntGraphType>>("delta").Resolve(c => c.Source.Delta);
        Field<IntGraphType>("quantityAfterChange").Resolve(c => c.Source.QuantityAfterChange);
        Field<InventoryItemGraphType>("item").Resolve(c => c.Source.Item);
        Field<LocationGraphType>("location").Resolve(c => c.Source.Location);
        Field<StringGraphType>("ledgerDocumentUri").Resolve(c => c.Source.LedgerDocumentUri);
    }
}
