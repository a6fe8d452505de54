using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Storefront;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>A storefront host plus an app's webhook endpoint on loopback that records what it receives.</summary>
public sealed class WebhookStorefrontHost : StorefrontHost
{
    public const string Secret = "shpss_test_secret";

    private WebApplication? _receiver;

    public Channel<(IHeaderDictionary Headers, string Body)> Received { get; } = Channel.CreateUnbounded<(IHeaderDictionary, string)>();

    /// <summary>Every delivery received so far, in arrival order (the channel above is consumed by readers; this is not).</summary>
    public ConcurrentQueue<(IHeaderDictionary Headers, string Body)> All { get; } = new();

    /// <summary>How many of the next deliveries the receiver answers with 500.</summary>
    public int FailNext { get; set; }

    public Uri ReceiverUrl { get; private set; } = null!;

    protected override StorefrontMirrorSettings Settings => new() { AccessToken = Token, Throttle = QueryCostLimits.Off, WebhookSecret = Secret };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/webhooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var delivery = ((IHeaderDictionary)new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), body);
            All.Enqueue(delivery);
            await Received.Writer.WriteAsync(delivery);
            return FailNext-- > 0 ? Results.StatusCode(500) : Results.Ok();
        });
        await _receiver.StartAsync();
        ReceiverUrl = new Uri(_receiver.BoundAddress(), "/webhooks");
    }

    public override async Task DisposeAsync()
    {
        if (_receiver is not null)
        {
            await _receiver.StopAsync();
            await _receiver.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    /// <summary>Back to the seeded shop, forgetting what the receiver got (a late delivery of an earlier test may still arrive).</summary>
    public async Task ResetAllAsync()
    {
        await ResetAsync();
        All.Clear();
        while (Received.Reader.TryRead(out _))
        {
        }
    }

    public async Task<(IHeaderDictionary Headers, string Body)> NextDeliveryAsync() =>
        await Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>
    /// Waits until a delivery of <paramref name="topic"/> (X-Shopify-Topic) whose JSON body satisfies
    /// <paramref name="match"/> has arrived, whatever arrived before or after it, and returns it.
    /// </summary>
    public async Task<(IHeaderDictionary Headers, JsonElement Body, string Raw)> DeliveryAsync(string topic, Func<JsonElement, bool>? match = null)
    {
        for (var i = 0; i < 750; i++)
        {
            foreach (var (headers, body) in All)
            {
                if (headers["X-Shopify-Topic"].ToString() == topic)
                {
                    var json = JsonDocument.Parse(body).RootElement.Clone();
                    if (match is null || match(json))
                    {
                        return (headers, json, body);
                    }
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        throw new TimeoutException($"no {topic} delivery arrived that matched");
    }

    /// <summary>Waits (polling the admin API) until a delivery satisfies <paramref name="condition"/>.</summary>
    public async Task<JsonElement> DeliveryWhenAsync(Func<JsonElement, bool> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            var deliveries = await Http.GetFromJsonAsync<JsonElement>("/_synclab/storefront/webhooks/deliveries");
            var match = deliveries.EnumerateArray().FirstOrDefault(condition);
            if (match.ValueKind != JsonValueKind.Undefined)
            {
                return match;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        throw new TimeoutException("no webhook delivery reached the expected state");
    }
}

public sealed class WebhookTests(WebhookStorefrontHost host) : IClassFixture<WebhookStorefrontHost>
{
    [Fact]
    public async Task when_a_price_changes_a_products_update_webhook_is_delivered_signed_with_shopify_headers()
    {
        await host.ResetAsync();
        await SubscribeAsync("PRODUCTS_UPDATE");
        var variant = await host.VariantBySkuAsync(host.WebSkus[0]);

        await host.DataAsync(Operations.UpdatePrices, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = new[] { new { id = variant.GetProperty("id").GetString(), price = "77.70" } },
        });

        var (headers, body) = await host.NextDeliveryAsync();
        Assert.Equal("products/update", headers["X-Shopify-Topic"].ToString());
        Assert.Equal("synclab-staging.myshopify.com", headers["X-Shopify-Shop-Domain"].ToString());
        Assert.Equal("2025-01", headers["X-Shopify-API-Version"].ToString());
        Assert.False(string.IsNullOrEmpty(headers["X-Shopify-Webhook-Id"].ToString()));
        Assert.False(string.IsNullOrEmpty(headers["X-Shopify-Event-Id"].ToString()));
        Assert.False(string.IsNullOrEmpty(headers["X-Shopify-Triggered-At"].ToString()));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookStorefrontHost.Secret), Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, headers["X-Shopify-Hmac-Sha256"].ToString());
        using var payload = JsonDocument.Parse(body);
        Assert.Equal(variant.GetProperty("product").GetProperty("id").GetString(), payload.RootElement.GetProperty("admin_graphql_api_id").GetString());
        Assert.Equal("77.70", payload.RootElement.GetProperty("variants")[0].GetProperty("price").GetString());
        Assert.Equal(host.WebSkus[0], payload.RootElement.GetProperty("variants")[0].GetProperty("sku").GetString());
    }

    [Fact]
    public async Task when_the_app_fails_a_delivery_it_is_retried_only_once_the_business_clock_reaches_the_retry_time()
    {
        await host.ResetAsync();
        await SubscribeAsync("INVENTORY_LEVELS_UPDATE");
        var variant = await host.VariantBySkuAsync(host.WebSkus[1]);
        host.FailNext = 1;

        await host.DataAsync(Operations.SetAvailable, new
        {
            input = new
            {
                name = "available",
                reason = "correction",
                ignoreCompareQuantity = true,
                quantities = new[] { new { inventoryItemId = variant.GetProperty("inventoryItem").GetProperty("id").GetString(), locationId = await host.FirstLocationIdAsync(), quantity = 9 } },
            },
        });

        var (_, firstBody) = await host.NextDeliveryAsync();
        await host.DeliveryWhenAsync(d => d.GetProperty("attempts").GetInt32() == 1 && d.GetProperty("lastStatusCode").GetInt32() == 500);
        Assert.False(host.Received.Reader.TryRead(out _));

        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var (retryHeaders, retryBody) = await host.NextDeliveryAsync();
        Assert.Equal("inventory_levels/update", retryHeaders["X-Shopify-Topic"].ToString());
        Assert.Equal(firstBody, retryBody);
        using var payload = JsonDocument.Parse(retryBody);
        Assert.Equal(9, payload.RootElement.GetProperty("available").GetInt32());
        await host.DeliveryWhenAsync(d => d.GetProperty("status").GetString() == "delivered" && d.GetProperty("attempts").GetInt32() == 2);
    }

    private async Task SubscribeAsync(string topic)
    {
        var data = await host.DataAsync(
            """
            mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) {
                webhookSubscription { id topic endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } }
                userErrors { field message }
              }
            }
            """,
            new { topic, sub = new { callbackUrl = host.ReceiverUrl.ToString(), format = "JSON" } });
        var payload = data.GetProperty("webhookSubscriptionCreate");
        Assert.Empty(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(host.ReceiverUrl.ToString(), payload.GetProperty("webhookSubscription").GetProperty("endpoint").GetProperty("callbackUrl").GetString());
    }
}
