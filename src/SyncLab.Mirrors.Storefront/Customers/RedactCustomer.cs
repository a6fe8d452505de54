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
/// <c>POST /_synclab/storefront/customers/{id}/redact</c>: the merchant has processed a customer's erasure
/// request, so Shopify sends the app's compliance endpoint customers/redact (shop_id, shop_domain,
/// customer {id, email, phone}, orders_to_redact). The delivery is at once here; Shopify waits (10 days, or
/// until six months after the last order). The mirror's own customer record is left as it is.
/// </summary>
public static class RedactCustomer
{
    public sealed record Result(string CustomerId, IReadOnlyList<long> OrdersToRedact, int Deliveries);

    internal static void Map(RouteGroupBuilder group) => group.MapPost("/customers/{id}/redact", RedactAsync);

    private static async Task<Results<Ok<Result>, ProblemHttpResult>> RedactAsync(string id, ShopRequest shop, CancellationToken ct)
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
        var deliveries = await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersRedact, () => CustomerPayloads.Redact(customer, orders, shop.Settings), ct);
        await db.SaveChangesAsync(ct);
        shop.Ledger.RecordEffect(
            $"customer {customer.Email} redaction requested ({orders.Count} orders to redact, {deliveries} compliance deliveries)",
            "/_synclab/storefront/customers/redact");
        shop.Webhooks.Notify();
        return TypedResults.Ok(new Result(Gid.Customer(customer.Id), orders, deliveries));
    }
}
