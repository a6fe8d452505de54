using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>Placing orders through the business action, as scenarios and load runs do. Each test starts from the seeded shop.</summary>
public sealed class OrderPlacementTests(WebhookStorefrontHost host) : IClassFixture<WebhookStorefrontHost>
{
    [Fact]
    public async Task placing_an_order_moves_stock_from_available_to_committed_and_fires_a_signed_orders_create_webhook()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("ORDERS_CREATE", "ORDERS_PAID", "CUSTOMERS_CREATE");
        var sku = host.WebSkus[0];
        await host.SetAvailableAsync(sku, 10);
        var variant = await host.VariantBySkuAsync(sku);

        var order = await host.PlaceOrderAsync(new
        {
            email = "Ada@Example.com",
            acceptsMarketing = true,
            shippingAddress = new { firstName = "Ada", lastName = "Lovelace", address1 = "12 Analytical Way", city = "Chicago", provinceCode = "IL", zip = "60601", countryCode = "US" },
            lines = new[] { new { sku, quantity = 2 } },
        });

        Assert.Equal("#1001", order.GetProperty("name").GetString());
        Assert.Equal("PAID", order.GetProperty("financialStatus").GetString());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal((8, 2, 10), (quantities["available"], quantities["committed"], quantities["on_hand"]));
        Assert.Contains(host.Ledger.Since(0), e => e.Summary == $"order #1001 placed: {sku} x2");

        var (headers, body, raw) = await host.DeliveryAsync("orders/create");
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookStorefrontHost.Secret), Encoding.UTF8.GetBytes(raw)));
        Assert.Equal(expected, headers["X-Shopify-Hmac-Sha256"].ToString());
        Assert.Equal(order.GetProperty("legacyResourceId").GetInt64(), body.GetProperty("id").GetInt64());
        Assert.Equal(order.GetProperty("id").GetString(), body.GetProperty("admin_graphql_api_id").GetString());
        Assert.Equal("#1001", body.GetProperty("name").GetString());
        Assert.Equal(1001, body.GetProperty("order_number").GetInt32());
        Assert.Equal("ada@example.com", body.GetProperty("email").GetString());
        Assert.Equal("USD", body.GetProperty("currency").GetString());
        Assert.Equal("paid", body.GetProperty("financial_status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("fulfillment_status").ValueKind);
        Assert.True(body.GetProperty("buyer_accepts_marketing").GetBoolean());
        Assert.Equal(order.GetProperty("totalPrice").GetString(), body.GetProperty("total_price").GetString());
        Assert.Equal(body.GetProperty("total_price").GetString(), body.GetProperty("total_price_set").GetProperty("shop_money").GetProperty("amount").GetString());
        var line = body.GetProperty("line_items")[0];
        Assert.Equal(sku, line.GetProperty("sku").GetString());
        Assert.Equal(2, line.GetProperty("quantity").GetInt32());
        Assert.Equal(variant.GetProperty("price").GetString(), line.GetProperty("price").GetString());
        Assert.Equal(variant.GetProperty("id").GetString(), "gid://shopify/ProductVariant/" + line.GetProperty("variant_id").GetInt64());
        Assert.Equal(variant.GetProperty("product").GetProperty("id").GetString(), "gid://shopify/Product/" + line.GetProperty("product_id").GetInt64());
        Assert.Equal(variant.GetProperty("product").GetProperty("title").GetString(), line.GetProperty("title").GetString());
        Assert.Equal("US", body.GetProperty("shipping_address").GetProperty("country_code").GetString());
        Assert.Equal("Illinois", body.GetProperty("shipping_address").GetProperty("province").GetString());
        Assert.Equal("Lovelace", body.GetProperty("customer").GetProperty("last_name").GetString());
        Assert.StartsWith("gid://shopify/Customer/", body.GetProperty("customer").GetProperty("admin_graphql_api_id").GetString(), StringComparison.Ordinal);
        await host.DeliveryAsync("orders/paid", b => b.GetProperty("name").GetString() == "#1001");
        var (_, customer, _) = await host.DeliveryAsync("customers/create");
        Assert.Equal("ada@example.com", customer.GetProperty("email").GetString());
        Assert.False(customer.TryGetProperty("email_marketing_consent", out _), "2025-01 customer payloads carry no consent");
    }

    [Fact]
    public async Task an_out_of_stock_item_cannot_be_ordered_and_the_answer_says_why()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[1];
        await host.SetAvailableAsync(sku, 0);

        var problem = await host.PlaceOrderAsync(new { email = "out@example.com", lines = new[] { new { sku, quantity = 1 } } }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("https://synclab.dev/problems/order-rejected", problem.GetProperty("type").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("OUT_OF_STOCK", error.GetProperty("code").GetString());
        Assert.Equal(sku, error.GetProperty("sku").GetString());
        Assert.Contains("out of stock", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var orders = await host.DataAsync("{ orders(first: 5) { nodes { id } } }");
        Assert.Empty(orders.GetProperty("orders").GetProperty("nodes").EnumerateArray());
        Assert.Equal(0, (await host.QuantitiesAsync(sku))["committed"]);
    }

    [Fact]
    public async Task a_variant_sold_when_out_of_stock_takes_the_order_and_available_goes_below_zero()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[5];
        await host.SetAvailableAsync(sku, 1);
        var variant = await host.VariantBySkuAsync(sku);
        var policy = await host.DataAsync(
            "mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { userErrors { message } } }",
            new { productId = variant.GetProperty("product").GetProperty("id").GetString(), variants = new[] { new { id = variant.GetProperty("id").GetString(), inventoryPolicy = "CONTINUE" } } });
        Assert.Empty(policy.GetProperty("productVariantsBulkUpdate").GetProperty("userErrors").EnumerateArray());

        var order = await host.OrderSkuAsync(sku, 3, "preorder@example.com");

        Assert.Equal("#1001", order.GetProperty("name").GetString());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal(-2, quantities["available"]);
        Assert.Equal(3, quantities["committed"]);
    }

    [Fact]
    public async Task no_more_than_is_left_can_be_ordered_and_an_archived_product_not_at_all()
    {
        await host.ResetAllAsync();
        var few = host.WebSkus[2];
        var archived = host.WebSkus[3];
        await host.SetAvailableAsync(few, 3);
        await host.SetAvailableAsync(archived, 9);
        var variant = await host.VariantBySkuAsync(archived);
        await host.DataAsync(
            "mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }",
            new { p = new { id = variant.GetProperty("product").GetProperty("id").GetString(), status = "ARCHIVED" } });

        var tooMany = await host.PlaceOrderAsync(new { email = "few@example.com", lines = new[] { new { sku = few, quantity = 4 } } }, HttpStatusCode.UnprocessableEntity);
        var gone = await host.PlaceOrderAsync(new { email = "few@example.com", lines = new[] { new { sku = archived, quantity = 1 } } }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("NOT_ENOUGH_STOCK", tooMany.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("Only 3 left", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("NO_LONGER_AVAILABLE", gone.GetProperty("errors")[0].GetProperty("code").GetString());
        var exactly = await host.OrderSkuAsync(few, 3);
        Assert.Equal("#1001", exactly.GetProperty("name").GetString());
        Assert.Equal(0, (await host.QuantitiesAsync(few))["available"]);
    }

    [Fact]
    public async Task the_same_idempotency_key_places_the_order_once()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[4];
        await host.SetAvailableAsync(sku, 10);
        var body = new { email = "twice@example.com", idempotencyKey = "load-run-42", lines = new[] { new { sku, quantity = 1 } } };

        var first = await host.PlaceOrderAsync(body);
        var again = await host.PlaceOrderAsync(body, HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(9, (await host.QuantitiesAsync(sku))["available"]);
        var second = await host.OrderSkuAsync(sku, 1, "twice@example.com");
        Assert.Equal("#1002", second.GetProperty("name").GetString());
    }

    [Fact]
    public async Task a_returning_shopper_is_matched_by_email_and_the_second_order_updates_the_customer()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("CUSTOMERS_CREATE", "CUSTOMERS_UPDATE");
        var sku = host.WebSkus[5];
        await host.SetAvailableAsync(sku, 10);

        var first = await host.OrderSkuAsync(sku, 1, "grace@example.com");
        var second = await host.OrderSkuAsync(sku, 2, " GRACE@example.com ");

        Assert.Equal(first.GetProperty("customerId").GetString(), second.GetProperty("customerId").GetString());
        var data = await host.DataAsync(
            "query($id: ID!) { customer(id: $id) { email numberOfOrders amountSpent { amount currencyCode } emailMarketingConsent { marketingState } addresses { city countryCodeV2 } } }",
            new { id = first.GetProperty("customerId").GetString() });
        var customer = data.GetProperty("customer");
        Assert.Equal("grace@example.com", customer.GetProperty("email").GetString());
        Assert.Equal("2", customer.GetProperty("numberOfOrders").GetString());
        var spent = decimal.Parse(first.GetProperty("totalPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            + decimal.Parse(second.GetProperty("totalPrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(spent, decimal.Parse(customer.GetProperty("amountSpent").GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("NOT_SUBSCRIBED", customer.GetProperty("emailMarketingConsent").GetProperty("marketingState").GetString());
        Assert.Single(customer.GetProperty("addresses").EnumerateArray());
        await host.DeliveryAsync("customers/create", c => c.GetProperty("email").GetString() == "grace@example.com");
        await host.DeliveryAsync("customers/update", c => c.GetProperty("email").GetString() == "grace@example.com");
    }

    [Fact]
    public async Task a_redaction_sends_customers_redact_with_the_customers_orders_to_the_compliance_endpoint()
    {
        await host.ResetAllAsync();
        using (var put = await host.Http.PutAsJsonAsync("/_synclab/storefront/compliance-webhooks", new { uri = host.ReceiverUrl.ToString() }))
        {
            put.EnsureSuccessStatusCode();
        }
        var sku = host.WebSkus[6];
        await host.SetAvailableAsync(sku, 5);
        var order = await host.PlaceOrderAsync(new { email = "forget.me@example.com", phone = "+13125550100", lines = new[] { new { sku, quantity = 1 } } });
        var customerId = order.GetProperty("customerId").GetString()!;

        using var response = await host.Http.PostAsync($"/_synclab/storefront/customers/{customerId[(customerId.LastIndexOf('/') + 1)..]}/redact", null);

        response.EnsureSuccessStatusCode();
        var (headers, body, _) = await host.DeliveryAsync("customers/redact");
        Assert.Equal("synclab-staging.myshopify.com", headers["X-Shopify-Shop-Domain"].ToString());
        Assert.Equal("synclab-staging.myshopify.com", body.GetProperty("shop_domain").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("shop_id").ValueKind);
        Assert.Equal("forget.me@example.com", body.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal("+13125550100", body.GetProperty("customer").GetProperty("phone").GetString());
        Assert.Equal(customerId, "gid://shopify/Customer/" + body.GetProperty("customer").GetProperty("id").GetInt64());
        Assert.Equal([order.GetProperty("legacyResourceId").GetInt64()], body.GetProperty("orders_to_redact").EnumerateArray().Select(o => o.GetInt64()));
        var subscriptions = await host.DataAsync("{ webhookSubscriptions(first: 10) { nodes { id } } }");
        Assert.Empty(subscriptions.GetProperty("webhookSubscriptions").GetProperty("nodes").EnumerateArray());
    }
}
