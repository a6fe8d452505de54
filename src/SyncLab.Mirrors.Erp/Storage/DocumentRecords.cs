namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>A sales order header (table 36, document type Order).</summary>
internal sealed class SalesOrderRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public string Number { get; set; } = string.Empty;

    public string ExternalDocumentNumber { get; set; } = string.Empty;

    public DateOnly OrderDate { get; set; }

    public DateOnly PostingDate { get; set; }

    public Guid CustomerId { get; set; }

    public string CustomerNumber { get; set; } = string.Empty;

    public string CustomerName { get; set; } = string.Empty;

    public string AddressLine1 { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string CurrencyCode { get; set; } = string.Empty;

    public string PhoneNumber { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public decimal TotalAmountExcludingTax { get; set; }

    public string Status { get; set; } = "Draft";

    public DateTimeOffset LastModifiedDateTime { get; set; }

    public long Version { get; set; }
}

internal sealed class SalesOrderLineRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>BC's "Line No.": 10000, 20000, ...</summary>
    public int Sequence { get; set; }

    public Guid ItemId { get; set; }

    public string LineType { get; set; } = "Item";

    public string LineObjectNumber { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string UnitOfMeasureCode { get; set; } = string.Empty;

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public Guid LocationId { get; set; }
}

/// <summary>An effective-dated sales price list of the commerce connector's pricing API.</summary>
internal sealed class PriceListRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string CurrencyCode { get; set; } = string.Empty;

    /// <summary>First day the prices apply, a calendar date in <see cref="TimeZone"/>.</summary>
    public DateOnly StartingDate { get; set; }

    /// <summary>Last day the prices apply; <see cref="DateOnly.MinValue"/> (BC's blank date) for open-ended lists.</summary>
    public DateOnly EndingDate { get; set; }

    public string TimeZone { get; set; } = string.Empty;

    public string Status { get; set; } = "Active";

    public DateTimeOffset LastModifiedDateTime { get; set; }
}

internal sealed class PriceListLineRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public Guid PriceListId { get; set; }

    public string PriceListCode { get; set; } = string.Empty;

    public Guid ItemId { get; set; }

    public string ItemNumber { get; set; } = string.Empty;

    public decimal UnitPrice { get; set; }

    public decimal CompareAtPrice { get; set; }

    public DateOnly StartingDate { get; set; }

    public DateOnly EndingDate { get; set; }

    public string CurrencyCode { get; set; } = string.Empty;

    public DateTimeOffset LastModifiedDateTime { get; set; }
}

/// <summary>A webhook subscription (<c>/api/v2.0/subscriptions</c>).</summary>
internal sealed class SubscriptionRecord : ISequenced
{
    public string SubscriptionId { get; set; } = string.Empty;

    public long Seq { get; set; }

    public string NotificationUrl { get; set; } = string.Empty;

    /// <summary>The resource as the subscriber wrote it.</summary>
    public string Resource { get; set; } = string.Empty;

    /// <summary>The resource reduced to "v2.0/companies(id)/items", lower case, for matching changes.</summary>
    public string ResourceKey { get; set; } = string.Empty;

    public string ClientState { get; set; } = string.Empty;

    public DateTimeOffset ExpirationDateTime { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModifiedDateTime { get; set; }

    public long Version { get; set; }
}
