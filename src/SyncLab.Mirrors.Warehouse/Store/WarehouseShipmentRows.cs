namespace SyncLab.Mirrors.Warehouse.Store;

/// <summary>A shipment to pick, pack and ship from one warehouse; its lines allocate stock until the label is bought.</summary>
public sealed class WhShipment
{
    public required string ShipmentId { get; init; }

    public long Sequence { get; init; }

    public required string WarehouseId { get; init; }

    public required string InventoryLocationId { get; init; }

    /// <summary>pending, label_purchased or cancelled.</summary>
    public required string Status { get; set; }

    public string? ExternalShipmentId { get; init; }

    public string? ExternalOrderId { get; init; }

    public string? ShipmentNumber { get; init; }

    public string? CarrierId { get; set; }

    public string? ServiceCode { get; set; }

    /// <summary>The recipient address as sent (ShipStation JSON), returned as it came.</summary>
    public required string ShipToJson { get; init; }

    public decimal WeightOunces { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ModifiedAt { get; set; }

    public string? LabelId { get; set; }

    public string? TrackingNumber { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public List<WhShipmentItem> Items { get; init; } = [];
}

public sealed class WhShipmentItem
{
    public required string ShipmentId { get; init; }

    public int Index { get; init; }

    public required string Sku { get; init; }

    public required string Name { get; init; }

    public int Quantity { get; set; }

    /// <summary>Whether the line holds stock (allocated) or waits for it (unallocated).</summary>
    public bool Allocated { get; set; }
}
