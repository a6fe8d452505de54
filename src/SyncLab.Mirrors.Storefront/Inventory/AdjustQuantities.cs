using System.Globalization;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Inventory;

/// <summary><c>inventoryAdjustQuantities</c>: relative changes (deltas) to <c>available</c> per item and location.</summary>
public static class AdjustQuantities
{
    public sealed record ChangeInput(string? InventoryItemId, string? LocationId, int Delta);

    public sealed record Request(string Name, string Reason, string? ReferenceDocumentUri, IReadOnlyList<ChangeInput> Changes);

    public sealed record Payload(InventoryChanges.AdjustmentGroupValue? InventoryAdjustmentGroup, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>The userErrors, or the changes to make; pure.</summary>
    public static (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<InventoryChanges.LevelChange> Changes) Decide(Request request, InventoryChanges.InventoryState state)
    {
        var errors = new List<UserErrorValue>();
        // Only available is adjustable here; the unavailable states need ledger documents the mirror does not model.
        if (request.Name != QuantityNames.Available)
        {
            errors.Add(new UserErrorValue(["input", "name"], $"The quantity name '{request.Name}' is not supported; use 'available'.", "INVALID_QUANTITY_NAME"));
        }
        if (!InventoryChanges.Reasons.Contains(request.Reason))
        {
            errors.Add(new UserErrorValue(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
        }
        var changes = new List<InventoryChanges.LevelChange>();
        var running = new Dictionary<(long, long), int>();
        for (var i = 0; i < request.Changes.Count; i++)
        {
            var change = request.Changes[i];
            string[] Path(string field) => ["input", "changes", i.ToString(CultureInfo.InvariantCulture), field];
            var itemId = Gid.TryParse(change.InventoryItemId, "InventoryItem");
            var locationId = Gid.TryParse(change.LocationId, "Location");
            if (itemId is null || !state.ItemsById.ContainsKey(itemId.Value))
            {
                errors.Add(new UserErrorValue(Path("inventoryItemId"), "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
                continue;
            }
            if (locationId is null || !state.LocationsById.ContainsKey(locationId.Value))
            {
                errors.Add(new UserErrorValue(Path("locationId"), "The specified location could not be found.", "INVALID_LOCATION"));
                continue;
            }
            if (!state.Levels.TryGetValue((itemId.Value, locationId.Value), out var level))
            {
                errors.Add(new UserErrorValue(Path("locationId"), "The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION"));
                continue;
            }
            var before = running.GetValueOrDefault((itemId.Value, locationId.Value), 0);
            var after = level.Available + before + change.Delta;
            if (after > InventoryChanges.MaxQuantity)
            {
                errors.Add(new UserErrorValue(Path("delta"), "The quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
                continue;
            }
            if (after < -InventoryChanges.MaxQuantity)
            {
                errors.Add(new UserErrorValue(Path("delta"), "The quantity can't be lower than -1,000,000,000.", "INVALID_QUANTITY_TOO_LOW"));
                continue;
            }
            running[(itemId.Value, locationId.Value)] = before + change.Delta;
            changes.Add(new InventoryChanges.LevelChange(level.InventoryItemId, level.LocationId, QuantityNames.Available, change.Delta, after));
            changes.Add(new InventoryChanges.LevelChange(level.InventoryItemId, level.LocationId, QuantityNames.OnHand, change.Delta, level.OnHand + before + change.Delta));
        }
        return errors.Count > 0 ? (errors, []) : (errors, changes);
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var (group, errors) = await InventoryChanges.DecideAndCommitAsync(
            shop,
            request.Changes.Select(c => c.InventoryItemId),
            request.Changes.Select(c => c.LocationId),
            state => Decide(request, state),
            request.Reason,
            request.ReferenceDocumentUri,
            "inventoryAdjustQuantities",
            ct);
        return new Payload(group, errors);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<InventoryAdjustQuantitiesPayloadGraphType>("inventoryAdjustQuantities")
            .Argument<NonNullGraphType<InventoryAdjustQuantitiesInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var shop = c.Shop();
                var input = c.Object("input");
                var changes = InputValues.Objects(input["changes"]);
                changes.CheckSize(shop.Settings);
                var request = new Request(
                    input.String("name") ?? string.Empty,
                    input.String("reason") ?? string.Empty,
                    input.String("referenceDocumentUri"),
                    changes.Select(x => new ChangeInput(x.String("inventoryItemId"), x.String("locationId"), x.Int("delta") ?? 0)).ToList());
                return await ExecuteAsync(shop, request, c.CancellationToken);
            });
    }
}

public sealed class InventoryAdjustQuantitiesInputGraphType : InputObjectGraphType
{
    public InventoryAdjustQuantitiesInputGraphType()
    {
        Name = "InventoryAdjustQuantitiesInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<StringGraphType>("referenceDocumentUri");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InventoryChangeInputGraphType>>>>("changes");
    }
}

public sealed class InventoryChangeInputGraphType : InputObjectGraphType
{
    public InventoryChangeInputGraphType()
    {
        Name = "InventoryChangeInput";
        Field<NonNullGraphType<IntGraphType>>("delta");
        Field<NonNullGraphType<IdGraphType>>("inventoryItemId");
        Field<NonNullGraphType<IdGraphType>>("locationId");
    }
}

public sealed class InventoryAdjustQuantitiesPayloadGraphType : ObjectGraphType<AdjustQuantities.Payload>
{
    public InventoryAdjustQuantitiesPayloadGraphType()
    {
        Name = "InventoryAdjustQuantitiesPayload";
        Field<InventoryAdjustmentGroupGraphType>("inventoryAdjustmentGroup").Resolve(c => c.Source.InventoryAdjustmentGroup);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InventoryAdjustQuantitiesUserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
