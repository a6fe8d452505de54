using SyncLab.Mirrors.Warehouse.ShipStation;
using SyncLab.Mirrors.Warehouse.Store;

namespace SyncLab.Mirrors.Warehouse.Inventory;

/// <summary>The body of <c>POST /v2/inventory</c> (updateSKUStockLevels).</summary>
public sealed record StockTransaction
{
    public string? TransactionType { get; init; }

    public string? InventoryLocationId { get; init; }

    public string? Sku { get; init; }

    public int? Quantity { get; init; }

    public CostAmount? Cost { get; init; }

    public string? Condition { get; init; }

    public string? Lot { get; init; }

    public DateTimeOffset? UsableStartDate { get; init; }

    public DateTimeOffset? UsableEndDate { get; init; }

    public DateTimeOffset? EffectiveAt { get; init; }

    public string? Reason { get; init; }

    public string? Notes { get; init; }

    public string? NewInventoryLocationId { get; init; }

    public CostAmount? NewCost { get; init; }

    public string? NewCondition { get; init; }
}

public sealed record CostAmount(decimal? Amount, string? Currency);

/// <summary>One stock level as it must become: its new on-hand quantity and average cost.</summary>
public sealed record StockEffect(string Sku, string InventoryLocationId, string InventoryWarehouseId, int OnHandBefore, int OnHandAfter, decimal AverageCost);

/// <summary>What the warehouse holds for a transaction: the product, the location(s) and their current levels (null where none yet).</summary>
public sealed record StockContext(WhProduct? Product, WhLocation? Location, WhLevel? Level, WhLocation? NewLocation, WhLevel? NewLevel);

/// <summary>
/// ShipStation's four inventory transactions as a pure decision: increment (receive), decrement (pick),
/// adjust (set on hand to a counted quantity), modify (move to another location or re-cost). This mirror
/// keeps one "sellable" bucket per SKU and location; other conditions are refused rather than ignored.
/// </summary>
public static class StockRules
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "increment", "decrement", "adjust", "modify" };

    private static readonly IReadOnlySet<string> Conditions = new HashSet<string>(StringComparer.Ordinal) { "sellable", "damaged", "expired", "qa_hold" };

    /// <summary>Checks what can be checked without the store.</summary>
    public static ShipStationFailure? Validate(StockTransaction t)
    {
        if (string.IsNullOrEmpty(t.TransactionType))
        {
            return ShipStationErrors.Required("transaction_type");
        }
        if (!Types.Contains(t.TransactionType))
        {
            return ShipStationErrors.InvalidValue($"transaction_type must be one of increment, decrement, adjust, modify; got '{t.TransactionType}'.");
        }
        if (string.IsNullOrEmpty(t.Sku))
        {
            return ShipStationErrors.Required("sku");
        }
        if (t.Quantity is not { } quantity)
        {
            return ShipStationErrors.Required("quantity");
        }
        if (string.IsNullOrEmpty(t.InventoryLocationId))
        {
            return ShipStationErrors.Required("inventory_location_id");
        }
        if (quantity < 0 || (quantity == 0 && t.TransactionType != "adjust"))
        {
            return ShipStationErrors.InvalidValue(t.TransactionType == "adjust" ? "quantity must be 0 or more." : "quantity must be 1 or more.");
        }
        foreach (var (field, value) in new[] { ("condition", t.Condition), ("new_condition", t.NewCondition) })
        {
            if (value is not null && !Conditions.Contains(value))
            {
                return ShipStationErrors.InvalidValue($"{field} must be one of sellable, damaged, expired, qa_hold.");
            }
            if (value is not (null or "sellable"))
            {
                return ShipStationErrors.InvalidValue($"{field} '{value}': this mirror keeps sellable stock only.");
            }
        }
        if (t.Cost is { Amount: < 0 } || t.NewCost is { Amount: < 0 })
        {
            return ShipStationErrors.InvalidValue("cost.amount must not be negative.");
        }
        if (t.TransactionType == "modify" && t.NewInventoryLocationId is null && t.NewCost is null && t.NewCondition is null)
        {
            return ShipStationErrors.Required("new_inventory_location_id, new_cost or new_condition");
        }
        return null;
    }

    /// <summary>Pure: the levels that change, or why the transaction cannot be applied.</summary>
    public static (IReadOnlyList<StockEffect>? Effects, ShipStationFailure? Failure) Decide(StockTransaction t, StockContext held)
    {
        if (held.Product is null)
        {
            return (null, ShipStationErrors.UnknownReference($"sku '{t.Sku}' is not a product of this account."));
        }
        if (held.Location is not { } location)
        {
            return (null, ShipStationErrors.UnknownReference($"inventory_location_id '{t.InventoryLocationId}' was not found."));
        }
        var quantity = t.Quantity!.Value;
        var onHand = held.Level?.OnHand ?? 0;
        var allocated = held.Level?.Allocated ?? 0;
        var cost = held.Level?.AverageCost ?? held.Product.Cost;
        var sku = held.Product.Sku;
        StockEffect Here(int after, decimal averageCost) => new(sku, location.InventoryLocationId, location.InventoryWarehouseId, onHand, after, averageCost);

        switch (t.TransactionType)
        {
            case "increment":
                var received = t.Cost?.Amount is { } unitCost && onHand + quantity > 0
                    ? decimal.Round(((cost * onHand) + (unitCost * quantity)) / (onHand + quantity), 4)
                    : cost;
                return ([Here(onHand + quantity, received)], null);
            case "decrement":
                if (quantity > onHand - allocated)
                {
                    return (null, ShipStationErrors.BusinessRule($"Cannot decrement {quantity} of '{sku}' at {location.InventoryLocationId}: {onHand - allocated} available."));
                }
                return ([Here(onHand - quantity, cost)], null);
            case "adjust":
                if (quantity < allocated)
                {
                    return (null, ShipStationErrors.BusinessRule($"Cannot adjust '{sku}' at {location.InventoryLocationId} below the {allocated} allocated."));
                }
                return ([Here(quantity, t.Cost?.Amount ?? cost)], null);
            default:
                return Modify(t, held, Here, onHand - allocated, cost);
        }
    }

    private static (IReadOnlyList<StockEffect>? Effects, ShipStationFailure? Failure) Modify(
        StockTransaction t, StockContext held, Func<int, decimal, StockEffect> here, int available, decimal cost)
    {
        var quantity = t.Quantity!.Value;
        var newCost = t.NewCost?.Amount ?? cost;
        if (t.NewInventoryLocationId is null || t.NewInventoryLocationId == t.InventoryLocationId)
        {
            return ([here(held.Level?.OnHand ?? 0, newCost)], null);
        }
        if (held.NewLocation is not { } target)
        {
            return (null, ShipStationErrors.UnknownReference($"new_inventory_location_id '{t.NewInventoryLocationId}' was not found."));
        }
        if (quantity > available)
        {
            return (null, ShipStationErrors.BusinessRule($"Cannot move {quantity} of '{held.Product!.Sku}': {available} available."));
        }
        var targetOnHand = held.NewLevel?.OnHand ?? 0;
        var targetCost = held.NewLevel?.AverageCost ?? held.Product!.Cost;
        var mergedCost = targetOnHand + quantity > 0 ? decimal.Round(((targetCost * targetOnHand) + (newCost * quantity)) / (targetOnHand + quantity), 4) : newCost;
        var onHand = held.Level?.OnHand ?? 0;
        return (
        [
            here(onHand - quantity, cost),
            new StockEffect(held.Product!.Sku, target.InventoryLocationId, target.InventoryWarehouseId, targetOnHand, targetOnHand + quantity, mergedCost),
        ], null);
    }
}
