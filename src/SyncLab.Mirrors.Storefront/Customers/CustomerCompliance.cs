using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary>
/// What the merchant's compliance actions on a customer share (a data request, a redaction): the customer named in the
/// route (gid or number; 404 problem when the shop has none) and their orders, one compliance webhook queued with the
/// payload made from them, the ledger's effect, and the webhooks woken — under the shop's write gate.
/// </summary>
internal static class CustomerCompliance
{
    public sealed record Sent(CustomerRecord Customer, IReadOnlyList<long> Orders, int Deliveries);

    public static async Task<Results<Ok<TResult>, ProblemHttpResult>> SendAsync<TResult>(
        string id, ShopRequest shop, string topic, Func<CustomerRecord, IReadOnlyList<long>, string> payload,
        Func<Sent, string> effect, string ledgerPath, Func<Sent, TResult> result, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var customerId = Gid.TryParse(Uri.UnescapeDataString(id), "Customer") ?? (long.TryParse(id, out var n) ? n : 0);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            return AdminApi.Problem("customer-not-found", "No such customer", $"The shop has no customer '{id}'.", StatusCodes.Status404NotFound);
        }
        var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == customer.Id).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var deliveries = await shop.Webhooks.EnqueueAsync(db, topic, () => payload(customer, orders), ct);
        await db.SaveChangesAsync(ct);
        var sent = new Sent(customer, orders, deliveries);
        shop.Ledger.RecordEffect(effect(sent), ledgerPath);
        shop.Webhooks.Notify();
        return TypedResults.Ok(result(sent));
    }
}
