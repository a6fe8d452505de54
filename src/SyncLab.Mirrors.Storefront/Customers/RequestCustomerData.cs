using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Customers;

/// <summary>
/// <c>POST /_synclab/storefront/customers/{id}/data-request</c>: the merchant has received a customer's request for their
/// data (Customers → "Request customer data"), so Shopify sends the app's compliance endpoint customers/data_request
/// (shop_id, shop_domain, orders_requested, customer {id, email, phone}, data_request {id}). The app answers the merchant,
/// not Shopify: nothing comes back to the shop.
/// </summary>
public static class RequestCustomerData
{
    public sealed record Result(string CustomerId, long DataRequestId, IReadOnlyList<long> OrdersRequested, int Deliveries);

    private static long _lastId;

    internal static void Map(RouteGroupBuilder group) => group.MapPost("/customers/{id}/data-request", RequestAsync);

    private static async Task<Results<Ok<Result>, ProblemHttpResult>> RequestAsync(string id, ShopRequest shop, CancellationToken ct)
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
        var requestId = NextId(shop.Clock.GetUtcNow());
        var deliveries = await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersDataRequest, () => CustomerPayloads.DataRequest(customer, orders, requestId, shop.Settings), ct);
        await db.SaveChangesAsync(ct);
        shop.Ledger.RecordEffect(
            $"customer {customer.Email} data request {requestId} ({orders.Count} orders requested, {deliveries} compliance deliveries)",
            "/_synclab/storefront/customers/data-request");
        shop.Webhooks.Notify();
        return TypedResults.Ok(new Result(Gid.Customer(customer.Id), requestId, orders, deliveries));
    }

    /// <summary>Request ids grow with the business clock and never repeat in a process, even on a frozen clock.</summary>
    private static long NextId(DateTimeOffset now)
    {
        var wanted = now.ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref _lastId);
            var next = Math.Max(last + 1, wanted);
            if (Interlocked.CompareExchange(ref _lastId, next, last) == last)
            {
                return next;
            }
        }
    }
}
