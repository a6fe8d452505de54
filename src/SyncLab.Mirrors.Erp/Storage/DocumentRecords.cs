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

    public ShipTo ShipTo { get; set; } = new();

    public string CurrencyCode { get; set; } = string.Empty;

    public string PhoneNumber { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public decimal TotalAmountExcludingTax { get; set; }

    /// <summary>The lines' sales tax (each rounded to the cent).</summary>
    public decimal TotalTaxAmount { get; set; }

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

    /// <summary>The sales tax rate of the order's date (the company's tax setup), as a percentage.</summary>
    public decimal TaxPercent { get; set; }

    public Guid LocationId { get; set; }
}

/// <summary>Where the goods go: the customer's address unless the order says otherwise (a web order's shipping address).</summary>
internal sealed class ShipTo
{
    /// <summary>A copy for another document: owned values are not shared between rows.</summary>
    public ShipTo Copy() => (ShipTo)MemberwiseClone();

    public string Name { get; set; } = string.Empty;

    public string Contact { get; set; } = string.Empty;

    public string AddressLine1 { get; set; } = string.Empty;

    public string AddressLine2 { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string PostCode { get; set; } = string.Empty;
}

/// <summary>The kinds of sales document kept in <see cref="SalesDocumentRecord"/>.</summary>
internal static class SalesDocumentType
{
    /// <summary>A posted sales shipment (table 110).</summary>
    public const string Shipment = "Shipment";

    /// <summary>A posted sales invoice (table 112).</summary>
    public const string Invoice = "Invoice";

    /// <summary>A sales credit memo, draft (table 36) until posted (table 114); it keeps its id when posted, as the API's buffer does.</summary>
    public const string CreditMemo = "CreditMemo";
}

/// <summary>
/// A sales document other than an order: posted shipments and invoices (made by shipAndInvoice) and credit
/// memos (drafts until posted). One table with a discriminator; each has its own API page shape.
/// </summary>
internal sealed class SalesDocumentRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public string DocumentType { get; set; } = string.Empty;

    public string Number { get; set; } = string.Empty;

    /// <summary>False only for a credit memo not yet posted.</summary>
    public bool Posted { get; set; }

    public string ExternalDocumentNumber { get; set; } = string.Empty;

    /// <summary>Invoice date, credit memo date, or (shipments) the order's document date.</summary>
    public DateOnly DocumentDate { get; set; }

    public DateOnly PostingDate { get; set; }

    public DateOnly DueDate { get; set; }

    public Guid CustomerId { get; set; }

    public string CustomerNumber { get; set; } = string.Empty;

    public string CustomerName { get; set; } = string.Empty;

    public string AddressLine1 { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public ShipTo ShipTo { get; set; } = new();

    public string CurrencyCode { get; set; } = string.Empty;

    public string PhoneNumber { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    /// <summary>The sales order this was posted from (shipments and invoices).</summary>
    public Guid OrderId { get; set; }

    public string OrderNumber { get; set; } = string.Empty;

    /// <summary>The posted invoice a credit memo applies to ("Applies-to Doc. No."), if any.</summary>
    public Guid InvoiceId { get; set; }

    public string InvoiceNumber { get; set; } = string.Empty;

    public decimal TotalAmountExcludingTax { get; set; }

    /// <summary>Open amount of the customer ledger entry of a posted invoice or credit memo.</summary>
    public decimal RemainingAmount { get; set; }

    /// <summary>Draft (credit memo not posted), Open, Paid; shipments have none.</summary>
    public string Status { get; set; } = string.Empty;

    public DateTimeOffset LastModifiedDateTime { get; set; }

    public long Version { get; set; }
}

/// <summary>A line of a <see cref="SalesDocumentRecord"/>; item lines only.</summary>
internal sealed class SalesDocumentLineRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public Guid DocumentId { get; set; }

    public string DocumentType { get; set; } = string.Empty;

    /// <summary>The document's number, which changes when a credit memo is posted.</summary>
    public string DocumentNumber { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public Guid ItemId { get; set; }

    public string LineType { get; set; } = "Item";

    public string LineObjectNumber { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string UnitOfMeasureCode { get; set; } = string.Empty;

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public Guid LocationId { get; set; }

    public DateOnly ShipmentDate { get; set; }
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
