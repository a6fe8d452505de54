using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>The order operations an integration engine sends (docs/mirrors/storefront.md quotes these).</summary>
public static class OrderOperations
{
    /// <summary>Orders changed since a cursor (<c>updated_at:&gt;='…'</c>), a page at a time, with what an ERP order needs.</summary>
    public const string OrdersSince = """
        query OrdersSince($query: String!, $after: String) {
          orders(first: 10, after: $after, query: $query) {
            pageInfo { hasNextPage endCursor }
            edges { cursor node {
              id legacyResourceId name email phone createdAt updatedAt processedAt cancelledAt cancelReason closed
              displayFinancialStatus displayFulfillmentStatus currencyCode customerAcceptsMarketing
              subtotalPriceSet { shopMoney { amount currencyCode } }
              totalShippingPriceSet { shopMoney { amount currencyCode } }
              totalTaxSet { shopMoney { amount currencyCode } }
              totalPriceSet { shopMoney { amount currencyCode } }
              totalRefundedSet { shopMoney { amount currencyCode } }
              taxLines { title rate priceSet { shopMoney { amount } } }
              customer { id email firstName lastName phone }
              shippingAddress { firstName lastName company address1 address2 city province provinceCode zip country countryCodeV2 phone }
              lineItems(first: 10) { edges { node {
                id sku title variantTitle quantity currentQuantity unfulfilledQuantity
                variant { id }
                originalUnitPriceSet { shopMoney { amount currencyCode } }
                taxLines { title rate priceSet { shopMoney { amount } } }
              } } }
            } }
          }
        }
        """;

    /// <summary>What is left to ship of an order, per fulfillment order (the ids fulfillmentCreate takes).</summary>
    public const string FulfillmentOrders = """
        query FulfillmentOrders($id: ID!) {
          order(id: $id) {
            id name displayFulfillmentStatus
            fulfillmentOrders(first: 5) { nodes {
              id status assignedLocation { name location { id } }
              lineItems(first: 50) { nodes { id sku totalQuantity remainingQuantity lineItem { id } } }
            } }
          }
        }
        """;

    public const string CreateFulfillment = """
        mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id name status totalQuantity trackingInfo { company number url } }
            userErrors { field message }
          }
        }
        """;

    public const string CancelOrder = """
        mutation CancelOrder($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, $restock: Boolean!, $staffNote: String) {
          orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock, notifyCustomer: false, staffNote: $staffNote) {
            job { id done }
            orderCancelUserErrors { field message code }
          }
        }
        """;

    public const string CreateRefund = """
        mutation CreateRefund($input: RefundInput!) {
          refundCreate(input: $input) {
            refund {
              id createdAt totalRefundedSet { shopMoney { amount currencyCode } }
              refundLineItems(first: 50) { nodes { lineItem { id sku } quantity restockType restocked location { id } } }
            }
            order { id displayFinancialStatus displayFulfillmentStatus }
            userErrors { field message }
          }
        }
        """;

    public const string Order = """
        query Order($id: ID!) {
          order(id: $id) {
            id name cancelledAt cancelReason closed displayFinancialStatus displayFulfillmentStatus
            totalRefundedSet { shopMoney { amount } }
            lineItems(first: 10) { nodes { id sku quantity currentQuantity unfulfilledQuantity } }
            fulfillments { id name status trackingInfo { company number url } }
            refunds { id totalRefundedSet { shopMoney { amount } } }
            transactions { id kind gateway amountSet { shopMoney { amount } } }
          }
        }
        """;

    /// <summary>Places an order through the business action; asserts the status it expects and returns the body.</summary>
    public static async Task<JsonElement> PlaceOrderAsync(this StorefrontHost host, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await host.Http.PostAsJsonAsync("/_synclab/storefront/orders", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {json}");
        return json.Clone();
    }

    public static Task<JsonElement> OrderSkuAsync(this StorefrontHost host, string sku, int quantity, string email = "shopper@example.com") =>
        host.PlaceOrderAsync(new { email, lines = new[] { new { sku, quantity } } });

    public static async Task SubscribeAsync(this WebhookStorefrontHost host, params string[] topics)
    {
        foreach (var topic in topics)
        {
            var data = await host.DataAsync(
                "mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { userErrors { message } } }",
                new { topic, sub = new { callbackUrl = host.ReceiverUrl.ToString(), format = "JSON" } });
            Assert.Empty(data.GetProperty("webhookSubscriptionCreate").GetProperty("userErrors").EnumerateArray());
        }
    }

    /// <summary>Sets available at the shop's first location (absolute, no compare).</summary>
    public static async Task SetAvailableAsync(this StorefrontHost host, string sku, int quantity)
    {
        var variant = await host.VariantBySkuAsync(sku);
        var data = await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                ignoreCompareQuantity = true,
                quantities = new[] { new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), quantity } },
            },
        });
        Assert.Empty(data.GetProperty("inventorySetQuantities").GetProperty("userErrors").EnumerateArray());
    }

    /// <summary>The SKU's quantities at the shop's first location, by Shopify's quantity names.</summary>
    public static async Task<Dictionary<string, int>> QuantitiesAsync(this StorefrontHost host, string sku)
    {
        var data = await host.DataAsync(
            """
            query($q: String!) { productVariants(first: 1, query: $q) { nodes { inventoryItem { inventoryLevels(first: 1) { nodes {
              quantities(names: ["available", "committed", "on_hand"]) { name quantity } } } } } } }
            """,
            new { q = $"sku:{sku}" });
        return data.GetProperty("productVariants").GetProperty("nodes")[0].GetProperty("inventoryItem").GetProperty("inventoryLevels").GetProperty("nodes")[0]
            .GetProperty("quantities").EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!, q => q.GetProperty("quantity").GetInt32());
    }

    public static async Task<JsonElement> OrderAsync(this StorefrontHost host, string id) =>
        (await host.DataAsync(Order, new { id })).GetProperty("order");

    /// <summary>Ships every unit of the order's fulfillment orders, with the tracking given.</summary>
    public static async Task<JsonElement> FulfillAllAsync(this StorefrontHost host, string orderId, object? trackingInfo = null)
    {
        var order = (await host.DataAsync(FulfillmentOrders, new { id = orderId })).GetProperty("order");
        var groups = order.GetProperty("fulfillmentOrders").GetProperty("nodes").EnumerateArray()
            .Select(fo => new { fulfillmentOrderId = fo.GetProperty("id").GetString() }).ToArray();
        var data = await host.DataAsync(CreateFulfillment, new { fulfillment = new { lineItemsByFulfillmentOrder = groups, trackingInfo, notifyCustomer = false } });
        var payload = data.GetProperty("fulfillmentCreate");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        return payload.GetProperty("fulfillment");
    }
}
