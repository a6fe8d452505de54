using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>
/// <c>DELETE companies({id})/salesOrders({id})</c> with <c>If-Match</c> → 204: the order and its lines go, as a
/// cancelled web order's does before anything is shipped. (Orders are never released in this mirror; once
/// shipAndInvoice has posted an order it is gone and DELETE answers 404.)
/// </summary>
internal static class DeleteSalesOrder
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.RequireIfMatch();
        var db = request.Service<ErpDb>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var order = await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw VendorError.RecordNotFound("Sales Header", id);
        if (ifMatch != "*" && ifMatch != SalesOrderShapes.Orders.ETag!(order))
        {
            throw request.Stale();
        }
        db.SalesOrderLines.RemoveRange(await db.SalesOrderLines.Where(l => l.DocumentId == id).ToListAsync(cancellationToken));
        db.SalesOrders.Remove(order);
        await db.SaveChangesAsync(cancellationToken);

        var now = ErpTime.Now(request.Service<TimeProvider>());
        request.Service<MirrorLedger>().RecordEffect($"erp: sales order {order.Number} ({order.ExternalDocumentNumber}) deleted through the API", $"salesOrders({order.Id})");
        request.Service<ChangeNotifier>().Publish(new Change("salesOrders", order.Id, "deleted", now));
        return VendorResponse.NoContent;
    }
}
