using System.Globalization;
using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Inventory;

/// <summary>
/// <c>inventorySetQuantities</c>: absolute <c>available</c> or <c>on_hand</c> quantities per item and location,
/// with Shopify's compare-and-set: unless <c>ignoreCompareQuantity</c>, every quantity needs a
/// <c>compareQuantity</c> equal to the stored one, else nothing is changed (COMPARE_QUANTITY_STALE).
/// </summary>
public static class SetQuantities
{
    public sealed record QuantityInput(string? InventoryItemId, string? LocationId, int Quantity, int? CompareQuantity);

    public sealed record Request(string Name, string Reason, string? ReferenceDocumentUri, bool IgnoreCompareQuantity, IReadOnlyList<QuantityInput> Quantities);

    public sealed record Payload(InventoryChanges.AdjustmentGroupValue? InventoryAdjustmentGroup, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>The userErrors, or the changes to make; pure. Any error rejects the whole request, as on Shopify.</summary>
    public static (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<InventoryChanges.LevelChange> Changes) Decide(Request request, InventoryChanges.InventoryState state)
    {
        var errors = new List<UserErrorValue>();
        if (request.Name is not (QuantityNames.Available or QuantityNames.OnHand))
        {
            errors.Add(new UserErrorValue(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        }
        if (!InventoryChanges.Reasons.Contains(request.Reason))
        {
            errors.Add(new UserErrorValue(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
        }
        var changes = new List<InventoryChanges.LevelChange>();
        var seen = new HashSet<(long, long)>();
        for (var i = 0; i < request.Quantities.Count; i++)
        {
            var q = request.Quantities[i];
            string[] Path(string field) => ["input", "quantities", i.ToString(CultureInfo.InvariantCulture), field];
            var itemId = Gid.TryParse(q.InventoryItemId, "InventoryItem");
            var locationId = Gid.TryParse(q.LocationId, "Location");
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
            if (!seen.Add((itemId.Value, locationId.Value)))
            {
                errors.Add(new UserErrorValue(Path("locationId"), "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
                continue;
            }
            if (!state.Levels.TryGetValue((itemId.Value, locationId.Value), out var level))
            {
                errors.Add(new UserErrorValue(Path("locationId"), "The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION"));
                continue;
            }
            if (q.Quantity < 0)
            {
                errors.Add(new UserErrorValue(Path("quantity"), "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
                continue;
            }
            if (q.Quantity > InventoryChanges.MaxQuantity)
            {
                errors.Add(new UserErrorValue(Path("quantity"), "The total quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
                continue;
            }
            var current = request.Name == QuantityNames.OnHand ? level.OnHand : level.Available;
            if (!request.IgnoreCompareQuantity)
            {
                if (q.CompareQuantity is null)
                {
                    errors.Add(new UserErrorValue(Path("compareQuantity"),
                        "The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.", "COMPARE_QUANTITY_REQUIRED"));
                    continue;
                }
                if (q.CompareQuantity != current)
                {
                    errors.Add(new UserErrorValue(Path("compareQuantity"), "The compareQuantity value does not match persisted value.", "COMPARE_QUANTITY_STALE"));
                    continue;
                }
            }
            if (request.Name == QuantityNames.OnHand && q.Quantity - current + level.Available < 0)
            {
                errors.Add(new UserErrorValue(Path("quantity"), "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
                continue;
            }
            changes.AddRange(InventoryChanges.AvailableMoves(level, q.Quantity - current));
        }
        return errors.Count > 0 ? (errors, []) : (errors, changes);
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var (group, errors) = await InventoryChanges.DecideAndCommitAsync(
            shop,
            request.Quantities.Select(q => q.InventoryItemId),
            request.Quantities.Select(q => q.LocationId),
            state => Decide(request, state),
            request.Reason,
            request.ReferenceDocumentUri,
            "inventorySetQuantities",
            ct);
        return new Payload(group, errors);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<InventorySetQuantitiesPayloadGraphType>("inventorySetQuantities")
            .Argument<NonNullGraphType<InventorySetQuantitiesInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var shop = c.Shop();
                var input = c.Object("input");
                var quantities = InputValues.Objects(input["quantities"]);
                quantities.CheckSize(shop.Settings);
                var request = new Request(
                    input.String("name") ?? string.Empty,
                    input.String("reason") ?? string.Empty,
                    input.String("referenceDocumentUri"),
                    input.Bool("ignoreCompareQuantity") ?? false,
                    quantities.Select(q => new QuantityInput(q.String("inventoryItemId"), q.String("locationId"), q.Int("quantity") ?? 0, q.Int("compareQuantity"))).ToList());
                return await ExecuteAsync(shop, request, c.CancellationToken);
            });
    }
}

public sealed class InventorySetQuantitiesInputGraphType : InputObjectGraphType
{
    public InventorySetQuantitiesInputGraphType()
    {
        Name = "InventorySetQuantitiesInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<StringGraphType>("referenceDocumentUri");
        Field<BooleanGraphType>("ignoreCompareQuantity").DefaultValue(false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InventoryQuantityInputGraphType>>>>("quantities");
    }
}

public sealed class InventoryQuantityInputGraphType : InputObjectGraphType
{
    public InventoryQuantityInputGraphType()
    {
        Name = "InventoryQuantityInput";
        Field<NonNullGraphType<IdGraphType>>("inventoryItemId");
        Field<NonNullGraphType<IdGraphType>>("locationId");
        Field<NonNullGraphType<IntGraphType>>("quantity");
        Field<IntGraphType>("compareQuantity");
    }
}

public sealed class InventorySetQuantitiesPayloadGraphType : ObjectGraphType<SetQuantities.Payload>
{
    public InventorySetQuantitiesPayloadGraphType()
    {
        Name = "InventorySetQuantitiesPayload";
        Field<InventoryAdjustmentGroupGraphType>("inventoryAdjustmentGroup").Resolve(c => c.Source.InventoryAdjustmentGroup);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InventorySetQuantitiesUserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
