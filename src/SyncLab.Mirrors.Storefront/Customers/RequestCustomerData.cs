using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
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

    private static Task<Results<Ok<Result>, ProblemHttpResult>> RequestAsync(string id, ShopRequest shop, CancellationToken ct)
    {
        var requestId = NextId(shop.Clock.GetUtcNow());
        return CustomerCompliance.SendAsync(
            id, shop, WebhookTopics.CustomersDataRequest, (customer, orders) => CustomerPayloads.DataRequest(customer, orders, requestId, shop.Settings),
            s => $"customer {s.Customer.Email} data request {requestId} ({s.Orders.Count} orders requested, {s.Deliveries} compliance deliveries)",
            "/_synclab/storefront/customers/data-request",
            s => new Result(Gid.Customer(s.Customer.Id), requestId, s.Orders, s.Deliveries), ct);
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
