using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Customers;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>
/// <c>POST companies({id})/salesOrders</c>, lines inline in <c>salesOrderLines</c> (deep insert), and
/// <c>POST salesOrders({id})/salesOrderLines</c>. The ERP's faults apply: a blocked item or customer, or a
/// posting date outside the allowed range, refuse the whole document. The number comes from the S-ORD series.
/// BC does not refuse a second order with the same <c>externalDocumentNumber</c>: exactly-once is the caller's job.
/// </summary>
internal static class CreateSalesOrder
{
    public static readonly string[] ShipToFields =
        ["shipToName", "shipToContact", "shipToAddressLine1", "shipToAddressLine2", "shipToCity", "shipToState", "shipToCountry", "shipToPostCode"];

    private static readonly string[] HeaderFields =
    [
        "externalDocumentNumber", "orderDate", "postingDate", "customerId", "customerNumber", "currencyCode", "email", "phoneNumber",
        "salesOrderLines", .. ShipToFields,
    ];

    private static readonly string[] ReadOnlyFields =
        ["id", "number", "status", "lastModifiedDateTime", "totalAmountExcludingTax", "totalAmountIncludingTax", "customerName", "fullyShipped"];

    public static async Task<VendorResponse> OrderAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(request.Body, SalesOrderShapes.Orders.EntityName, HeaderFields, ReadOnlyFields);
        var db = request.Service<ErpDb>();
        var company = request.Service<ErpCompany>();
        var clock = request.Service<TimeProvider>();

        var customer = await CustomerLookup.FindAsync(db, body, cancellationToken);
        var orderDate = body.Date("orderDate") ?? ErpTime.Today(clock, company.TimeZone);
        var postingDate = body.Date("postingDate") ?? orderDate;
        var lines = DocumentLines.Inline(body, "salesOrderLines", SalesOrderShapes.Lines.EntityName);
        var shipTo = ReadShipTo(body, new ShipTo
        {
            Name = customer.DisplayName,
            AddressLine1 = customer.AddressLine1,
            AddressLine2 = customer.AddressLine2,
            City = customer.City,
            State = customer.State,
            Country = customer.Country,
            PostCode = customer.PostalCode,
        });

        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var now = ErpTime.Now(clock);
        var order = new SalesOrderRecord
        {
            Seq = await lease.NextSeqAsync<SalesOrderRecord>(cancellationToken),
            ExternalDocumentNumber = body.String("externalDocumentNumber") ?? string.Empty,
            OrderDate = orderDate,
            PostingDate = postingDate,
            CustomerId = customer.Id,
            CustomerNumber = customer.Number,
            CustomerName = customer.DisplayName,
            AddressLine1 = customer.AddressLine1,
            City = customer.City,
            Country = customer.Country,
            PostalCode = customer.PostalCode,
            ShipTo = shipTo,
            CurrencyCode = body.String("currencyCode") ?? customer.CurrencyCode,
            PhoneNumber = body.String("phoneNumber") ?? customer.PhoneNumber,
            Email = body.String("email") ?? customer.Email,
            LastModifiedDateTime = now,
            Version = lease.NextVersion(),
        };
        try
        {
            // Taken inside the try: a refused order leaves the series as it was (the change tracker is cleared).
            order.Number = await NumberSeries.NextAsync(db, NumberSeries.SalesOrder, orderDate, cancellationToken);
            // A series restarted on a number an open order still has: BC's insert fails on the Sales Header's key.
            if (await db.SalesOrders.AnyAsync(o => o.Number == order.Number, cancellationToken))
            {
                throw VendorError.SameKeyExists("Sales Header", $"Document Type='Order',No.='{order.Number}'");
            }
            order.Id = StableIds.For(company.Seed, "salesOrder", order.Number);
            CustomerRules.EnsureCanCreate(customer, creditMemo: false);
            request.Service<PostingPeriod>().EnsureOpen(postingDate);
            // The tax point is the day of the sale: the order's date picks the rate, not a later posting date.
            var taxPercent = await Tax.SalesTaxRates.PercentOnAsync(db, orderDate, cancellationToken);
            var sequence = 0;
            foreach (var line in lines)
            {
                sequence = DocumentLines.NextSequence(line, sequence);
                var record = LineRecord(await DocumentLines.ResolveAsync(db, line, sequence, cancellationToken), order, company);
                record.Seq = await lease.NextSeqAsync<SalesOrderLineRecord>(cancellationToken);
                record.TaxPercent = taxPercent;
                db.SalesOrderLines.Add(record);
                order.TotalAmountExcludingTax += record.Quantity * record.UnitPrice;
                order.TotalTaxAmount += Tax.SalesTaxRates.Amount(record.Quantity, record.UnitPrice, taxPercent);
            }
        }
        catch (BusinessRuleException rule)
        {
            db.ChangeTracker.Clear();
            throw new VendorError(400, rule.Code, rule.Message);
        }
        catch (VendorError)
        {
            db.ChangeTracker.Clear();
            throw;
        }
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);

        request.Service<MirrorLedger>().RecordEffect(
            $"erp: sales order {order.Number} for {customer.Number} ({order.ExternalDocumentNumber}) with {lines.Count} line(s), {order.TotalAmountExcludingTax.ToString(CultureInfo.InvariantCulture)} {order.CurrencyCode}",
            $"salesOrders({order.Id})");
        request.Service<ChangeNotifier>().Publish(new Change("salesOrders", order.Id, "created", now));
        return VendorResponse.Entity(201, SalesOrderShapes.Orders, order, request.Context($"companies({request.Segments[0].Key})/salesOrders/$entity"));
    }

    public static async Task<VendorResponse> LineAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(request.Body, SalesOrderShapes.Lines.EntityName, DocumentLines.Fields, DocumentLines.ReadOnly);
        var db = request.Service<ErpDb>();
        var company = request.Service<ErpCompany>();
        var orderId = request.Id(1);
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var order = await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw VendorError.RecordNotFound("Sales Header", orderId);
        var last = await db.SalesOrderLines.Where(l => l.DocumentId == orderId).MaxAsync(l => (int?)l.Sequence, cancellationToken) ?? 0;
        SalesOrderLineRecord line;
        try
        {
            request.Service<PostingPeriod>().EnsureOpen(order.PostingDate);
            line = LineRecord(await DocumentLines.ResolveAsync(db, body, DocumentLines.NextSequence(body, last), cancellationToken), order, company);
        }
        catch (BusinessRuleException rule)
        {
            throw new VendorError(400, rule.Code, rule.Message);
        }
        line.Seq = await lease.NextSeqAsync<SalesOrderLineRecord>(cancellationToken);
        line.TaxPercent = await Tax.SalesTaxRates.PercentOnAsync(db, order.OrderDate, cancellationToken);
        db.SalesOrderLines.Add(line);
        order.TotalAmountExcludingTax += line.Quantity * line.UnitPrice;
        order.TotalTaxAmount += Tax.SalesTaxRates.Amount(line.Quantity, line.UnitPrice, line.TaxPercent);
        order.LastModifiedDateTime = ErpTime.Now(request.Service<TimeProvider>());
        order.Version = lease.NextVersion();
        await db.SaveChangesAsync(cancellationToken);
        request.Service<ChangeNotifier>().Publish(new Change("salesOrders", order.Id, "updated", order.LastModifiedDateTime));
        return VendorResponse.Entity(201, SalesOrderShapes.Lines, line, request.Context($"companies({request.Segments[0].Key})/salesOrders({request.Segments[1].Key})/salesOrderLines/$entity"));
    }

    /// <summary>The ship-to fields of a body over <paramref name="shipTo"/> (absent fields keep their value).</summary>
    public static ShipTo ReadShipTo(RequestBody body, ShipTo shipTo)
    {
        shipTo.Name = body.String("shipToName") ?? shipTo.Name;
        shipTo.Contact = body.String("shipToContact") ?? shipTo.Contact;
        shipTo.AddressLine1 = body.String("shipToAddressLine1") ?? shipTo.AddressLine1;
        shipTo.AddressLine2 = body.String("shipToAddressLine2") ?? shipTo.AddressLine2;
        shipTo.City = body.String("shipToCity") ?? shipTo.City;
        shipTo.State = body.String("shipToState") ?? shipTo.State;
        shipTo.Country = body.String("shipToCountry")?.ToUpperInvariant() ?? shipTo.Country;
        shipTo.PostCode = body.String("shipToPostCode") ?? shipTo.PostCode;
        return shipTo;
    }

    private static SalesOrderLineRecord LineRecord(ResolvedLine line, SalesOrderRecord order, ErpCompany company) => new()
    {
        Id = StableIds.For(company.Seed, "salesOrderLine", $"{order.Id:N}|{line.Sequence}"),
        DocumentId = order.Id,
        Sequence = line.Sequence,
        ItemId = line.Item.Id,
        LineObjectNumber = line.Item.Number,
        Description = line.Description,
        UnitOfMeasureCode = line.Item.BaseUnitOfMeasureCode,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
    };
}
