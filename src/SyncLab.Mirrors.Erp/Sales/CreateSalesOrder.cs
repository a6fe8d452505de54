using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Sales;

/// <summary>
/// <c>POST companies({id})/salesOrders</c>, lines inline in <c>salesOrderLines</c> (deep insert), and
/// <c>POST salesOrders({id})/salesOrderLines</c>. The ERP's faults apply: a blocked item, or a posting
/// date outside the allowed range, refuse the whole document.
/// </summary>
internal static class CreateSalesOrder
{
    private static readonly string[] HeaderFields =
        ["externalDocumentNumber", "orderDate", "postingDate", "customerId", "customerNumber", "currencyCode", "email", "phoneNumber", "salesOrderLines"];

    private static readonly string[] LineFields = ["lineType", "lineObjectNumber", "itemId", "description", "quantity", "unitPrice", "sequence"];

    private static readonly string[] ReadOnlyFields = ["id", "number", "status", "lastModifiedDateTime", "totalAmountExcludingTax", "totalAmountIncludingTax"];

    public static async Task<VendorResponse> OrderAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(request.Body, SalesOrderShapes.Orders.EntityName, HeaderFields, ReadOnlyFields);
        var db = request.Service<ErpDb>();
        var company = request.Service<ErpCompany>();
        var clock = request.Service<TimeProvider>();

        var customer = await FindCustomerAsync(db, body, cancellationToken);
        var orderDate = body.Date("orderDate") ?? ErpTime.Today(clock, company.TimeZone);
        var postingDate = body.Date("postingDate") ?? orderDate;
        var lines = body.Raw("salesOrderLines") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(l => RequestBody.Of(l, SalesOrderShapes.Lines.EntityName, LineFields, ReadOnlyFields)).ToList()
            : [];

        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var now = ErpTime.Now(clock);
        var seq = await lease.NextSeqAsync<SalesOrderRecord>(cancellationToken);
        var order = new SalesOrderRecord
        {
            Id = StableIds.For(company.Seed, "salesOrder", seq.ToString(CultureInfo.InvariantCulture)),
            Seq = seq,
            Number = $"S-ORD{101000 + seq:000000}",
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
            CurrencyCode = body.String("currencyCode") ?? customer.CurrencyCode,
            PhoneNumber = body.String("phoneNumber") ?? customer.PhoneNumber,
            Email = body.String("email") ?? customer.Email,
            LastModifiedDateTime = now,
            Version = lease.NextVersion(),
        };
        try
        {
            request.Service<PostingPeriod>().EnsureOpen(postingDate);
            var sequence = 0;
            foreach (var line in lines)
            {
                sequence += 10_000;
                var record = await LineAsync(db, line, order, sequence, company, cancellationToken);
                record.Seq = await lease.NextSeqAsync<SalesOrderLineRecord>(cancellationToken);
                db.SalesOrderLines.Add(record);
                order.TotalAmountExcludingTax += record.Quantity * record.UnitPrice;
            }
        }
        catch (BusinessRuleException rule)
        {
            db.ChangeTracker.Clear();
            throw new VendorError(400, rule.Code, rule.Message);
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
        var body = RequestBody.Of(request.Body, SalesOrderShapes.Lines.EntityName, LineFields, ReadOnlyFields);
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
            line = await LineAsync(db, body, order, body.Decimal("sequence") is { } s ? (int)s : last + 10_000, company, cancellationToken);
        }
        catch (BusinessRuleException rule)
        {
            throw new VendorError(400, rule.Code, rule.Message);
        }
        line.Seq = await lease.NextSeqAsync<SalesOrderLineRecord>(cancellationToken);
        db.SalesOrderLines.Add(line);
        order.TotalAmountExcludingTax += line.Quantity * line.UnitPrice;
        order.LastModifiedDateTime = ErpTime.Now(request.Service<TimeProvider>());
        order.Version = lease.NextVersion();
        await db.SaveChangesAsync(cancellationToken);
        request.Service<ChangeNotifier>().Publish(new Change("salesOrders", order.Id, "updated", order.LastModifiedDateTime));
        return VendorResponse.Entity(201, SalesOrderShapes.Lines, line, request.Context($"companies({request.Segments[0].Key})/salesOrders({request.Segments[1].Key})/salesOrderLines/$entity"));
    }

    private static async Task<CustomerRecord> FindCustomerAsync(ErpDb db, RequestBody body, CancellationToken cancellationToken)
    {
        var id = body.Guid("customerId");
        var number = body.String("customerNumber");
        if (id is null && string.IsNullOrWhiteSpace(number))
        {
            throw VendorError.Dialog("A customerNumber or a customerID must be provided.");
        }
        var key = number?.Trim().ToUpperInvariant();
        var customer = id is { } customerId
            ? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            : await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Number == key, cancellationToken);
        return customer ?? throw new VendorError(400, "Internal_RecordNotFound",
            $"The Customer does not exist. Identification fields and values: {(id is { } g ? $"Id='{{{g.ToString("D").ToUpperInvariant()}}}'" : $"No.='{number}'")}");
    }

    private static async Task<SalesOrderLineRecord> LineAsync(ErpDb db, RequestBody line, SalesOrderRecord order, int sequence, ErpCompany company, CancellationToken cancellationToken)
    {
        if (line.String("lineType") is { } type && type != "Item")
        {
            throw VendorError.BadRequest($"Only 'Item' lines are supported by this mirror, not '{type}'.");
        }
        var itemId = line.Guid("itemId");
        var number = line.String("lineObjectNumber");
        if (itemId is null && string.IsNullOrWhiteSpace(number))
        {
            throw VendorError.Dialog("An itemId or a lineObjectNumber must be provided.");
        }
        // "No." is a Code field: BC upper-cases and trims what it is given, so match on the number key.
        var key = ItemWriter.NumberKey(number ?? string.Empty);
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => itemId != null ? i.Id == itemId : i.NumberKey == key, cancellationToken)
            ?? throw new VendorError(400, "Internal_RecordNotFound", $"The Item does not exist. Identification fields and values: No.='{number ?? itemId.ToString()}'");
        ItemRules.EnsureNotBlocked(item);
        var quantity = line.Decimal("quantity") ?? 0m;
        if (quantity <= 0)
        {
            throw VendorError.Dialog($"Quantity must be positive on line {sequence} ({item.Number.TrimEnd()}).");
        }
        return new SalesOrderLineRecord
        {
            Id = StableIds.For(company.Seed, "salesOrderLine", $"{order.Id:N}|{sequence}"),
            DocumentId = order.Id,
            Sequence = sequence,
            ItemId = item.Id,
            LineObjectNumber = item.Number,
            Description = line.String("description") ?? item.DisplayName,
            UnitOfMeasureCode = item.BaseUnitOfMeasureCode,
            Quantity = quantity,
            UnitPrice = line.Decimal("unitPrice") ?? item.UnitPrice,
        };
    }
}
