namespace SyncLab.Mirrors.Storefront.Data;

/// <summary>Shopify's display statuses of an order, as stored and as the GraphQL enums spell them.</summary>
public static class OrderStatuses
{
    public const string Paid = "PAID";
    public const string PartiallyRefunded = "PARTIALLY_REFUNDED";
    public const string Refunded = "REFUNDED";

    public const string Unfulfilled = "UNFULFILLED";
    public const string PartiallyFulfilled = "PARTIALLY_FULFILLED";
    public const string Fulfilled = "FULFILLED";
    public const string Restocked = "RESTOCKED";
}

/// <summary>Statuses of a fulfillment order (FulfillmentOrderStatus).</summary>
public static class FulfillmentOrderStatuses
{
    public const string Open = "OPEN";
    public const string InProgress = "IN_PROGRESS";
    public const string Closed = "CLOSED";
    public const string Cancelled = "CANCELLED";
}

/// <summary>RefundLineItemRestockType values.</summary>
public static class RestockTypes
{
    public const string Return = "RETURN";
    public const string Cancel = "CANCEL";
    public const string LegacyRestock = "LEGACY_RESTOCK";
    public const string NoRestock = "NO_RESTOCK";

    public static IReadOnlyList<string> All { get; } = [Return, Cancel, LegacyRestock, NoRestock];
}

/// <summary>
/// An order as checkout wrote it, plus what happened to it since. Money is in the shop's currency
/// (presentment = shop currency: the mirror has no multi-currency).
/// </summary>
public sealed class OrderRecord
{
    public long Id { get; set; }

    /// <summary>1001, 1002…: Shopify's order_number; <see cref="Name"/> is "#1001".</summary>
    public int Number { get; set; }

    public required string Name { get; set; }

    /// <summary>The order's status-page token (what the confirmation page is addressed by).</summary>
    public required string Token { get; set; }

    /// <summary>The checkout token or the caller's idempotency key: the same one places the order only once.</summary>
    public string? SourceIdentifier { get; set; }

    public string SourceName { get; set; } = "web";

    public required string Email { get; set; }

    public string? Phone { get; set; }

    public long? CustomerId { get; set; }

    public long? ShippingAddressId { get; set; }

    public bool BuyerAcceptsMarketing { get; set; }

    public required string Currency { get; set; }

    public decimal SubtotalPrice { get; set; }

    public decimal TotalTax { get; set; }

    public decimal TotalShipping { get; set; }

    public decimal TotalPrice { get; set; }

    /// <summary>What the shopper paid (captured at checkout).</summary>
    public decimal TotalReceived { get; set; }

    public decimal TotalRefunded { get; set; }

    public decimal TaxRate { get; set; }

    public string TaxTitle { get; set; } = "Sales Tax";

    public string ShippingTitle { get; set; } = "Standard";

    public string Gateway { get; set; } = "shopify_payments";

    public string FinancialStatus { get; set; } = OrderStatuses.Paid;

    public string FulfillmentStatus { get; set; } = OrderStatuses.Unfulfilled;

    public string? Note { get; set; }

    public string? StaffNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>OrderCancelReason (CUSTOMER, DECLINED, FRAUD, INVENTORY, STAFF, OTHER).</summary>
    public string? CancelReason { get; set; }

    /// <summary>Archived: set when the order is paid and fulfilled, or cancelled (Shopify's default auto-archive).</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>
/// One line of an order. Quantities: <see cref="FulfilledQuantity"/> shipped; <see cref="RemovedQuantity"/>
/// unshipped units taken off by a refund or a cancellation; <see cref="ReturnedQuantity"/> shipped units refunded.
/// </summary>
public sealed class OrderLineRecord
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public int Position { get; set; }

    public long? VariantId { get; set; }

    public long? ProductId { get; set; }

    public long InventoryItemId { get; set; }

    public string? Sku { get; set; }

    public required string Title { get; set; }

    public string? VariantTitle { get; set; }

    public string Vendor { get; set; } = string.Empty;

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    /// <summary>Tax on the whole line (price × quantity × rate, to the cent).</summary>
    public decimal TaxAmount { get; set; }

    public int FulfilledQuantity { get; set; }

    public int RemovedQuantity { get; set; }

    public int ReturnedQuantity { get; set; }

    public int CurrentQuantity => Quantity - RemovedQuantity - ReturnedQuantity;

    public int UnfulfilledQuantity => Quantity - FulfilledQuantity - RemovedQuantity;
}

/// <summary>The units of an order one location is to ship (Shopify splits an order by location).</summary>
public sealed class FulfillmentOrderRecord
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long LocationId { get; set; }

    public string Status { get; set; } = FulfillmentOrderStatuses.Open;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FulfillmentOrderLineRecord
{
    public long Id { get; set; }

    public long FulfillmentOrderId { get; set; }

    public long LineItemId { get; set; }

    public int TotalQuantity { get; set; }

    public int RemainingQuantity { get; set; }
}

/// <summary>A shipment: units of one or more fulfillment orders of one location, with tracking.</summary>
public sealed class FulfillmentRecord
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long LocationId { get; set; }

    /// <summary>"#1001.1", "#1001.2"… per order.</summary>
    public required string Name { get; set; }

    /// <summary>FulfillmentStatus; manual fulfillments are SUCCESS at once.</summary>
    public string Status { get; set; } = "SUCCESS";

    public string? TrackingCompany { get; set; }

    /// <summary>Tracking numbers, one per line.</summary>
    public string TrackingNumbers { get; set; } = string.Empty;

    /// <summary>Tracking URLs, one per line, in the order of the numbers.</summary>
    public string TrackingUrls { get; set; } = string.Empty;

    public bool NotifyCustomer { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FulfillmentLineRecord
{
    public long Id { get; set; }

    public long FulfillmentId { get; set; }

    public long LineItemId { get; set; }

    public long FulfillmentOrderLineId { get; set; }

    public int Quantity { get; set; }
}

public sealed class RefundRecord
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public string? Note { get; set; }

    public decimal TotalRefunded { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class RefundLineRecord
{
    public long Id { get; set; }

    public long RefundId { get; set; }

    public long LineItemId { get; set; }

    public int Quantity { get; set; }

    public string RestockType { get; set; } = RestockTypes.NoRestock;

    public long? LocationId { get; set; }

    public bool Restocked { get; set; }

    public decimal Subtotal { get; set; }

    public decimal TotalTax { get; set; }
}

/// <summary>Money moving: the SALE captured at checkout, REFUNDs after.</summary>
public sealed class TransactionRecord
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long? RefundId { get; set; }

    public long? ParentId { get; set; }

    /// <summary>OrderTransactionKind: SALE, REFUND.</summary>
    public required string Kind { get; set; }

    public string Status { get; set; } = "SUCCESS";

    public required string Gateway { get; set; }

    public decimal Amount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
