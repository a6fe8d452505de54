using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Engine.Capture;
using SyncLab.Engine.Tests.Pipeline;

namespace SyncLab.Engine.Tests.Webhooks;

/// <summary>
/// Business Central's webhooks at the engine, over HTTP against the ERP mirror, the engine polling only every hour: a
/// price keyed in the ERP reaches the storefront through the notification (after BC's 30 s of collecting); a duplicated
/// delivery makes one poll; a lost one is healed by the next poll; a wrong clientState is refused. Subscriptions are
/// renewed before their three days run out, and made again when BC removed them.
/// </summary>
public sealed class ErpWebhooksOverHttpTests
{
    private const string Vendor = "businesscentral";

    [Fact]
    public async Task a_price_reaches_the_storefront_by_webhook_before_the_next_poll_a_duplicate_polls_once_and_a_lost_one_is_healed_by_polling()
    {
        using var probe = await WebhookProbe.StartAsync(ErpItemCapture.Source);
        var (host, http) = (probe.Staging.Host, probe.Staging.Http);
        var subscribed = await probe.SubscribeAsync(Vendor);
        Assert.Equal(["items", "customers"], subscribed["subscriptions"]!.AsArray().Select(s => (string)s!["resource"]!));
        Assert.All(subscribed["subscriptions"]!.AsArray(), s => Assert.Equal("created", (string)s!["action"]!));
        Assert.Equal(new Uri(host.Addresses["engine"], "engine/webhooks/businesscentral").ToString(), (string)subscribed["callbackUrl"]!);
        // Asking again changes nothing: both are there and far from expiring.
        Assert.All((await probe.SubscribeAsync(Vendor))["subscriptions"]!.AsArray(), s => Assert.Equal("active", (string)s!["action"]!));
        var sku = StagingHttp.CleanWebSku(host);
        var price = await StagingHttp.ErpPriceAsync(http, host, sku);

        await probe.ErpPriceArrivesByWebhookAsync(sku, price + 1);
        Assert.Equal(("items/updated", "poll"), (await probe.ReceiptsAsync(Vendor))[0]);

        // Every delivery sent twice, back to back: one poll.
        await probe.ChaosAsync("erp", new { duplicateRate = 1.0 });
        var polls = probe.Polls;
        await probe.KeyErpPriceAsync(sku, price + 2);
        await probe.ReceivedAsync(Vendor, "duplicate", 1);
        await probe.Staging.QuiescentAsync();
        Assert.Equal(price + 2, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        Assert.Equal(polls + 1, probe.Polls);

        // Every delivery lost (BC believes it delivered): the change waits for the next poll, which brings it.
        await probe.ChaosAsync("erp", new { dropRate = 1.0 });
        var mark = await StagingOffice.LedgerMarkAsync(http, host, "erp");
        await probe.KeyErpPriceAsync(sku, price + 3);
        await probe.DroppedAsync("erp", mark);
        await probe.Staging.QuiescentAsync();
        Assert.Equal(price + 2, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        host.Clock.Advance(WebhookProbe.PollInterval);
        await probe.Staging.QuiescentAsync();
        Assert.Equal(price + 3, await StagingHttp.StorefrontPriceAsync(http, host, sku));
    }

    [Fact]
    public async Task the_handshake_is_echoed_and_a_notification_with_another_client_state_is_refused_without_a_poll()
    {
        using var probe = await WebhookProbe.StartAsync(ErpItemCapture.Source);
        var (host, http) = (probe.Staging.Host, probe.Staging.Http);
        var endpoint = new Uri(host.Addresses["engine"], "engine/webhooks/businesscentral");

        using (var handshake = await http.PostAsync(new Uri(endpoint, "?validationToken=abc%20123"), null))
        {
            Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
            Assert.Equal("text/plain", handshake.Content.Headers.ContentType?.MediaType);
            Assert.Equal("abc 123", await handshake.Content.ReadAsStringAsync());
        }

        var sku = StagingHttp.CleanWebSku(host);
        var price = await StagingHttp.ErpPriceAsync(http, host, sku);
        await StagingOffice.SetErpPriceAsync(http, host, sku, price + 1);
        var polls = probe.Polls;
        using (var forged = await http.PostAsync(endpoint, Notification("not-the-engines", "items")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        }
        await probe.Staging.QuiescentAsync();
        Assert.Equal(polls, probe.Polls);
        Assert.Equal(price, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        Assert.Equal(("", "refused"), (await probe.ReceiptsAsync(Vendor))[0]);

        // The engine's clientState: one poll brings the price; the same notification again is a duplicate.
        for (var i = 0; i < 2; i++)
        {
            using var delivered = await http.PostAsync(endpoint, Notification("synclab-bc-client-state", "items"));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        await probe.Staging.QuiescentAsync();
        Assert.Equal(price + 1, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        Assert.Equal(polls + 1, probe.Polls);
        Assert.Equal([("items/updated", "duplicate"), ("items/updated", "poll")], (await probe.ReceiptsAsync(Vendor))[..2]);
    }

    [Fact]
    public async Task subscriptions_are_renewed_before_they_expire_and_made_again_when_the_erp_removed_them()
    {
        using var probe = await WebhookProbe.StartAsync(ErpItemCapture.Source);
        var (host, http) = (probe.Staging.Host, probe.Staging.Http);
        await probe.SubscribeAsync(Vendor);
        var first = await ErpSubscriptionsAsync(probe);
        Assert.Equal(2, first.Count);
        var mark = await StagingOffice.LedgerMarkAsync(http, host, "erp");

        // Two and a half days on: a day left, so the engine renews (BC hand-shakes again); then past the first expiry.
        host.Clock.Advance(TimeSpan.FromHours(60));
        await probe.Staging.QuiescentAsync();
        host.Clock.Advance(TimeSpan.FromHours(24));
        await probe.Staging.QuiescentAsync();
        var renewed = await ErpSubscriptionsAsync(probe);
        Assert.Equal(first.Select(s => s.Id).Order(), renewed.Select(s => s.Id).Order());
        Assert.All(renewed, s => Assert.True(s.Expires > host.Clock.GetUtcNow(), $"{s.Id} expires {s.Expires:O}, before now"));
        Assert.Equal(2, (await StagingOffice.EffectsAsync(http, host, "erp", mark)).Count(e => e.Contains("renewed until", StringComparison.Ordinal)));

        // BC removes a subscription whose deliveries keep failing: the engine's next look makes it again, and it works.
        foreach (var (id, _) in renewed)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(host.Addresses["erp"], $"api/v2.0/subscriptions('{id}')"));
            delete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tests");
            await StagingHttp.OkAsync(http.SendAsync(delete));
        }
        host.Clock.Advance(TimeSpan.FromHours(6));
        await probe.Staging.QuiescentAsync();
        var again = await ErpSubscriptionsAsync(probe);
        Assert.Equal(2, again.Count);
        Assert.Empty(again.Select(s => s.Id).Intersect(renewed.Select(s => s.Id)));
        var view = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/webhooks/subscriptions")))!.AsArray().Single(v => (string)v!["vendor"]! == Vendor)!;
        Assert.All(view["subscriptions"]!.AsArray(), s => Assert.Equal("created", (string)s!["action"]!));

        var sku = StagingHttp.CleanWebSku(host);
        await probe.ErpPriceArrivesByWebhookAsync(sku, await StagingHttp.ErpPriceAsync(http, host, sku) + 1);
    }

    [Fact]
    public async Task an_address_the_erp_cannot_hand_shake_with_is_a_502_a_bad_one_a_400_and_an_unknown_vendor_a_404()
    {
        using var probe = await WebhookProbe.StartAsync(ErpItemCapture.Source);
        var (host, http) = (probe.Staging.Host, probe.Staging.Http);
        async Task<(HttpStatusCode, string?)> PutAsync(string vendor, object body)
        {
            using var response = await http.PutAsJsonAsync(new Uri(host.Addresses["engine"], $"engine/webhooks/{vendor}/subscriptions"), body);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
        }

        // Nothing listens there: BC's handshake fails and it refuses the subscription.
        Assert.Equal((HttpStatusCode.BadGateway, "application/problem+json"), await PutAsync(Vendor, new { address = "http://127.0.0.1:9/" }));
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), await PutAsync(Vendor, new { address = "ftp://example.com/" }));
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), await PutAsync("netsuite", new { }));
        var page = await StagingHttp.ErpAsync(http, host.Addresses["erp"], "api/v2.0/subscriptions");
        Assert.Empty(page!["value"]!.AsArray());
        var view = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/webhooks/subscriptions")))!.AsArray().Single()!;
        Assert.Contains("validation", (string)view["error"]!, StringComparison.OrdinalIgnoreCase);
    }

    private static StringContent Notification(string clientState, string entitySet) => new(
        new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = "s-1",
                ["clientState"] = clientState,
                ["expirationDateTime"] = "2026-11-05T15:00:00Z",
                ["resource"] = $"api/v2.0/companies(00000000-0000-0000-0000-000000000001)/{entitySet}(00000000-0000-0000-0000-000000000002)",
                ["changeType"] = "updated",
                ["lastModifiedDateTime"] = "2026-11-02T15:00:00Z",
            }),
        }.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<List<(string Id, DateTimeOffset Expires)>> ErpSubscriptionsAsync(WebhookProbe probe)
    {
        var callback = new Uri(probe.Staging.Host.Addresses["engine"], "engine/webhooks/businesscentral").ToString();
        var page = await StagingHttp.ErpAsync(probe.Staging.Http, probe.Staging.Host.Addresses["erp"], "api/v2.0/subscriptions");
        return [.. page!["value"]!.AsArray().Where(s => (string)s!["notificationUrl"]! == callback)
            .Select(s => ((string)s!["subscriptionId"]!, DateTimeOffset.Parse((string)s["expirationDateTime"]!, System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
