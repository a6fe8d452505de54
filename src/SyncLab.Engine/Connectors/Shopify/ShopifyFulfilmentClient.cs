using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncLab.Engine.Connectors.Shopify;

public sealed record ShopifyFulfillmentOrder(string Id, string Status, IReadOnlyList<ShopifyFulfillmentOrderLine> Lines);

public sealed record ShopifyFulfillmentOrderLine(string Id, string? Sku, int RemainingQuantity);

/// <summary>An order's shipping state: what is left to ship, and the tracking numbers already on it.</summary>
public sealed record ShopifyOrderFulfilment(string OrderId, string Name, bool Cancelled, IReadOnlyList<ShopifyFulfillmentOrder> FulfillmentOrders, IReadOnlyList<string> TrackingNumbers);

public sealed record ShopifyFulfillmentLine(string FulfillmentOrderId, string FulfillmentOrderLineId, int Quantity);

public sealed record ShopifyTracking(string? Company, string Number, string? Url);

/// <summary>A refund as the engine carries it: the order it belongs to and what was taken back.</summary>
public sealed record ShopifyRefund(
    string Id,
    string LegacyId,
    string OrderId,
    string OrderLegacyId,
    string OrderName,
    DateTimeOffset CreatedAt,
    decimal TotalRefunded,
    IReadOnlyList<ShopifyRefundLine> Lines);

public sealed record ShopifyRefundLine(string? Sku, int Quantity, string RestockType, decimal UnitPrice);

/// <summary>The order back-flow on Shopify's Admin GraphQL API: fulfillment orders, fulfillments with tracking, refunds.</summary>
public sealed class ShopifyFulfilmentClient(ShopifyAdminClient shop)
{
    /// <summary>
    /// The order's fulfillment orders (up to 5 of 25 lines each) and tracking numbers. Kept small: the query's
    /// cost is what Shopify's leaky bucket charges, and the engine paces by it.
    /// </summary>
    public async Task<ShopifyOrderFulfilment?> OrderFulfilmentAsync(string orderId, CancellationToken ct)
    {
        const string query = """
            query OrderFulfilment($id: ID!) {
              order(id: $id) {
                id name cancelledAt
                fulfillments(first: 10) { trackingInfo(first: 5) { number } }
                fulfillmentOrders(first: 5) { edges { node { id status
                  lineItems(first: 25) { edges { node { id sku remainingQuantity } } } } } }
              }
            }
            """;
        var data = await shop.SendAsync(query, new JsonObject { ["id"] = orderId }, ct);
        if (data["order"] is not JsonObject order)
        {
            return null;
        }
        var fulfillmentOrders = order["fulfillmentOrders"]!["edges"]!.AsArray().Select(e => e!["node"]!).Select(n => new ShopifyFulfillmentOrder(
            (string)n["id"]!,
            (string)n["status"]!,
            n["lineItems"]!["edges"]!.AsArray().Select(l => l!["node"]!).Select(l => new ShopifyFulfillmentOrderLine((string)l["id"]!, (string?)l["sku"], (int)l["remainingQuantity"]!)).ToList())).ToList();
        var tracking = order["fulfillments"]!.AsArray().SelectMany(f => f!["trackingInfo"]!.AsArray()).Select(t => (string?)t!["number"]).OfType<string>().ToList();
        return new ShopifyOrderFulfilment((string)order["id"]!, (string)order["name"]!, order["cancelledAt"] is not null, fulfillmentOrders, tracking);
    }

    /// <summary><c>fulfillmentCreate</c>: ships the given lines with tracking; returns the fulfillment's id.</summary>
    public async Task<string> CreateFulfillmentAsync(IReadOnlyList<ShopifyFulfillmentLine> lines, ShopifyTracking tracking, CancellationToken ct)
    {
        const string mutation = """
            mutation Fulfil($fulfillment: FulfillmentInput!) {
              fulfillmentCreate(fulfillment: $fulfillment) {
                fulfillment { id }
                userErrors { field message }
              }
            }
            """;
        var groups = new JsonArray();
        foreach (var group in lines.GroupBy(l => l.FulfillmentOrderId))
        {
            groups.Add(new JsonObject
            {
                ["fulfillmentOrderId"] = group.Key,
                ["fulfillmentOrderLineItems"] = new JsonArray(group.Select(l => (JsonNode)new JsonObject { ["id"] = l.FulfillmentOrderLineId, ["quantity"] = l.Quantity }).ToArray()),
            });
        }
        var trackingInfo = new JsonObject { ["number"] = tracking.Number, ["company"] = tracking.Company };
        if (tracking.Url is { } url)
        {
            trackingInfo["url"] = url;
        }
        var data = await shop.SendAsync(mutation, new JsonObject
        {
            ["fulfillment"] = new JsonObject { ["lineItemsByFulfillmentOrder"] = groups, ["trackingInfo"] = trackingInfo, ["notifyCustomer"] = true },
        }, ct);
        var payload = data["fulfillmentCreate"];
        if (payload?["userErrors"] is JsonArray { Count: > 0 } errors)
        {
            throw new VendorCallException("storefront", string.Join("; ", errors.Select(e => (string?)e?["message"])), transient: false);
        }
        return (string)payload!["fulfillment"]!["id"]!;
    }

    /// <summary>Every refund of the orders updated at or after <paramref name="since"/> (a refund updates its order).</summary>
    public async IAsyncEnumerable<ShopifyRefund> RefundsOfOrdersUpdatedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // Small pages: 5 orders x 5 refunds x 10 lines stay well under Shopify's single-query cost ceiling.
        const string query = """
            query RefundsSince($q: String!, $after: String) {
              orders(first: 5, after: $after, query: $q) {
                edges { node { id legacyResourceId name
                  refunds(first: 5) { id legacyResourceId createdAt totalRefundedSet { shopMoney { amount } }
                    refundLineItems(first: 10) { edges { node { quantity restockType lineItem { sku } priceSet { shopMoney { amount } } } } } }
                } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        string? after = null;
        do
        {
            var variables = new JsonObject
            {
                ["q"] = $"updated_at:>='{since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}'",
                ["after"] = after,
            };
            var data = await shop.SendAsync(query, variables, ct);
            var connection = data["orders"]!;
            foreach (var order in connection["edges"]!.AsArray().Select(e => e!["node"]!))
            {
                foreach (var refund in order["refunds"]!.AsArray().Select(r => r!))
                {
                    yield return new ShopifyRefund(
                        (string)refund["id"]!,
                        refund["legacyResourceId"]!.ToString(),
                        (string)order["id"]!,
                        order["legacyResourceId"]!.ToString(),
                        (string)order["name"]!,
                        DateTimeOffset.Parse((string)refund["createdAt"]!, CultureInfo.InvariantCulture),
                        ShopifyAdminClient.ParseMoney(refund["totalRefundedSet"]?["shopMoney"]?["amount"]) ?? 0m,
                        refund["refundLineItems"]!["edges"]!.AsArray().Select(e => e!["node"]!).Select(l => new ShopifyRefundLine(
                            (string?)l["lineItem"]?["sku"],
                            (int)l["quantity"]!,
                            (string)l["restockType"]!,
                            ShopifyAdminClient.ParseMoney(l["priceSet"]?["shopMoney"]?["amount"]) ?? 0m)).ToList());
                }
            }
            after = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
    }
}
