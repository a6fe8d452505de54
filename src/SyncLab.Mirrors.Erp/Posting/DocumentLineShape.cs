using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Posting;

/// <summary>
/// The salesInvoiceLine and salesCreditMemoLine pages: the same fields in the same order, except that the
/// credit memo line page puts <c>unitPrice</c> before <c>quantity</c> (as Microsoft's page does).
/// </summary>
internal static class DocumentLineShape
{
    public static EntityShape<SalesDocumentLineRecord> Build(string entityName, string entitySet, bool priceBeforeQuantity)
    {
        var shape = new EntityShape<SalesDocumentLineRecord>(entityName, entitySet)
            .Map("id", l => l.Id)
            .Map("documentId", l => l.DocumentId)
            .Map("sequence", l => l.Sequence)
            .Map("itemId", l => l.ItemId)
            .Constant("accountId", Guid.Empty)
            .Map("lineType", l => l.LineType)
            .Map("lineObjectNumber", l => l.LineObjectNumber)
            .Map("description", l => l.Description)
            .Constant("description2", string.Empty)
            .Constant("unitOfMeasureId", Guid.Empty)
            .Map("unitOfMeasureCode", l => l.UnitOfMeasureCode);
        shape = priceBeforeQuantity
            ? shape.Map("unitPrice", l => l.UnitPrice).Map("quantity", l => l.Quantity)
            : shape.Map("quantity", l => l.Quantity).Map("unitPrice", l => l.UnitPrice);
        return shape
            .Constant("discountAmount", 0m)
            .Constant("discountPercent", 0m)
            .Constant("discountAppliedBeforeTax", false)
            .Map("amountExcludingTax", l => l.Quantity * l.UnitPrice)
            .Constant("taxCode", "TAXABLE")
            .Constant("taxPercent", 0m)
            .Constant("totalTaxAmount", 0m)
            .Map("amountIncludingTax", l => l.Quantity * l.UnitPrice)
            .Constant("invoiceDiscountAllocation", 0m)
            .Map("netAmount", l => l.Quantity * l.UnitPrice)
            .Constant("netTaxAmount", 0m)
            .Map("netAmountIncludingTax", l => l.Quantity * l.UnitPrice)
            .Map("shipmentDate", l => l.ShipmentDate)
            .Constant("itemVariantId", Guid.Empty)
            .Map("locationId", l => l.LocationId)
            .WithETag(l => ODataJson.ETag(l.Seq))
            .OrderedBy("sequence");
    }
}
