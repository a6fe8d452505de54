using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Inventory;

/// <summary>Square <c>InventoryCount</c>.</summary>
public sealed record InventoryCount
{
    public string? CatalogObjectId { get; init; }

    public string? CatalogObjectType { get; init; }

    public string? State { get; init; }

    public string? LocationId { get; init; }

    public string? Quantity { get; init; }

    public string? CalculatedAt { get; init; }

    public bool? IsEstimated { get; init; }

    public static InventoryCount From(PosCount c) => new()
    {
        CatalogObjectId = c.CatalogObjectId,
        CatalogObjectType = "ITEM_VARIATION",
        State = c.State,
        LocationId = c.LocationId,
        Quantity = SquareJson.Quantity(c.Quantity),
        CalculatedAt = SquareJson.Time(c.CalculatedAt),
        IsEstimated = false,
    };
}

/// <summary>Square <c>InventoryChange</c> (PHYSICAL_COUNT or ADJUSTMENT; TRANSFER is not mirrored).</summary>
public sealed record InventoryChange
{
    public string? Type { get; init; }

    public InventoryPhysicalCount? PhysicalCount { get; init; }

    public InventoryAdjustment? Adjustment { get; init; }

    public InventoryTransfer? Transfer { get; init; }

    public static InventoryChange From(PosChange c) => c.Type == InventoryStates.PhysicalCount
        ? new InventoryChange
        {
            Type = c.Type,
            PhysicalCount = new InventoryPhysicalCount
            {
                Id = c.Id,
                ReferenceId = c.ReferenceId,
                CatalogObjectId = c.CatalogObjectId,
                CatalogObjectType = "ITEM_VARIATION",
                State = c.State,
                LocationId = c.LocationId,
                Quantity = SquareJson.Quantity(c.Quantity),
                OccurredAt = SquareJson.Time(c.OccurredAt),
                CreatedAt = SquareJson.Time(c.CreatedAt),
            },
        }
        : new InventoryChange
        {
            Type = c.Type,
            Adjustment = new InventoryAdjustment
            {
                Id = c.Id,
                ReferenceId = c.ReferenceId,
                FromState = c.FromState,
                ToState = c.ToState,
                LocationId = c.LocationId,
                CatalogObjectId = c.CatalogObjectId,
                CatalogObjectType = "ITEM_VARIATION",
                Quantity = SquareJson.Quantity(c.Quantity),
                TotalPriceMoney = c.TotalPriceAmount is { } total ? new Money(total, c.Currency ?? "USD") : null,
                OccurredAt = SquareJson.Time(c.OccurredAt),
                CreatedAt = SquareJson.Time(c.CreatedAt),
                TransactionId = c.TransactionId,
            },
        };
}

/// <summary>Square <c>InventoryPhysicalCount</c>; also the request shape of a count.</summary>
public sealed record InventoryPhysicalCount
{
    public string? Id { get; init; }

    public string? ReferenceId { get; init; }

    public string? CatalogObjectId { get; init; }

    public string? CatalogObjectType { get; init; }

    public string? State { get; init; }

    public string? LocationId { get; init; }

    public string? Quantity { get; init; }

    public string? EmployeeId { get; init; }

    public string? TeamMemberId { get; init; }

    public string? OccurredAt { get; init; }

    public string? CreatedAt { get; init; }
}

/// <summary>Square <c>InventoryAdjustment</c>; also the request shape of an adjustment.</summary>
public sealed record InventoryAdjustment
{
    public string? Id { get; init; }

    public string? ReferenceId { get; init; }

    public string? FromState { get; init; }

    public string? ToState { get; init; }

    public string? LocationId { get; init; }

    public string? CatalogObjectId { get; init; }

    public string? CatalogObjectType { get; init; }

    public string? Quantity { get; init; }

    public Money? TotalPriceMoney { get; init; }

    public string? OccurredAt { get; init; }

    public string? CreatedAt { get; init; }

    public string? EmployeeId { get; init; }

    public string? TeamMemberId { get; init; }

    public string? TransactionId { get; init; }
}

/// <summary>Accepted so a TRANSFER request parses; answered with a 400 (not mirrored).</summary>
public sealed record InventoryTransfer
{
    public string? Id { get; init; }
}

public static class InventoryStates
{
    public const string PhysicalCount = "PHYSICAL_COUNT";
    public const string Adjustment = "ADJUSTMENT";
    public const string Transfer = "TRANSFER";
    public const string InStock = "IN_STOCK";
    public const string Sold = "SOLD";

    /// <summary>Square's <c>InventoryState</c> values.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CUSTOM", "IN_STOCK", "SOLD", "RETURNED_BY_CUSTOMER", "RESERVED_FOR_SALE", "SOLD_ONLINE", "ORDERED_FROM_VENDOR",
        "RECEIVED_FROM_VENDOR", "IN_TRANSIT_TO", "NONE", "WASTE", "UNLINKED_RETURN", "COMPOSED", "DECOMPOSED",
        "SUPPORTED_BY_NEWER_VERSION", "IN_TRANSIT",
    };

    /// <summary>States Square keeps no count for (BatchRetrieveInventoryCounts ignores them).</summary>
    public static bool IsTracked(string state) => state is not ("NONE" or "SOLD" or "UNLINKED_RETURN");
}
