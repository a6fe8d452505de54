using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Posting;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.CreditMemos;

/// <summary>
/// <c>POST companies({id})/salesCreditMemos({id})/Microsoft.NAV.post</c> → 204 No Content. Posts a draft at its
/// posting date (which must be allowed): a new number from S-CR+, the same id; an item ledger entry per line
/// that returns the quantity to inventory; the amount off the customer's balance; and, when the memo applies
/// to an invoice, the invoice's remaining amount goes down (status Paid at zero, as is the memo's).
/// </summary>
internal static class PostSalesCreditMemo
{
    public static async Task<VendorResponse> HandleAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id(1);
        var db = request.Service<ErpDb>();
        var company = request.Service<ErpCompany>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var memo = await db.SalesDocuments.FirstOrDefaultAsync(d => d.Id == id && d.DocumentType == SalesDocumentType.CreditMemo, cancellationToken)
            ?? throw VendorError.RecordNotFound(SalesCreditMemosPage.Table, id);
        if (memo.Posted)
        {
            throw VendorError.Dialog("The action can be applied to a draft credit memo only.");
        }
        var lines = await db.SalesDocumentLines.Where(l => l.DocumentId == id).OrderBy(l => l.Sequence).ToListAsync(cancellationToken);
        if (lines.Count == 0)
        {
            throw VendorError.Dialog("Please add at least one line item to the credit memo.");
        }
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == memo.CustomerId, cancellationToken)
            ?? throw VendorError.Dialog($"The Customer does not exist. Identification fields and values: No.='{memo.CustomerNumber}'");
        var itemIds = lines.Select(l => l.ItemId).Distinct().ToList();
        var items = await db.Items.Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        SalesPosting.EnsureCanPost(request.Service<PostingPeriod>(), memo.PostingDate, customer, creditMemo: true, items.Values);

        var now = ErpTime.Now(request.Service<TimeProvider>());
        var draftNumber = memo.Number;
        memo.Number = await NumberSeries.NextAsync(db, NumberSeries.PostedSalesCreditMemo, memo.PostingDate, cancellationToken);
        memo.Posted = true;
        foreach (var line in lines)
        {
            line.DocumentNumber = memo.Number;
            await SalesPosting.PostItemAsync(db, lease, company, items[line.ItemId], line.Quantity, line.UnitPrice,
                SalesPosting.CreditMemoDocument, memo.Number, memo.PostingDate, customer, now, cancellationToken);
        }
        customer.BalanceDue -= memo.TotalAmountExcludingTax;
        memo.RemainingAmount = memo.TotalAmountExcludingTax;
        var invoice = memo.InvoiceId == Guid.Empty
            ? null
            : await db.SalesDocuments.FirstOrDefaultAsync(d => d.Id == memo.InvoiceId && d.DocumentType == SalesDocumentType.Invoice, cancellationToken);
        if (invoice is not null)
        {
            // Applies-to Doc. No.: the two customer ledger entries close each other as far as they go.
            var applied = Math.Min(invoice.RemainingAmount, memo.RemainingAmount);
            invoice.RemainingAmount -= applied;
            memo.RemainingAmount -= applied;
            invoice.Status = invoice.RemainingAmount == 0 ? "Paid" : "Open";
            invoice.LastModifiedDateTime = now;
            invoice.Version = lease.NextVersion();
        }
        memo.Status = memo.RemainingAmount == 0 ? "Paid" : "Open";
        memo.LastModifiedDateTime = now;
        memo.Version = lease.NextVersion();
        await db.SaveChangesAsync(cancellationToken);

        request.Service<MirrorLedger>().RecordEffect(
            string.Create(CultureInfo.InvariantCulture,
                $"erp: sales credit memo {draftNumber} posted as {memo.Number} on {memo.PostingDate:yyyy-MM-dd} for {customer.Number}, {memo.TotalAmountExcludingTax} {memo.CurrencyCode}{(invoice is null ? string.Empty : $", applied to invoice {invoice.Number} (remaining {invoice.RemainingAmount})")}; stock back {string.Join(", ", lines.Select(l => $"{l.LineObjectNumber.TrimEnd()} +{l.Quantity}"))}"),
            $"salesCreditMemos({memo.Id})");
        var notifier = request.Service<ChangeNotifier>();
        notifier.Publish(new Change("salesCreditMemos", memo.Id, "updated", now));
        if (invoice is not null)
        {
            notifier.Publish(new Change("salesInvoices", invoice.Id, "updated", now));
        }
        foreach (var itemId in itemIds)
        {
            notifier.Publish(new Change("items", itemId, "updated", now));
        }
        return VendorResponse.NoContent;
    }
}
