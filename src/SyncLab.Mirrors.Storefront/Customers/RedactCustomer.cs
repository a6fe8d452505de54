using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
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

    private static Task<Results<Ok<Result>, ProblemHttpResult>> RedactAsync(string id, ShopRequest shop, CancellationToken ct) =>
        CustomerCompliance.SendAsync(
            id, shop, WebhookTopics.CustomersRedact, (customer, orders) => CustomerPayloads.Redact(customer, orders, shop.Settings),
            s => $"customer {s.Customer.Email} redaction requested ({s.Orders.Count} orders to redact, {s.Deliveries} compliance deliveries)",
            "/_synclab/storefront/customers/redact",
            s => new Result(Gid.Customer(s.Customer.Id), s.Orders, s.Deliveries), ct);
}
