using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>
/// <c>PATCH companies({id})/salesOrders({id})</c> with <c>If-Match</c>: header fields of an order not yet posted
/// (dates, external document number, contact, ship-to address). A new posting date must be in the allowed range.
/// </summary>
internal static class PatchSalesOrder
{
    private static readonly string[] Writable =
        ["externalDocumentNumber", "orderDate", "postingDate", "email", "phoneNumber", .. CreateSalesOrder.ShipToFields];

    private static readonly string[] ReadOnly =
        ["id", "number", "status", "lastModifiedDateTime", "totalAmountExcludingTax", "totalAmountIncludingTax", "customerName", "fullyShipped"];

    private static readonly string[] Unsupported = ["customerId", "customerNumber", "currencyCode", "salesOrderLines"];

    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var ifMatch = request.RequireIfMatch();
        var body = RequestBody.Of(request.Body, SalesOrderShapes.Orders.EntityName, Writable, ReadOnly, Unsupported);
        var db = request.Service<ErpDb>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var order = await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw VendorError.RecordNotFound("Sales Header", id);
        if (ifMatch != "*" && ifMatch != SalesOrderShapes.Orders.ETag!(order))
        {
            throw request.Stale();
        }
        var postingDate = body.Date("postingDate");
        if (postingDate is { } date && date != order.PostingDate)
        {
            try
            {
                request.Service<PostingPeriod>().EnsureOpen(date);
            }
            catch (BusinessRuleException rule)
            {
                throw new VendorError(400, rule.Code, rule.Message);
            }
        }
        order.ExternalDocumentNumber = body.String("externalDocumentNumber") ?? order.ExternalDocumentNumber;
        order.OrderDate = body.Date("orderDate") ?? order.OrderDate;
        order.PostingDate = postingDate ?? order.PostingDate;
        order.Email = body.String("email") ?? order.Email;
        order.PhoneNumber = body.String("phoneNumber") ?? order.PhoneNumber;
        CreateSalesOrder.ReadShipTo(body, order.ShipTo);
        order.LastModifiedDateTime = ErpTime.Now(request.Service<TimeProvider>());
        order.Version = lease.NextVersion();
        await db.SaveChangesAsync(cancellationToken);

        request.Service<MirrorLedger>().RecordEffect(
            string.Create(CultureInfo.InvariantCulture, $"erp: sales order {order.Number} changed through the API ({string.Join(", ", Writable.Where(body.Has))})"),
            $"salesOrders({order.Id})");
        request.Service<ChangeNotifier>().Publish(new Change("salesOrders", order.Id, "updated", order.LastModifiedDateTime));
        return VendorResponse.Entity(200, SalesOrderShapes.Orders, order, request.Context($"companies({request.Segments[0].Key})/salesOrders/$entity"));
    }
}
