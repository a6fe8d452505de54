using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>
/// The salesOrders routes: reads with the OData query (and <c>$expand=salesOrderLines</c>), creation with lines,
/// PATCH and DELETE with If-Match, the lines of one order, and the bound action shipAndInvoice.
/// </summary>
internal static class SalesOrdersApi
{
    public static void Map(VendorRoutes routes)
    {
        routes.AddReads(VendorRoutes.Standard, SalesOrderShapes.Orders, db => db.SalesOrders, o => o.Id, "Sales Header");
        routes.Add(VendorRoutes.Standard, "POST", "companies()/salesOrders", CreateSalesOrder.OrderAsync);
        routes.Add(VendorRoutes.Standard, "PATCH", "companies()/salesOrders()", PatchSalesOrder.HandleAsync);
        routes.Add(VendorRoutes.Standard, "DELETE", "companies()/salesOrders()", DeleteSalesOrder.HandleAsync);
        routes.Add(VendorRoutes.Standard, "POST", "companies()/salesOrders()/Microsoft.NAV.shipAndInvoice", ShipAndInvoice.HandleAsync);
        routes.Add(VendorRoutes.Standard, "GET", "companies()/salesOrders()/salesOrderLines", LinesAsync);
        routes.Add(VendorRoutes.Standard, "POST", "companies()/salesOrders()/salesOrderLines", CreateSalesOrder.LineAsync);
    }

    private static async Task<VendorResponse> LinesAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var db = request.Service<ErpDb>();
        if (!await db.SalesOrders.AnyAsync(o => o.Id == id, cancellationToken))
        {
            throw VendorError.RecordNotFound("Sales Header", id);
        }
        return await CollectionPage.AnswerAsync(
            db.SalesOrderLines.Where(l => l.DocumentId == id), SalesOrderShapes.Lines, request,
            request.Context($"companies({request.Segments[0].Key})/salesOrders({request.Segments[1].Key})/salesOrderLines"),
            request.Service<ErpMirrorSettings>().PageSize, cancellationToken);
    }
}
