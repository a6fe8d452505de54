namespace SyncLab.Mirrors.Pos.Store;

/// <summary>An order rung up at a store, OPEN until paid.</summary>
public sealed class PosOrder
{
    public required string Id { get; init; }

    public long Sequence { get; init; }

    public required string LocationId { get; init; }

    public required string State { get; set; }

    public string? ReferenceId { get; init; }

    public int Version { get; set; }

    public required string Currency { get; init; }

    public long TotalAmount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? PaymentId { get; set; }

    public List<PosOrderLine> Lines { get; init; } = [];
}

public sealed class PosOrderLine
{
    public required string OrderId { get; init; }

    public int Index { get; init; }

    public required string Uid { get; init; }

    public string? CatalogObjectId { get; init; }

    public required string Name { get; init; }

    public string? VariationName { get; init; }

    public decimal Quantity { get; init; }

    public long BasePriceAmount { get; init; }

    public long TotalAmount { get; init; }
}

public sealed class PosPayment
{
    public required string Id { get; init; }

    public long Sequence { get; init; }

    public required string OrderId { get; init; }

    public required string LocationId { get; init; }

    public long Amount { get; init; }

    public required string Currency { get; init; }

    public required string SourceType { get; init; }

    public required string Status { get; init; }

    public long? BuyerSuppliedAmount { get; init; }

    public string? ExternalType { get; init; }

    public string? ExternalSource { get; init; }

    public string? ReferenceId { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A customer profile in the seller's directory.</summary>
public sealed class PosCustomer
{
    public required string Id { get; init; }

    /// <summary>The ERP customer number, kept as <c>reference_id</c>.</summary>
    public required string ReferenceId { get; init; }

    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public string? EmailAddress { get; init; }

    public string? PhoneNumber { get; init; }

    public string? AddressLine1 { get; init; }

    public string? Locality { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public bool EmailUnsubscribed { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public long CreatedTicks { get; init; }

    public int Ordinal { get; init; }
}
