using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Webhooks;

/// <summary>
/// The storefront's order webhooks at the engine, on a staging whose business clock stands still (no poll falls due):
/// a delivered orders/create makes the order reach the ERP at once; a delivery the storefront lost leaves it for the
/// next poll, which heals it; a redelivery, a forged signature and an unknown topic change nothing.
/// </summary>
public sealed class StorefrontWebhooksOverHttpTests
{
    private const string Secret = "synclab-storefront-webhook-secret";

    [Fact]
    public async Task a_webhook_brings_the_order_before_the_next_poll_and_a_lost_one_is_healed_by_polling()
    {
        await using var host = await StagingHttp.StartSmallStagingAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var engine = host.Addresses["engine"];
        var subscribed = (await StagingHttp.OkAsync(http.PutAsJsonAsync(new Uri(engine, "engine/webhooks/shopify/subscriptions"), new { })))!;
        Assert.Equal(6, subscribed["created"]!.AsArray().Count);
        Assert.Equal(new Uri(engine, "engine/webhooks/shopify").ToString(), (string)subscribed["callbackUrl"]!);
        // Registering again is harmless: every topic is there already.
        Assert.Empty((await StagingHttp.OkAsync(http.PutAsJsonAsync(new Uri(engine, "engine/webhooks/shopify/subscriptions"), new { })))!["created"]!.AsArray());
        var sku = StagingHttp.CleanWebSku(host);
        var frozenAt = host.Clock.GetUtcNow();

        var first = await PlaceOrderAsync(http, host, "wren@example.com", sku);
        await DeliveredAsync(http, host, "orders/create", 1);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(frozenAt, host.Clock.GetUtcNow());
        Assert.True(host.Engine.NextPollAt > frozenAt, "the next poll is not due: only the webhook can have brought the order");
        Assert.Single(await SalesOrdersAsync(http, host, first));
        var receipt = (await StagingHttp.GetAsync(http, new Uri(engine, "engine/webhooks")))!.AsArray()[0]!;
        Assert.Equal(("orders/create", "poll"), ((string)receipt["topic"]!, (string)receipt["outcome"]!));

        // The storefront loses every delivery from now on (it believes them delivered).
        await StagingHttp.OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/webhook-chaos"), new { dropRate = 1.0 }));
        var lost = await PlaceOrderAsync(http, host, "cole@example.com", sku);
        await DeliveredAsync(http, host, "orders/create", 2);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Empty(await SalesOrdersAsync(http, host, lost));

        host.Clock.Advance(host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Single(await SalesOrdersAsync(http, host, lost));
        Assert.Single(await SalesOrdersAsync(http, host, first));
    }

    [Fact]
    public async Task a_redelivery_a_forged_signature_and_an_unknown_topic_change_nothing()
    {
        await using var host = await StagingHttp.StartSmallStagingAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var sku = StagingHttp.CleanWebSku(host);
        var order = await PlaceOrderAsync(http, host, "ivy@example.com", sku);
        var payload = $$"""{"id":{{order}},"admin_graphql_api_id":"gid://shopify/Order/{{order}}"}""";

        using (var forged = await DeliverAsync(http, host, "orders/create", payload, "bm90IHRoZSBzaWduYXR1cmU=", "w-1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        }
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Empty(await SalesOrdersAsync(http, host, order));

        using (var unknown = await DeliverAsync(http, host, "app/uninstalled", payload, Sign(payload), "w-2"))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Empty(await SalesOrdersAsync(http, host, order));

        // Shopify delivers at least once: the same webhook id twice (and out of order with another topic of the order).
        foreach (var (topic, id) in new[] { ("orders/updated", "w-4"), ("orders/create", "w-3"), ("orders/create", "w-3") })
        {
            using var delivered = await DeliverAsync(http, host, topic, payload, Sign(payload), id);
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Single(await SalesOrdersAsync(http, host, order));
        var outcomes = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/webhooks")))!.AsArray()
            .Select(r => ((string)r!["topic"]!, (string)r["outcome"]!)).ToList();
        Assert.Equal([("orders/create", "duplicate"), ("orders/create", "poll"), ("orders/updated", "poll"), ("app/uninstalled", "ignored")], outcomes);
    }

    [Fact]
    public async Task a_subscription_the_shop_removed_is_made_again_at_the_next_check_and_brings_orders_again()
    {
        await using var host = await StagingHttp.StartSmallStagingAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var engine = host.Addresses["engine"];
        await StagingHttp.OkAsync(http.PutAsJsonAsync(new Uri(engine, "engine/webhooks/shopify/subscriptions"), new { }));

        // Shopify deletes an API-made subscription after 8 failed deliveries in a row: the shop no longer sends orders/create.
        var listed = (await StagingHttp.ShopAsync(http, host, "{ webhookSubscriptions(first: 50, topics: [ORDERS_CREATE]) { nodes { id } } }"))!;
        var removed = (string)listed["webhookSubscriptions"]!["nodes"]![0]!["id"]!;
        var deleted = (await StagingHttp.ShopAsync(http, host,
            $$"""mutation { webhookSubscriptionDelete(id: "{{removed}}") { deletedWebhookSubscriptionId userErrors { message } } }"""))!;
        Assert.Equal(removed, (string?)deleted["webhookSubscriptionDelete"]!["deletedWebhookSubscriptionId"]);

        // The engine looks at its subscriptions every 6 hours of business time, as a step of its poll.
        host.Clock.Advance(TimeSpan.FromHours(6));
        await StagingHttp.QuiescentAsync(http, host);
        var shopify = (await StagingHttp.GetAsync(http, new Uri(engine, "engine/webhooks/subscriptions")))!.AsArray()
            .Single(v => (string?)v!["vendor"] == "shopify")!;
        Assert.Null((string?)shopify["error"]);
        var actions = shopify["subscriptions"]!.AsArray().ToDictionary(v => (string)v!["resource"]!, v => (string)v!["action"]!);
        Assert.Equal("created", actions["orders/create"]);
        Assert.All(actions.Where(a => a.Key != "orders/create"), a => Assert.Equal("active", a.Value));
        var again = (await StagingHttp.ShopAsync(http, host, "{ webhookSubscriptions(first: 50, topics: [ORDERS_CREATE]) { nodes { id endpoint { ... on WebhookHttpEndpoint { callbackUrl } } } } }"))!;
        Assert.Equal(new Uri(engine, "engine/webhooks/shopify").ToString(), (string?)again["webhookSubscriptions"]!["nodes"]!.AsArray().Single()!["endpoint"]!["callbackUrl"]);

        // And the next order comes by webhook again, before any poll is due.
        var frozenAt = host.Clock.GetUtcNow();
        var order = await PlaceOrderAsync(http, host, "back@example.com", StagingHttp.CleanWebSku(host));
        await DeliveredAsync(http, host, "orders/create", 1);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.True(host.Engine.NextPollAt > frozenAt, "the next poll is not due: only the webhook can have brought the order");
        Assert.Single(await SalesOrdersAsync(http, host, order));
    }

    private static async Task<long> PlaceOrderAsync(HttpClient http, StagingHost host, string email, string sku)
    {
        var order = (await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"),
            new { email, lines = new[] { new { sku, quantity = 1 } } })))!;
        return (long)order["legacyResourceId"]!;
    }

    /// <summary>Waits (never for a set time) until the storefront has sent <paramref name="count"/> deliveries of the topic.</summary>
    private static async Task DeliveredAsync(HttpClient http, StagingHost host, string topic, int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var deliveries = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["storefront"], "_synclab/storefront/webhooks/deliveries?status=delivered")))!.AsArray();
            if (deliveries.Count(d => (string?)d!["topic"] == topic) >= count)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, patience.Token);
        }
    }

    private static async Task<JsonArray> SalesOrdersAsync(HttpClient http, StagingHost host, long order)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await StagingHttp.ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var filter = Uri.EscapeDataString($"externalDocumentNumber eq 'SHOPIFY-{order}'");
        return (await StagingHttp.ErpAsync(http, erp, $"api/v2.0/companies({company})/salesOrders?$filter={filter}"))!["value"]!.AsArray();
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient http, StagingHost host, string topic, string body, string signature, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Addresses["engine"], "engine/webhooks/shopify"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
        request.Headers.Add("X-Shopify-Webhook-Id", id);
        return await http.SendAsync(request);
    }

    private static string Sign(string body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
}
