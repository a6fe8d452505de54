using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>What an engine does with orders through the Admin API: read changes, ship, cancel, refund. Each test starts from the seeded shop.</summary>
public sealed class OrderAdminApiTests(WebhookStorefrontHost host) : IClassFixture<WebhookStorefrontHost>
{
    [Fact]
    public async Task orders_updated_since_a_cursor_are_listed_with_lines_customer_shipping_and_tax()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[7];
        await host.SetAvailableAsync(sku, 20);
        var start = host.Clock.GetUtcNow();
        var before = await host.OrderSkuAsync(sku, 1, "early@example.com");
        host.Clock.Advance(TimeSpan.FromHours(1));
        var cursor = Time(start.AddMinutes(30));
        var after = await host.PlaceOrderAsync(new
        {
            email = "late@example.com",
            shippingAddress = new { firstName = "Lin", lastName = "Late", address1 = "5 Late Lane", city = "Toronto", provinceCode = "ON", zip = "M5V 2T6", countryCode = "CA" },
            lines = new[] { new { sku, quantity = 3 } },
        });

        var answer = await host.GraphAsync(OrderOperations.OrdersSince, new { query = $"updated_at:>='{cursor}'" });

        Assert.False(answer.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.InRange(answer.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32(), 1, 1000);
        var edges = answer.GetProperty("data").GetProperty("orders").GetProperty("edges");
        var order = Assert.Single(edges.EnumerateArray()).GetProperty("node");
        Assert.Equal(after.GetProperty("id").GetString(), order.GetProperty("id").GetString());
        Assert.Equal("#1002", order.GetProperty("name").GetString());
        Assert.Equal(Time(start.AddHours(1)), order.GetProperty("createdAt").GetString());
        Assert.Equal("PAID", order.GetProperty("displayFinancialStatus").GetString());
        Assert.Equal("UNFULFILLED", order.GetProperty("displayFulfillmentStatus").GetString());
        Assert.Equal("late@example.com", order.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("CA", order.GetProperty("shippingAddress").GetProperty("countryCodeV2").GetString());
        Assert.Equal("Ontario", order.GetProperty("shippingAddress").GetProperty("province").GetString());
        var line = order.GetProperty("lineItems").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal(sku, line.GetProperty("sku").GetString());
        Assert.Equal(3, line.GetProperty("quantity").GetInt32());
        var unit = Amount(line.GetProperty("originalUnitPriceSet"));
        var tax = Math.Round(unit * 3 * 0.08m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(unit * 3, Amount(order.GetProperty("subtotalPriceSet")));
        Assert.Equal(tax, Amount(order.GetProperty("totalTaxSet")));
        Assert.Equal(5.00m, Amount(order.GetProperty("totalShippingPriceSet")));
        Assert.Equal((unit * 3) + tax + 5.00m, Amount(order.GetProperty("totalPriceSet")));
        Assert.Equal(tax, Amount(line.GetProperty("taxLines")[0].GetProperty("priceSet")));

        var byName = await host.DataAsync("{ orders(first: 5, query: \"name:#1001\") { nodes { id } } }");
        Assert.Equal(before.GetProperty("id").GetString(), byName.GetProperty("orders").GetProperty("nodes")[0].GetProperty("id").GetString());
        var page = await host.DataAsync("{ orders(first: 1, query: \"status:open\") { pageInfo { hasNextPage endCursor } nodes { name } } }");
        Assert.True(page.GetProperty("orders").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var next = await host.DataAsync("query($after: String) { orders(first: 1, after: $after) { nodes { name } } }",
            new { after = page.GetProperty("orders").GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        Assert.Equal("#1002", next.GetProperty("orders").GetProperty("nodes")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task sorted_by_updated_at_an_order_changed_between_pages_comes_again_at_the_end()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[9];
        await host.SetAvailableAsync(sku, 20);
        var first = (await host.OrderSkuAsync(sku, 1, "first@example.com")).GetProperty("id").GetString();
        host.Clock.Advance(TimeSpan.FromHours(1));
        var second = (await host.OrderSkuAsync(sku, 1, "second@example.com")).GetProperty("id").GetString();
        host.Clock.Advance(TimeSpan.FromHours(1));
        var third = (await host.OrderSkuAsync(sku, 1, "third@example.com")).GetProperty("id").GetString();
        const string byUpdate = """
            query($first: Int!, $after: String, $reverse: Boolean) {
              orders(first: $first, after: $after, reverse: $reverse, sortKey: UPDATED_AT) { pageInfo { hasNextPage endCursor } nodes { id updatedAt } }
            }
            """;

        var page = (await host.DataAsync(byUpdate, new { first = 2 })).GetProperty("orders");
        Assert.Equal([first, second], Ids(page));
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.FulfillAllAsync(first!); // the first order changes after its page was read

        var next = (await host.DataAsync(byUpdate, new { first = 2, after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("orders");
        Assert.Equal([third, first], Ids(next));
        Assert.Equal(Time(host.Clock.GetUtcNow()), next.GetProperty("nodes")[1].GetProperty("updatedAt").GetString());
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal([first, third, second], Ids((await host.DataAsync(byUpdate, new { first = 3, reverse = true })).GetProperty("orders")));

        // A cursor of the default sort (by id) does not page a sort by update.
        var byId = (await host.DataAsync("{ orders(first: 1) { pageInfo { endCursor } } }")).GetProperty("orders").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var wrong = await host.GraphAsync(byUpdate, new { first = 1, after = byId });
        Assert.Equal("Invalid cursor for current pagination sort.", wrong.GetProperty("errors")[0].GetProperty("message").GetString());

        static List<string?> Ids(JsonElement connection) => [.. connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString())];
    }

    [Fact]
    public async Task a_fulfillment_with_tracking_ships_the_committed_units_marks_the_order_fulfilled_and_fires_fulfillments_create()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("FULFILLMENTS_CREATE", "ORDERS_FULFILLED");
        var sku = host.WebSkus[8];
        await host.SetAvailableAsync(sku, 10);
        var placed = await host.OrderSkuAsync(sku, 2, "ship@example.com");
        var orderId = placed.GetProperty("id").GetString()!;

        var fulfillment = await host.FulfillAllAsync(orderId, new { company = "UPS", number = "1Z999AA10123456784", url = "https://www.ups.com/track?tracknum=1Z999AA10123456784" });

        Assert.Equal("#1001.1", fulfillment.GetProperty("name").GetString());
        Assert.Equal("SUCCESS", fulfillment.GetProperty("status").GetString());
        Assert.Equal("1Z999AA10123456784", fulfillment.GetProperty("trackingInfo")[0].GetProperty("number").GetString());
        var order = await host.OrderAsync(orderId);
        Assert.Equal("FULFILLED", order.GetProperty("displayFulfillmentStatus").GetString());
        Assert.True(order.GetProperty("closed").GetBoolean());
        Assert.Equal("UPS", order.GetProperty("fulfillments")[0].GetProperty("trackingInfo")[0].GetProperty("company").GetString());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal((8, 0, 8), (quantities["available"], quantities["committed"], quantities["on_hand"]));
        var (_, shipped, _) = await host.DeliveryAsync("fulfillments/create");
        Assert.Equal("1Z999AA10123456784", shipped.GetProperty("tracking_number").GetString());
        Assert.Equal("UPS", shipped.GetProperty("tracking_company").GetString());
        Assert.Equal(2, shipped.GetProperty("line_items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(placed.GetProperty("legacyResourceId").GetInt64(), shipped.GetProperty("order_id").GetInt64());
        var (_, fulfilled, _) = await host.DeliveryAsync("orders/fulfilled");
        Assert.Equal("fulfilled", fulfilled.GetProperty("fulfillment_status").GetString());
        Assert.Contains(host.Ledger.Since(0), e => e.Summary.StartsWith("order #1001 fulfillment #1001.1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task shipping_part_of_an_order_leaves_it_partially_fulfilled_and_more_than_is_left_is_refused()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[9];
        await host.SetAvailableAsync(sku, 10);
        var orderId = (await host.OrderSkuAsync(sku, 2)).GetProperty("id").GetString()!;
        var fo = (await host.DataAsync(OrderOperations.FulfillmentOrders, new { id = orderId })).GetProperty("order").GetProperty("fulfillmentOrders").GetProperty("nodes")[0];
        var foLine = fo.GetProperty("lineItems").GetProperty("nodes")[0];
        object Ship(int quantity) => new
        {
            fulfillment = new
            {
                lineItemsByFulfillmentOrder = new[]
                {
                    new { fulfillmentOrderId = fo.GetProperty("id").GetString(), fulfillmentOrderLineItems = new[] { new { id = foLine.GetProperty("id").GetString(), quantity } } },
                },
            },
        };

        var one = (await host.DataAsync(OrderOperations.CreateFulfillment, Ship(1))).GetProperty("fulfillmentCreate");
        var tooMany = (await host.DataAsync(OrderOperations.CreateFulfillment, Ship(2))).GetProperty("fulfillmentCreate");

        Assert.Empty(one.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("Invalid fulfillment order line item quantity requested.", tooMany.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, tooMany.GetProperty("fulfillment").ValueKind);
        Assert.Equal("PARTIALLY_FULFILLED", (await host.OrderAsync(orderId)).GetProperty("displayFulfillmentStatus").GetString());
        var remaining = (await host.DataAsync(OrderOperations.FulfillmentOrders, new { id = orderId })).GetProperty("order").GetProperty("fulfillmentOrders").GetProperty("nodes")[0];
        Assert.Equal("IN_PROGRESS", remaining.GetProperty("status").GetString());
        Assert.Equal(1, remaining.GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("remainingQuantity").GetInt32());
    }

    [Fact]
    public async Task cancelling_with_restock_puts_the_units_back_refunds_the_payment_and_fires_orders_cancelled()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("ORDERS_CANCELLED", "REFUNDS_CREATE");
        var sku = host.WebSkus[10];
        await host.SetAvailableAsync(sku, 10);
        var placed = await host.OrderSkuAsync(sku, 3, "cancel@example.com");
        var orderId = placed.GetProperty("id").GetString()!;
        Assert.Equal(7, (await host.QuantitiesAsync(sku))["available"]);

        var cancel = (await host.DataAsync(OrderOperations.CancelOrder, new { orderId, reason = "CUSTOMER", refund = true, restock = true, staffNote = "changed mind" }))
            .GetProperty("orderCancel");

        Assert.Empty(cancel.GetProperty("orderCancelUserErrors").EnumerateArray());
        var jobId = cancel.GetProperty("job").GetProperty("id").GetString();
        Assert.StartsWith("gid://shopify/Job/", jobId, StringComparison.Ordinal);
        Assert.True((await host.DataAsync("query($id: ID!) { job(id: $id) { id done } }", new { id = jobId })).GetProperty("job").GetProperty("done").GetBoolean());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal((10, 0), (quantities["available"], quantities["committed"]));
        var order = await host.OrderAsync(orderId);
        Assert.Equal("CUSTOMER", order.GetProperty("cancelReason").GetString());
        Assert.Equal(Time(host.Clock.GetUtcNow()), order.GetProperty("cancelledAt").GetString());
        Assert.Equal("REFUNDED", order.GetProperty("displayFinancialStatus").GetString());
        Assert.Equal("RESTOCKED", order.GetProperty("displayFulfillmentStatus").GetString());
        Assert.True(order.GetProperty("closed").GetBoolean());
        Assert.Equal(decimal.Parse(placed.GetProperty("totalPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Amount(order.GetProperty("totalRefundedSet")));
        var (_, cancelled, _) = await host.DeliveryAsync("orders/cancelled");
        Assert.Equal("customer", cancelled.GetProperty("cancel_reason").GetString());
        Assert.Equal("refunded", cancelled.GetProperty("financial_status").GetString());
        var (_, refund, _) = await host.DeliveryAsync("refunds/create");
        Assert.Equal("cancel", refund.GetProperty("refund_line_items")[0].GetProperty("restock_type").GetString());

        var again = (await host.DataAsync(OrderOperations.CancelOrder, new { orderId, reason = "OTHER", refund = false, restock = false })).GetProperty("orderCancel");
        Assert.Equal("INVALID", again.GetProperty("orderCancelUserErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task a_refund_of_returned_units_restocks_them_and_fires_refunds_create()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("REFUNDS_CREATE");
        var sku = host.WebSkus[11];
        await host.SetAvailableAsync(sku, 10);
        var placed = await host.OrderSkuAsync(sku, 2, "return@example.com");
        var orderId = placed.GetProperty("id").GetString()!;
        await host.FulfillAllAsync(orderId);
        var order = await host.OrderAsync(orderId);
        var lineItemId = order.GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString();
        var sale = order.GetProperty("transactions")[0];
        var locationId = await host.FirstLocationIdAsync();
        Assert.Equal((8, 8), ((await host.QuantitiesAsync(sku))["available"], (await host.QuantitiesAsync(sku))["on_hand"]));

        var payload = (await host.DataAsync(OrderOperations.CreateRefund, new
        {
            input = new
            {
                orderId,
                note = "one came back",
                refundLineItems = new[] { new { lineItemId, quantity = 1, restockType = "RETURN", locationId } },
                transactions = new[] { new { orderId, parentId = sale.GetProperty("id").GetString(), gateway = sale.GetProperty("gateway").GetString(), kind = "REFUND", amount = "10.00" } },
            },
        })).GetProperty("refundCreate");

        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("10.0", payload.GetProperty("refund").GetProperty("totalRefundedSet").GetProperty("shopMoney").GetProperty("amount").GetString());
        var refundLine = payload.GetProperty("refund").GetProperty("refundLineItems").GetProperty("nodes")[0];
        Assert.Equal(("RETURN", true, locationId), (refundLine.GetProperty("restockType").GetString(), refundLine.GetProperty("restocked").GetBoolean(), refundLine.GetProperty("location").GetProperty("id").GetString()));
        Assert.Equal("PARTIALLY_REFUNDED", payload.GetProperty("order").GetProperty("displayFinancialStatus").GetString());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal((9, 9), (quantities["available"], quantities["on_hand"]));
        var (_, refund, _) = await host.DeliveryAsync("refunds/create");
        Assert.Equal("return", refund.GetProperty("refund_line_items")[0].GetProperty("restock_type").GetString());
        Assert.Equal("10.00", refund.GetProperty("transactions")[0].GetProperty("amount").GetString());
        Assert.Equal(placed.GetProperty("legacyResourceId").GetInt64(), refund.GetProperty("order_id").GetInt64());
    }

    [Fact]
    public async Task a_refund_that_cancels_unshipped_units_releases_them_and_more_money_than_was_paid_is_refused()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[12];
        await host.SetAvailableAsync(sku, 10);
        var placed = await host.OrderSkuAsync(sku, 2);
        var orderId = placed.GetProperty("id").GetString()!;
        var lineItemId = (await host.OrderAsync(orderId)).GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString();

        var tooMuch = (await host.DataAsync(OrderOperations.CreateRefund, new
        {
            input = new { orderId, transactions = new[] { new { orderId, gateway = "shopify_payments", kind = "REFUND", amount = "100000.00" } } },
        })).GetProperty("refundCreate");
        var cancelOne = (await host.DataAsync(OrderOperations.CreateRefund, new
        {
            input = new { orderId, refundLineItems = new[] { new { lineItemId, quantity = 1, restockType = "CANCEL" } } },
        })).GetProperty("refundCreate");

        Assert.Equal(["transactions", "0", "amount"], tooMuch.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(cancelOne.GetProperty("userErrors").EnumerateArray());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal((9, 1), (quantities["available"], quantities["committed"]));
        var line = (await host.OrderAsync(orderId)).GetProperty("lineItems").GetProperty("nodes")[0];
        Assert.Equal((2, 1, 1), (line.GetProperty("quantity").GetInt32(), line.GetProperty("currentQuantity").GetInt32(), line.GetProperty("unfulfilledQuantity").GetInt32()));
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Amount(JsonElement moneyBag) =>
        decimal.Parse(moneyBag.GetProperty("shopMoney").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
