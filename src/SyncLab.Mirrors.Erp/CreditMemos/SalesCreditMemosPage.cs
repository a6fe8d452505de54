using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Posting;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.CreditMemos;

/// <summary>
/// The standard API v2.0 salesCreditMemo and salesCreditMemoLine pages: drafts (status Draft, number from
/// S-CR) and posted credit memos (status Open or Paid, number from S-CR+) in one entity set; a credit memo
/// keeps its id when posted, as the vendor's buffer table does. Routes: reads (+ <c>$expand</c>), lines,
/// POST with lines, DELETE of a draft, and the bound action <c>Microsoft.NAV.post</c>.
/// </summary>
internal static class SalesCreditMemosPage
{
    public const string Table = "Sales Cr. Memo Entity Buffer";

    public static EntityShape<SalesDocumentLineRecord> Lines { get; } = DocumentLineShape.Build("salesCreditMemoLine", "salesCreditMemoLines", priceBeforeQuantity: true);

    public static EntityShape<SalesDocumentRecord> CreditMemos { get; } = new EntityShape<SalesDocumentRecord>("salesCreditMemo", "salesCreditMemos")
        .Map("id", d => d.Id)
        .Map("number", d => d.Number)
        .Map("externalDocumentNumber", d => d.ExternalDocumentNumber)
        .Map("creditMemoDate", d => d.DocumentDate)
        .Map("postingDate", d => d.PostingDate)
        .Map("dueDate", d => d.DueDate)
        .Map("customerId", d => d.CustomerId)
        .Map("customerNumber", d => d.CustomerNumber)
        .Map("customerName", d => d.CustomerName)
        .Map("billToName", d => d.CustomerName)
        .Map("billToCustomerId", d => d.CustomerId)
        .Map("billToCustomerNumber", d => d.CustomerNumber)
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
        .Constant("shortcutDimension1Code", string.Empty)
        .Constant("shortcutDimension2Code", string.Empty)
        .Constant("currencyId", Guid.Empty)
        .Map("currencyCode", d => d.CurrencyCode)
        .Constant("paymentTermsId", Guid.Empty)
        .Constant("shipmentMethodId", Guid.Empty)
        .Constant("salesperson", string.Empty)
        .Constant("pricesIncludeTax", false)
        .Constant("discountAmount", 0m)
        .Constant("discountAppliedBeforeTax", false)
        .Map("totalAmountExcludingTax", d => d.TotalAmountExcludingTax)
        .Constant("totalTaxAmount", 0m)
        .Map("totalAmountIncludingTax", d => d.TotalAmountExcludingTax)
        .Map("status", d => d.Status)
        .Map("lastModifiedDateTime", d => d.LastModifiedDateTime)
        .Map("invoiceId", d => d.InvoiceId)
        .Map("invoiceNumber", d => d.InvoiceNumber)
        .Map("phoneNumber", d => d.PhoneNumber)
        .Map("email", d => d.Email)
        .Constant("customerReturnReasonId", Guid.Empty)
        .WithETag(d => ODataJson.ETag(d.Version))
        .OrderedBy("number")
        .Expands(DocumentPages.LinesOf("salesCreditMemoLines", () => Lines));

    public static void Map(VendorRoutes routes)
    {
        routes.AddReads(VendorRoutes.Standard, CreditMemos, db => db.SalesDocuments.Where(d => d.DocumentType == SalesDocumentType.CreditMemo), d => d.Id, Table)
            .AddLineReads(SalesDocumentType.CreditMemo, "salesCreditMemos", Lines, Table);
        routes.Add(VendorRoutes.Standard, "POST", "companies()/salesCreditMemos", CreateSalesCreditMemo.HandleAsync);
        routes.Add(VendorRoutes.Standard, "DELETE", "companies()/salesCreditMemos()", DeleteSalesCreditMemo.HandleAsync);
        routes.Add(VendorRoutes.Standard, "POST", "companies()/salesCreditMemos()/Microsoft.NAV.post", PostSalesCreditMemo.HandleAsync);
    }

    public static string EntityContext(VendorRequest request) => request.Context($"companies({request.Segments[0].Key})/salesCreditMemos/$entity");
}
