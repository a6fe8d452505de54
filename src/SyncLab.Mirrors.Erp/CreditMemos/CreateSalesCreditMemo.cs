using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Customers;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Posting;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Sales;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.CreditMemos;

/// <summary>
/// <c>POST companies({id})/salesCreditMemos</c>: a draft credit memo (a return or refund) for a customer, lines
/// inline in <c>salesCreditMemoLines</c> (itemId or lineObjectNumber, quantity, unitPrice), optionally applied
/// to a posted invoice by <c>invoiceId</c> and/or <c>invoiceNumber</c>. Nothing is posted until
/// <c>Microsoft.NAV.post</c>.
/// </summary>
internal static class CreateSalesCreditMemo
{
    private static readonly string[] Writable =
    [
        "externalDocumentNumber", "creditMemoDate", "postingDate", "dueDate", "customerId", "customerNumber", "currencyCode", "email", "phoneNumber",
        "invoiceId", "invoiceNumber", "salesCreditMemoLines",
    ];

    private static readonly string[] ReadOnly =
        ["id", "number", "status", "lastModifiedDateTime", "totalAmountExcludingTax", "totalAmountIncludingTax", "totalTaxAmount", "customerName"];

    private static readonly string[] Unsupported = ["customerReturnReasonId", "paymentTermsId", "shipmentMethodId", "currencyId", "discountAmount", "salesperson"];

    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(request.Body, SalesCreditMemosPage.CreditMemos.EntityName, Writable, ReadOnly, Unsupported);
        var db = request.Service<ErpDb>();
        var company = request.Service<ErpCompany>();
        var clock = request.Service<TimeProvider>();

        var customer = await CustomerLookup.FindAsync(db, body, cancellationToken);
        try
        {
            CustomerRules.EnsureCanCreate(customer, creditMemo: true);
        }
        catch (BusinessRuleException rule)
        {
            throw new VendorError(400, rule.Code, rule.Message);
        }
        var invoice = await InvoiceAsync(db, body, customer, cancellationToken);
        var date = body.Date("creditMemoDate") ?? ErpTime.Today(clock, company.TimeZone);
        var lines = DocumentLines.Inline(body, "salesCreditMemoLines", SalesCreditMemosPage.Lines.EntityName);

        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var now = ErpTime.Now(clock);
        var memo = new SalesDocumentRecord
        {
            DocumentType = SalesDocumentType.CreditMemo,
            Posted = false,
            ExternalDocumentNumber = body.String("externalDocumentNumber") ?? string.Empty,
            DocumentDate = date,
            PostingDate = body.Date("postingDate") ?? date,
            DueDate = body.Date("dueDate") ?? date,
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
            InvoiceId = invoice?.Id ?? Guid.Empty,
            InvoiceNumber = invoice?.Number ?? string.Empty,
            Status = "Draft",
            LastModifiedDateTime = now,
            Seq = await lease.NextSeqAsync<SalesDocumentRecord>(cancellationToken),
            Version = lease.NextVersion(),
        };
        try
        {
            memo.Number = await NumberSeries.NextAsync(db, NumberSeries.SalesCreditMemo, date, cancellationToken);
            memo.Id = StableIds.For(company.Seed, SalesDocumentType.CreditMemo, memo.Number);
            var sequence = 0;
            foreach (var line in lines)
            {
                sequence = DocumentLines.NextSequence(line, sequence);
                var resolved = await DocumentLines.ResolveAsync(db, line, sequence, cancellationToken);
                var record = SalesPosting.Line(company, memo, sequence, resolved.Item.Id, resolved.Item.Number, resolved.Description,
                    resolved.Item.BaseUnitOfMeasureCode, resolved.Quantity, resolved.UnitPrice, Guid.Empty, DateOnly.MinValue);
                record.Seq = await lease.NextSeqAsync<SalesDocumentLineRecord>(cancellationToken);
                db.SalesDocumentLines.Add(record);
                memo.TotalAmountExcludingTax += record.Quantity * record.UnitPrice;
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
        db.SalesDocuments.Add(memo);
        await db.SaveChangesAsync(cancellationToken);

        request.Service<MirrorLedger>().RecordEffect(
            string.Create(CultureInfo.InvariantCulture,
                $"erp: sales credit memo {memo.Number} (draft) for {customer.Number} ({memo.ExternalDocumentNumber}){(invoice is null ? string.Empty : $" against invoice {invoice.Number}")} with {lines.Count} line(s), {memo.TotalAmountExcludingTax} {memo.CurrencyCode}"),
            $"salesCreditMemos({memo.Id})");
        request.Service<ChangeNotifier>().Publish(new Change("salesCreditMemos", memo.Id, "created", now));
        return VendorResponse.Entity(201, SalesCreditMemosPage.CreditMemos, memo, SalesCreditMemosPage.EntityContext(request));
    }

    /// <summary>The posted invoice named by invoiceId and/or invoiceNumber (BC's labels for a mismatch); null if neither.</summary>
    private static async Task<SalesDocumentRecord?> InvoiceAsync(ErpDb db, RequestBody body, CustomerRecord customer, CancellationToken cancellationToken)
    {
        var id = body.Guid("invoiceId");
        var number = body.String("invoiceNumber")?.Trim().ToUpperInvariant();
        if (id is null && string.IsNullOrEmpty(number))
        {
            return null;
        }
        var invoices = db.SalesDocuments.AsNoTracking().Where(d => d.DocumentType == SalesDocumentType.Invoice);
        SalesDocumentRecord? invoice;
        if (id is { } invoiceId)
        {
            invoice = await invoices.FirstOrDefaultAsync(d => d.Id == invoiceId, cancellationToken)
                ?? throw VendorError.Dialog("The \"invoiceId\" does not match to an Invoice.");
            if (!string.IsNullOrEmpty(number) && invoice.Number != number)
            {
                throw VendorError.Dialog("The \"invoiceId\" and \"invoiceNumber\" do not match to a specific Invoice.");
            }
        }
        else
        {
            invoice = await invoices.FirstOrDefaultAsync(d => d.Number == number, cancellationToken)
                ?? throw VendorError.Dialog("The \"invoiceNumber\" does not match to an Invoice.");
        }
        if (invoice.CustomerId != customer.Id)
        {
            throw VendorError.Dialog($"Invoice {invoice.Number} is not a document of customer {customer.Number}: a credit memo can only be applied to the same customer's invoice.");
        }
        return invoice;
    }
}
