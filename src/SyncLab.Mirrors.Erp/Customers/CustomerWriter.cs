using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Webhooks;

namespace SyncLab.Mirrors.Erp.Customers;

internal sealed record CustomerEditResult(EditOutcome Outcome, CustomerRecord? Customer = null);

/// <summary>
/// Every change to a customer card goes through here (standard page, webCustomers page): one writer at a
/// time, a new row version and lastModifiedDateTime from the business clock, an effect in the mirror ledger
/// and a webhook notice. The If-Match check happens inside the write gate.
/// </summary>
internal sealed class CustomerWriter(ErpDb db, ErpWriteGate gate, TimeProvider clock, MirrorLedger ledger, ChangeNotifier notifier, ErpCompany company)
{
    public async Task<CustomerRecord> CreateAsync(string? number, CustomerEdit edit, string source, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(db, cancellationToken);
        var today = ErpTime.Today(clock, company.TimeZone);
        if (string.IsNullOrEmpty(number))
        {
            // A number keyed by hand may already sit ahead of the series: take the next free one, as BC's
            // "No. Series" would make the user do.
            do
            {
                number = await NumberSeries.NextAsync(db, NumberSeries.Customer, today, cancellationToken);
            }
            while (await db.Customers.AnyAsync(c => c.Number == number, cancellationToken));
        }
        else if (await db.Customers.AnyAsync(c => c.Number == number, cancellationToken))
        {
            throw new VendorError(400, "Internal_EntityWithSameKeyExists",
                $"The record in table Customer already exists. Identification fields and values: No.='{number}'");
        }
        else
        {
            await NumberSeries.NoteUsedAsync(db, NumberSeries.Customer, number, cancellationToken);
        }

        var now = ErpTime.Now(clock);
        var customer = new CustomerRecord
        {
            Id = StableIds.For(company.Seed, "customer", number),
            Seq = await lease.NextSeqAsync<CustomerRecord>(cancellationToken),
            Number = number,
            // The customer card's defaults: a company, in the local currency, not blocked.
            Type = "Company",
            CurrencyCode = company.Currency,
            Blocked = CustomerRules.NotBlocked,
            LastModifiedDateTime = now,
            Version = lease.NextVersion(),
        };
        edit.ApplyTo(customer);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        ledger.RecordEffect($"erp: customer {customer.Number} ({customer.Email}) created by {source}", $"customers({customer.Id})");
        notifier.Publish(new Change("customers", customer.Id, "created", now));
        return customer;
    }

    /// <param name="apply">Changes the card and says what changed (for the ledger).</param>
    public async Task<CustomerEditResult> EditAsync(
        Guid id, string ifMatch, Func<CustomerRecord, IReadOnlyList<string>> apply, string source, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(db, cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return new CustomerEditResult(EditOutcome.NotFound);
        }
        if (ifMatch != "*" && ifMatch != CustomersPage.Shape.ETag!(customer))
        {
            return new CustomerEditResult(EditOutcome.Stale, customer);
        }
        var changed = apply(customer);
        var now = ErpTime.Now(clock);
        customer.Version = lease.NextVersion();
        customer.LastModifiedDateTime = now;
        await db.SaveChangesAsync(cancellationToken);
        ledger.RecordEffect($"erp: customer {customer.Number} changed by {source}: {string.Join(", ", changed)}", $"customers({customer.Id})");
        notifier.Publish(new Change("customers", customer.Id, "updated", now));
        return new CustomerEditResult(EditOutcome.Done, customer);
    }

    /// <summary>
    /// Customer.OnDelete: first the ledger entries of open fiscal years (every posted invoice or credit memo
    /// here: the mirror closes no fiscal year), then lines of documents not yet posted.
    /// </summary>
    public async Task<CustomerEditResult> DeleteAsync(Guid id, string ifMatch, CancellationToken cancellationToken)
    {
        using var lease = await gate.EnterAsync(db, cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return new CustomerEditResult(EditOutcome.NotFound);
        }
        if (ifMatch != "*" && ifMatch != CustomersPage.Shape.ETag!(customer))
        {
            return new CustomerEditResult(EditOutcome.Stale, customer);
        }
        if (await db.SalesDocuments.AnyAsync(d => d.CustomerId == id && d.Posted && d.DocumentType != SalesDocumentType.Shipment, cancellationToken))
        {
            throw VendorError.Dialog($"You cannot delete Customer {customer.Number} because it has ledger entries in a fiscal year that has not been closed yet.");
        }
        var orderIds = db.SalesOrders.Where(o => o.CustomerId == id).Select(o => o.Id);
        if (await db.SalesOrderLines.AnyAsync(l => orderIds.Contains(l.DocumentId), cancellationToken))
        {
            throw VendorError.Dialog($"You cannot delete Customer {customer.Number} because there is at least one outstanding Sales Order for this customer.");
        }
        var draftIds = db.SalesDocuments.Where(d => d.CustomerId == id && !d.Posted).Select(d => d.Id);
        if (await db.SalesDocumentLines.AnyAsync(l => draftIds.Contains(l.DocumentId), cancellationToken))
        {
            throw VendorError.Dialog($"You cannot delete Customer {customer.Number} because there is at least one outstanding Sales Credit Memo for this customer.");
        }
        db.Customers.Remove(customer);
        await db.SaveChangesAsync(cancellationToken);
        var now = ErpTime.Now(clock);
        ledger.RecordEffect($"erp: customer {customer.Number} deleted through the API", $"customers({customer.Id})");
        notifier.Publish(new Change("customers", customer.Id, "deleted", now));
        return new CustomerEditResult(EditOutcome.Done, customer);
    }
}
