using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

public sealed record BcCustomer(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("email")] string? Email);

public sealed record BcNewCustomer(
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("phoneNumber")] string? PhoneNumber,
    [property: JsonPropertyName("addressLine1")] string? AddressLine1,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("postalCode")] string? PostalCode,
    [property: JsonPropertyName("country")] string? Country);

/// <summary>A sales document header as the engine reads it back (orders and posted invoices share these fields).</summary>
public sealed record BcSalesDocument(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("externalDocumentNumber")] string ExternalDocumentNumber)
{
    /// <summary>The day the document posts on (orders: when shipped and invoiced).</summary>
    [JsonPropertyName("postingDate")]
    public DateOnly? PostingDate { get; init; }
}

public sealed record BcNewSalesOrder(
    [property: JsonPropertyName("externalDocumentNumber")] string ExternalDocumentNumber,
    [property: JsonPropertyName("orderDate")] DateOnly OrderDate,
    [property: JsonPropertyName("customerId")] Guid CustomerId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("salesOrderLines")] IReadOnlyList<BcNewSalesOrderLine> Lines)
{
    /// <summary>The day the order posts on; the order's own day unless its books are closed (see <c>ClosedBooks</c>).</summary>
    [JsonPropertyName("postingDate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? PostingDate { get; init; }
}

public sealed record BcNewSalesOrderLine(
    [property: JsonPropertyName("lineType")] string LineType,
    [property: JsonPropertyName("itemId")] Guid ItemId,
    [property: JsonPropertyName("quantity")] decimal Quantity,
    [property: JsonPropertyName("unitPrice")] decimal UnitPrice);

/// <summary>A posted sales invoice as the engine reads it: enough to credit it.</summary>
public sealed record BcSalesInvoice(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("externalDocumentNumber")] string ExternalDocumentNumber,
    [property: JsonPropertyName("customerId")] Guid CustomerId);

public sealed record BcNewSalesCreditMemo(
    [property: JsonPropertyName("externalDocumentNumber")] string ExternalDocumentNumber,
    [property: JsonPropertyName("creditMemoDate")] DateOnly CreditMemoDate,
    [property: JsonPropertyName("customerId")] Guid CustomerId,
    [property: JsonPropertyName("invoiceId")] Guid? InvoiceId,
    [property: JsonPropertyName("salesCreditMemoLines")] IReadOnlyList<BcNewSalesOrderLine> Lines)
{
    /// <summary>The day the memo posts on; its own day unless the books are closed for it (see <c>ClosedBooks</c>).</summary>
    [JsonPropertyName("postingDate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? PostingDate { get; init; }
}

/// <summary>A sales credit memo as the engine reads it back: Draft until posted.</summary>
public sealed record BcCreditMemo(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("externalDocumentNumber")] string ExternalDocumentNumber,
    [property: JsonPropertyName("status")] string Status)
{
    [JsonPropertyName("postingDate")]
    public DateOnly? PostingDate { get; init; }
}

/// <summary>One rate of the ERP's sales tax setup (the commerce connector's salesTaxRates page); a blank date is 0001-01-01.</summary>
public sealed record BcSalesTaxRate(
    [property: JsonPropertyName("effectiveDate")] DateOnly EffectiveDate,
    [property: JsonPropertyName("taxPercent")] decimal TaxPercent);
