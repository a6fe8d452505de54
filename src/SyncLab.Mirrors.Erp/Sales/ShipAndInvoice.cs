using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Posting;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>
/// <c>POST companies({id})/salesOrders({id})/Microsoft.NAV.shipAndInvoice</c> → 204 No Content, as BC answers.
/// Posts the whole order at its posting date: a posted sales shipment and a posted sales invoice with the
/// order's lines (numbers from the S-SHPT and S-INV+ series), an item ledger entry per line (stock goes out),
/// the invoice amount on the customer's balance; then the fully posted order is deleted, as BC deletes it.
/// The caller finds the results with <c>salesInvoices?$filter=orderNumber eq '…'</c> (or externalDocumentNumber).
/// </summary>
internal static class ShipAndInvoice
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var db = request.Service<ErpDb>();
        var company = request.Service<ErpCompany>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var order = await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw VendorError.RecordNotFound("Sales Header", id);
        var lines = await db.SalesOrderLines.Where(l => l.DocumentId == id).OrderBy(l => l.Sequence).ToListAsync(cancellationToken);
        if (lines.Count == 0)
        {
            throw VendorError.Dialog("There is nothing to post.");
        }
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == order.CustomerId, cancellationToken)
            ?? throw VendorError.Dialog($"The Customer does not exist. Identification fields and values: No.='{order.CustomerNumber}'");
        var itemIds = lines.Select(l => l.ItemId).Distinct().ToList();
        var items = await db.Items.Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        SalesPosting.EnsureCanPost(request.Service<PostingPeriod>(), order.PostingDate, customer, creditMemo: false, items.Values);

        var now = ErpTime.Now(request.Service<TimeProvider>());
        var shipment = Posted(order, SalesDocumentType.Shipment, await NumberSeries.NextAsync(db, NumberSeries.PostedSalesShipment, order.PostingDate, cancellationToken), company, now);
        var invoice = Posted(order, SalesDocumentType.Invoice, await NumberSeries.NextAsync(db, NumberSeries.PostedSalesInvoice, order.PostingDate, cancellationToken), company, now);
        foreach (var document in new[] { shipment, invoice })
        {
            document.Seq = await lease.NextSeqAsync<SalesDocumentRecord>(cancellationToken);
            document.Version = lease.NextVersion();
            db.SalesDocuments.Add(document);
        }
        foreach (var line in lines)
        {
            foreach (var document in new[] { shipment, invoice })
            {
                var posted = SalesPosting.Line(company, document, line.Sequence, line.ItemId, line.LineObjectNumber, line.Description, line.UnitOfMeasureCode,
                    line.Quantity, line.UnitPrice, line.LocationId, order.PostingDate);
                posted.Seq = await lease.NextSeqAsync<SalesDocumentLineRecord>(cancellationToken);
                db.SalesDocumentLines.Add(posted);
            }
            await SalesPosting.PostItemAsync(db, lease, company, items[line.ItemId], -line.Quantity, line.UnitPrice,
                SalesPosting.ShipmentDocument, shipment.Number, order.PostingDate, customer, now, cancellationToken);
        }
        customer.BalanceDue += invoice.TotalAmountExcludingTax;
        db.SalesOrderLines.RemoveRange(lines);
        db.SalesOrders.Remove(order);
        await db.SaveChangesAsync(cancellationToken);

        var ledger = request.Service<MirrorLedger>();
        ledger.RecordEffect(
            string.Create(CultureInfo.InvariantCulture,
                $"erp: sales order {order.Number} ({order.ExternalDocumentNumber}) shipped and invoiced on {order.PostingDate:yyyy-MM-dd}: shipment {shipment.Number}, invoice {invoice.Number}, {invoice.TotalAmountExcludingTax} {invoice.CurrencyCode}; stock {string.Join(", ", lines.Select(l => $"{l.LineObjectNumber.TrimEnd()} -{l.Quantity}"))}; order deleted"),
            $"salesInvoices({invoice.Id})");
        var notifier = request.Service<ChangeNotifier>();
        notifier.Publish(new Change("salesShipments", shipment.Id, "created", now));
        notifier.Publish(new Change("salesInvoices", invoice.Id, "created", now));
        notifier.Publish(new Change("salesOrders", order.Id, "deleted", now));
        foreach (var itemId in itemIds)
        {
            notifier.Publish(new Change("items", itemId, "updated", now));
        }
        return VendorResponse.NoContent;
    }

    /// <summary>The posted shipment or invoice header of an order: the order's header, a new number, posted now.</summary>
    private static SalesDocumentRecord Posted(SalesOrderRecord order, string type, string number, ErpCompany company, DateTimeOffset now) => new()
    {
        Id = StableIds.For(company.Seed, type, number),
        DocumentType = type,
        Number = number,
        Posted = true,
        ExternalDocumentNumber = order.ExternalDocumentNumber,
        DocumentDate = order.OrderDate,
        PostingDate = order.PostingDate,
        DueDate = order.PostingDate,
        CustomerId = order.CustomerId,
        CustomerNumber = order.CustomerNumber,
        CustomerName = order.CustomerName,
        AddressLine1 = order.AddressLine1,
        City = order.City,
        Country = order.Country,
        PostalCode = order.PostalCode,
        ShipTo = order.ShipTo.Copy(),
        CurrencyCode = order.CurrencyCode,
        PhoneNumber = order.PhoneNumber,
        Email = order.Email,
        OrderId = order.Id,
        OrderNumber = order.Number,
        TotalAmountExcludingTax = order.TotalAmountExcludingTax,
        RemainingAmount = type == SalesDocumentType.Invoice ? order.TotalAmountExcludingTax : 0m,
        Status = type != SalesDocumentType.Invoice ? string.Empty : order.TotalAmountExcludingTax == 0 ? "Paid" : "Open",
        LastModifiedDateTime = now,
    };
}
