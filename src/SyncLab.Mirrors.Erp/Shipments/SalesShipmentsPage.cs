using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Posting;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Shipments;

/// <summary>
/// The standard API v2.0 salesShipment and salesShipmentLine pages (read-only, as in BC): posted shipments,
/// made by <c>salesOrders({id})/Microsoft.NAV.shipAndInvoice</c>. Note the vendor's shipment line page has no
/// <c>itemId</c>: the item is <c>lineObjectNumber</c>.
/// </summary>
internal static class SalesShipmentsPage
{
    public static EntityShape<SalesDocumentLineRecord> Lines { get; } = new EntityShape<SalesDocumentLineRecord>("salesShipmentLine", "salesShipmentLines")
        .Map("id", l => l.Id)
        .Map("documentId", l => l.DocumentId)
        .Map("documentNo", l => l.DocumentNumber)
        .Map("sequence", l => l.Sequence)
        .Map("lineType", l => l.LineType)
        .Map("lineObjectNumber", l => l.LineObjectNumber)
        .Map("description", l => l.Description)
        .Constant("description2", string.Empty)
        .Map("unitOfMeasureCode", l => l.UnitOfMeasureCode)
        .Map("unitPrice", l => l.UnitPrice)
        .Map("quantity", l => l.Quantity)
        .Constant("discountPercent", 0m)
        .Constant("taxPercent", 0m)
        .Map("shipmentDate", l => l.ShipmentDate)
        .WithETag(l => ODataJson.ETag(l.Seq))
        .OrderedBy("sequence");

    public static EntityShape<SalesDocumentRecord> Shipments { get; } = new EntityShape<SalesDocumentRecord>("salesShipment", "salesShipments")
        .Map("id", d => d.Id)
        .Map("number", d => d.Number)
        .Map("externalDocumentNumber", d => d.ExternalDocumentNumber)
        .Map("invoiceDate", d => d.DocumentDate)
        .Map("postingDate", d => d.PostingDate)
        .Map("dueDate", d => d.DueDate)
        .Constant("customerPurchaseOrderReference", string.Empty)
        .Map("customerId", d => d.CustomerId)
        .Map("customerNumber", d => d.CustomerNumber)
        .Map("customerName", d => d.CustomerName)
        .Map("billToCustomerId", d => d.CustomerId)
        .Map("billToName", d => d.CustomerName)
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
        .Map("currencyCode", d => d.CurrencyCode)
        .Map("orderNumber", d => d.OrderNumber)
        .Constant("paymentTermsCode", string.Empty)
        .Constant("shipmentMethodCode", string.Empty)
        .Constant("salesperson", string.Empty)
        .Constant("pricesIncludeTax", false)
        .Map("lastModifiedDateTime", d => d.LastModifiedDateTime)
        .Map("phoneNumber", d => d.PhoneNumber)
        .Map("email", d => d.Email)
        .WithETag(d => ODataJson.ETag(d.Version))
        .OrderedBy("number")
        .Expands(DocumentPages.LinesOf("salesShipmentLines", () => Lines));

    public static void Map(VendorRoutes routes) => routes
        .AddReads(VendorRoutes.Standard, Shipments, db => db.SalesDocuments.Where(d => d.DocumentType == SalesDocumentType.Shipment), d => d.Id, "Sales Shipment Header")
        .AddLineReads(SalesDocumentType.Shipment, "salesShipments", Lines, "Sales Shipment Header");
}
