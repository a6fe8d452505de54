using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Posting;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Invoices;

/// <summary>
/// The standard API v2.0 salesInvoice and salesInvoiceLine pages, reads only: the posted invoices that
/// <c>shipAndInvoice</c> makes (status Open, or Paid once a credit memo settles them). Draft invoices
/// (POST salesInvoices) are not part of this mirror.
/// </summary>
internal static class SalesInvoicesPage
{
    public static EntityShape<SalesDocumentLineRecord> Lines { get; } = DocumentLineShape.Build("salesInvoiceLine", "salesInvoiceLines", priceBeforeQuantity: false);

    public static EntityShape<SalesDocumentRecord> Invoices { get; } = new EntityShape<SalesDocumentRecord>("salesInvoice", "salesInvoices")
        .Map("id", d => d.Id)
        .Map("number", d => d.Number)
        .Map("externalDocumentNumber", d => d.ExternalDocumentNumber)
        .Map("invoiceDate", d => d.DocumentDate)
        .Map("postingDate", d => d.PostingDate)
        .Map("dueDate", d => d.DueDate)
        .Constant("promisedPayDate", DateOnly.MinValue)
        .Constant("customerPurchaseOrderReference", string.Empty)
        .Map("customerId", d => d.CustomerId)
        .Map("customerNumber", d => d.CustomerNumber)
        .Map("customerName", d => d.CustomerName)
        .Map("billToName", d => d.CustomerName)
        .Map("billToCustomerId", d => d.CustomerId)
        .Map("billToCustomerNumber", d => d.CustomerNumber)
        .Map("shipToName", d => d.ShipTo.Name)
        .Map("shipToContact", d => d.ShipTo.Contact)
        .Map("sellToAddressLine1", d => d.AddressLine1)
        .Constant("sellToAddressLine2", string.Empty)
        .Map("sellToCity", d => d.City)
        .Map("sellToCountry", d => d.Country)
        .Constant("sellToState", string.Empty)
        .Map("sellToPostCode", d => d.PostalCode)
        .Map("billToAddressLine1", d => d.AddressLine1)
        .Constant("billToAddressLine2", string.Empty)
        .Map("billToCity", d => d.City)
        .Map("billToCountry", d => d.Country)
        .Constant("billToState", string.Empty)
        .Map("billToPostCode", d => d.PostalCode)
        .Map("shipToAddressLine1", d => d.ShipTo.AddressLine1)
        .Map("shipToAddressLine2", d => d.ShipTo.AddressLine2)
        .Map("shipToCity", d => d.ShipTo.City)
        .Map("shipToCountry", d => d.ShipTo.Country)
        .Map("shipToState", d => d.ShipTo.State)
        .Map("shipToPostCode", d => d.ShipTo.PostCode)
        .Constant("currencyId", Guid.Empty)
        .Constant("shortcutDimension1Code", string.Empty)
        .Constant("shortcutDimension2Code", string.Empty)
        .Map("currencyCode", d => d.CurrencyCode)
        .Map("orderId", d => d.OrderId)
        .Map("orderNumber", d => d.OrderNumber)
        .Constant("paymentTermsId", Guid.Empty)
        .Constant("shipmentMethodId", Guid.Empty)
        .Constant("salesperson", string.Empty)
        .Constant("disputeStatusId", Guid.Empty)
        .Constant("disputeStatus", string.Empty)
        .Constant("pricesIncludeTax", false)
        .Map("remainingAmount", d => d.RemainingAmount)
        .Constant("discountAmount", 0m)
        .Constant("discountAppliedBeforeTax", false)
        .Map("totalAmountExcludingTax", d => d.TotalAmountExcludingTax)
        .Constant("totalTaxAmount", 0m)
        .Map("totalAmountIncludingTax", d => d.TotalAmountExcludingTax)
        .Map("status", d => d.Status)
        .Map("lastModifiedDateTime", d => d.LastModifiedDateTime)
        .Map("phoneNumber", d => d.PhoneNumber)
        .Map("email", d => d.Email)
        .WithETag(d => ODataJson.ETag(d.Version))
        .OrderedBy("number")
        .Expands(DocumentPages.LinesOf("salesInvoiceLines", () => Lines));

    public static void Map(VendorRoutes routes) => routes
        .AddReads(VendorRoutes.Standard, Invoices, db => db.SalesDocuments.Where(d => d.DocumentType == SalesDocumentType.Invoice), d => d.Id, "Sales Invoice Entity Aggregate")
        .AddLineReads(SalesDocumentType.Invoice, "salesInvoices", Lines, "Sales Invoice Entity Aggregate");
}
