using System.Globalization;
using System.Net;
using System.Text.Json;
using SyncLab.Mirrors.Tests.Faults.Support;
using SyncLab.Mirrors.Tests.Storefront;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

/// <summary>Webhook chaos on the storefront (Shopify) mirror: duplicates, drops and reordering, seeded and on the business clock.</summary>
public sealed class StorefrontWebhookChaosTests(WebhookStorefrontHost shop) : IClassFixture<WebhookStorefrontHost>, IAsyncLifetime
{
    private readonly FaultAdmin _admin = new(shop.Http);

    public async Task InitializeAsync()
    {
        await shop.ResetAsync();
        while (shop.Received.Reader.TryRead(out _))
        {
        }
    }

    public async Task DisposeAsync()
    {
        using var off = await shop.Http.DeleteAsync("/_synclab/webhook-chaos");
        off.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task with_duplicates_at_100_percent_every_webhook_is_delivered_twice_with_the_same_ids()
    {
        await SetChaosAsync("""{"duplicateRate":1,"seed":3}""");
        await SubscribeAsync();

        await SetPriceAsync(shop.WebSkus[0], "61.10");
        var (firstHeaders, firstBody) = await shop.NextDeliveryAsync();
        var (secondHeaders, secondBody) = await shop.NextDeliveryAsync();

        Assert.Equal(firstBody, secondBody);
        Assert.Equal(firstHeaders["X-Shopify-Webhook-Id"].ToString(), secondHeaders["X-Shopify-Webhook-Id"].ToString());
        Assert.Equal(firstHeaders["X-Shopify-Event-Id"].ToString(), secondHeaders["X-Shopify-Event-Id"].ToString());
        await _admin.LedgerEntryAsync(0, e => e.GetProperty("summary").GetString()!.Contains("sent twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task with_drops_at_100_percent_no_webhook_arrives_though_the_shop_counts_it_delivered()
    {
        var before = await _admin.LastSequenceAsync();
        await SetChaosAsync("""{"dropRate":1}""");
        await SubscribeAsync();

        await SetPriceAsync(shop.WebSkus[1], "62.20");

        await _admin.LedgerEntryAsync(before, e => e.GetProperty("summary").GetString()!.Contains("dropped", StringComparison.Ordinal));
        var delivery = await shop.DeliveryWhenAsync(d => d.GetProperty("status").GetString() == "delivered");
        Assert.Equal("dropped by webhook chaos", delivery.GetProperty("lastError").GetString());
        Assert.False(shop.Received.Reader.TryRead(out _));
    }

    [Fact]
    public async Task a_reorder_window_holds_a_burst_and_releases_all_of_it_in_another_order()
    {
        var before = await _admin.LastSequenceAsync();
        await SetChaosAsync("""{"reorderWindow":"00:10:00","seed":11}""");
        await SubscribeAsync();
        var skus = shop.WebSkus.Take(5).ToList();
        var prices = skus.Select((_, i) => (71 + (i / 100m)).ToString("0.00", CultureInfo.InvariantCulture)).ToList();

        for (var i = 0; i < skus.Count; i++)
        {
            await SetPriceAsync(skus[i], prices[i]);
        }
        // Held on a frozen clock: nothing arrives until business time passes the window.
        await WaitForHeldAsync(before, skus.Count);
        Assert.False(shop.Received.Reader.TryRead(out _));
        shop.Clock.Advance(TimeSpan.FromMinutes(10));

        var order = new List<int>();
        for (var i = 0; i < skus.Count; i++)
        {
            var (_, body) = await shop.NextDeliveryAsync();
            using var payload = JsonDocument.Parse(body);
            // One product per item, so each payload is one of the five price changes.
            var variant = payload.RootElement.GetProperty("variants")[0];
            var index = skus.IndexOf(variant.GetProperty("sku").GetString()!);
            Assert.Equal(prices[index], variant.GetProperty("price").GetString());
            order.Add(index);
        }

        Assert.Equal([0, 1, 2, 3, 4], order.Order());
        Assert.NotEqual([0, 1, 2, 3, 4], order);
    }

    [Fact]
    public async Task bad_chaos_settings_are_refused_with_problem_details()
    {
        using var response = await _admin.SendAsync(HttpMethod.Put, "/_synclab/webhook-chaos", """{"dropRate":2,"reorderWindow":"-00:01:00"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = FaultAdmin.Parse(await response.Content.ReadAsStringAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("dropRate", out _));
        Assert.True(errors.TryGetProperty("reorderWindow", out _));
    }

    private async Task SetChaosAsync(string json)
    {
        using var response = await _admin.SendAsync(HttpMethod.Put, "/_synclab/webhook-chaos", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task WaitForHeldAsync(long after, int count)
    {
        for (var i = 0; i < 500; i++)
        {
            if ((await _admin.LedgerAsync(after)).Count(e => e.GetProperty("summary").GetString()!.Contains("held until", StringComparison.Ordinal)) >= count)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        throw new TimeoutException($"fewer than {count} webhooks were held");
    }

    private async Task SetPriceAsync(string sku, string price)
    {
        var variant = await shop.VariantBySkuAsync(sku);
        await shop.DataAsync(Operations.UpdatePrices, new
        {
            productId = variant.GetProperty("product").GetProperty("id").GetString(),
            variants = new[] { new { id = variant.GetProperty("id").GetString(), price } },
        });
    }

    private async Task SubscribeAsync()
    {
        var data = await shop.DataAsync(
            """
            mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { userErrors { field message } }
            }
            """,
            new { topic = "PRODUCTS_UPDATE", sub = new { callbackUrl = shop.ReceiverUrl.ToString(), format = "JSON" } });
        Assert.Empty(data.GetProperty("webhookSubscriptionCreate").GetProperty("userErrors").EnumerateArray());
    }
}
