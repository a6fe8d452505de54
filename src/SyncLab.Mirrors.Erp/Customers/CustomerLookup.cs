using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>The sell-to customer of a new sales document, by <c>customerId</c> or <c>customerNumber</c>.</summary>
internal static class CustomerLookup
{
    public static async Task<CustomerRecord> FindAsync(ErpDb db, RequestBody body, CancellationToken cancellationToken)
    {
        var id = body.Guid("customerId");
        var number = body.String("customerNumber");
        if (id is null && string.IsNullOrWhiteSpace(number))
        {
            throw VendorError.Dialog("A \"customerNumber\" or a \"customerId\" must be provided.");
        }
        // "No." is a Code field: what the client sends is upper-cased and trimmed before the look-up.
        var key = number?.Trim().ToUpperInvariant();
        var customer = id is { } customerId
            ? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            : await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Number == key, cancellationToken);
        if (customer is not null && id is not null && key is not null && customer.Number != key)
        {
            throw VendorError.Dialog("The sell-to customer values do not match to a specific Customer.");
        }
        return customer ?? throw new VendorError(400, "Internal_RecordNotFound",
            $"The Customer does not exist. Identification fields and values: {(id is { } g ? $"Id='{{{g.ToString("D").ToUpperInvariant()}}}'" : $"No.='{number}'")}");
    }
}
