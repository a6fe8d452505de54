using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Engine.Fulfilment;
using SyncLab.Engine.Tests.Fulfilment;

namespace SyncLab.Engine.Tests.Webhooks;

/// <summary>
/// ShipStation's webhooks at the engine, over HTTP against the warehouse mirror, the engine polling only every hour: a
/// label bought (the <c>track</c> event, signed RSA-SHA256) fulfils the web order at once; a delivery sent twice polls
/// once; a lost one waits for the next poll (a parcel split off an order's shipment as well); a signature that is not
/// ShipStation's is refused.
/// </summary>
public sealed class WarehouseWebhooksOverHttpTests
{
    private const string Vendor = "shipstation";

    [Fact]
    public async Task a_label_fulfils_the_order_by_webhook_before_the_next_poll_a_duplicate_polls_once_and_a_lost_one_is_healed_by_polling()
    {
        using var probe = await WebhookProbe.StartAsync(WmsShipmentCapture.Source);
        var s = probe.Staging;
        Assert.Equal("created", (string)(await probe.SubscribeAsync(Vendor))["subscriptions"]![0]!["action"]!);
        Assert.Equal("active", (string)(await probe.SubscribeAsync(Vendor))["subscriptions"]![0]!["action"]!);
        var (first, second, third) = (await OrderAsync(probe, "ada@example.com", 0), await OrderAsync(probe, "bo@example.com", 1), await OrderAsync(probe, "cy@example.com", 2));

        await s.BuyLabelAsync(first.Shipment);
        await probe.ReceivedAsync(Vendor, "poll", 1);
        await s.QuiescentAsync();
        probe.NoPollDue();
        Assert.Equal("FULFILLED", (await s.FulfilmentsAsync(first.Order)).Status);
        Assert.Equal(("API_TRACK", "poll"), (await probe.ReceiptsAsync(Vendor))[0]);

        await probe.ChaosAsync("warehouse", new { duplicateRate = 1.0 });
        var polls = probe.Polls;
        await s.BuyLabelAsync(second.Shipment);
        await probe.ReceivedAsync(Vendor, "duplicate", 1);
        await s.QuiescentAsync();
        Assert.Equal("FULFILLED", (await s.FulfilmentsAsync(second.Order)).Status);
        Assert.Equal(polls + 1, probe.Polls);

        await probe.ChaosAsync("warehouse", new { dropRate = 1.0 });
        var mark = await Pipeline.StagingOffice.LedgerMarkAsync(s.Http, s.Host, "warehouse");
        await s.BuyLabelAsync(third.Shipment);
        await probe.DroppedAsync("warehouse", mark);
        await s.QuiescentAsync();
        Assert.Equal(0, (await s.FulfilmentsAsync(third.Order)).Fulfillments);
        s.Host.Clock.Advance(WebhookProbe.PollInterval);
        await s.QuiescentAsync();
        Assert.Equal("FULFILLED", (await s.FulfilmentsAsync(third.Order)).Status);
        Assert.Equal(1, (await s.FulfilmentsAsync(first.Order)).Fulfillments);
    }

    [Fact]
    public async Task a_parcel_split_off_by_the_warehouse_fulfils_its_lines_by_webhook_and_a_lost_one_for_the_rest_is_healed_by_polling()
    {
        using var probe = await WebhookProbe.StartAsync(WmsShipmentCapture.Source);
        var s = probe.Staging;
        await probe.SubscribeAsync(Vendor);
        var (a, b) = (s.StockedWebSku(1), s.StockedWebSku(1, skip: 1));
        var order = await s.PlaceOrderAsync("parcel@example.com", (a, 1), (b, 1));
        await probe.SyncNowAsync();
        var shipment = (string)Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(order)))["shipment_id"]!;

        await s.ShipParcelAsync(shipment, "ups", (a, 1));
        await probe.ReceivedAsync(Vendor, "poll", 1);
        await s.QuiescentAsync();
        probe.NoPollDue();
        Assert.Equal("PARTIALLY_FULFILLED", (await s.FulfilmentsAsync(order)).Status);

        await probe.ChaosAsync("warehouse", new { dropRate = 1.0 });
        var mark = await Pipeline.StagingOffice.LedgerMarkAsync(s.Http, s.Host, "warehouse");
        await s.BuyLabelAsync(shipment);
        await probe.DroppedAsync("warehouse", mark);
        await s.QuiescentAsync();
        Assert.Equal(1, (await s.FulfilmentsAsync(order)).Fulfillments);
        s.Host.Clock.Advance(WebhookProbe.PollInterval);
        await s.QuiescentAsync();
        var healed = await s.FulfilmentsAsync(order);
        Assert.Equal((2, "FULFILLED"), (healed.Fulfillments, healed.Status));
    }

    [Fact]
    public async Task a_delivery_not_signed_by_shipstation_is_refused_without_a_poll()
    {
        using var probe = await WebhookProbe.StartAsync(WmsShipmentCapture.Source);
        var s = probe.Staging;
        var keys = (await s.Http.GetFromJsonAsync<JsonNode>(new Uri(s.Host.Addresses["warehouse"], "jwks")))!["keys"]!.AsArray();
        var kid = (string)keys[0]!["kid"]!;
        var now = s.Host.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var body = """{"resource_url":"http://example.com/v2/labels/se-1/track","resource_type":"API_TRACK"}""";
        var polls = probe.Polls;

        foreach (var (keyId, timestamp, signature) in new[] { (kid, now, "bm90IGEgc2lnbmF0dXJl"), ("unknown-key", now, "bm90IGEgc2lnbmF0dXJl"), (kid, "not a time", "bm90") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(s.Host.Addresses["engine"], "engine/webhooks/shipstation"))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-shipengine-rsa-sha256-key-id", keyId);
            request.Headers.Add("x-shipengine-timestamp", timestamp);
            request.Headers.Add("x-shipengine-rsa-sha256-signature", signature);
            using var response = await s.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        await s.QuiescentAsync();
        Assert.Equal(polls, probe.Polls);
        Assert.Equal(["refused", "refused", "refused"], (await probe.ReceiptsAsync(Vendor)).Select(r => r.Outcome));
    }

    /// <summary>A web order brought to the warehouse by "sync now" (the clock stands still): its pending shipment.</summary>
    private static async Task<(JsonNode Order, string Shipment)> OrderAsync(WebhookProbe probe, string email, int skip)
    {
        var s = probe.Staging;
        var order = await s.PlaceOrderAsync(email, (s.StockedWebSku(1, skip), 1));
        await probe.SyncNowAsync();
        var shipment = Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(order)));
        return (order, (string)shipment["shipment_id"]!);
    }
}
