using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Engine.PosSales;

namespace SyncLab.Engine.Tests.Webhooks;

/// <summary>
/// Square's webhooks at the engine, over HTTP against the POS mirror, the engine polling only every hour: a sale at a till
/// (stock moves: <c>inventory.count.updated</c>) is booked in the ERP at once; a lost delivery waits for the next poll; a
/// signature that is not Square's is refused; an event delivered twice polls once.
/// </summary>
public sealed class PosWebhooksOverHttpTests
{
    private const string Vendor = "square";
    private const string Store = "ST01";

    [Fact]
    public async Task a_sale_at_the_till_is_booked_by_webhook_before_the_next_poll_and_a_lost_one_is_healed_by_polling()
    {
        using var probe = await WebhookProbe.StartAsync(PosSaleCapture.Source);
        var subscribed = await probe.SubscribeAsync(Vendor);
        Assert.Equal("created", (string)subscribed["subscriptions"]![0]!["action"]!);
        Assert.Equal("active", (string)(await probe.SubscribeAsync(Vendor))["subscriptions"]![0]!["action"]!);

        var sale = await SellAsync(probe, SoldAtTheStore(probe, 2), 1);
        await probe.ReceivedAsync(Vendor, "poll", 1);
        await probe.Staging.QuiescentAsync();
        probe.NoPollDue();
        Assert.Single(await Invoices(probe, sale));
        Assert.Equal("inventory.count.updated", (await probe.ReceiptsAsync(Vendor))[0].Topic);

        await probe.ChaosAsync("pos", new { dropRate = 1.0 });
        var mark = await Pipeline.StagingOffice.LedgerMarkAsync(probe.Staging.Http, probe.Staging.Host, "pos");
        var lost = await SellAsync(probe, SoldAtTheStore(probe, 2), 1);
        await probe.DroppedAsync("pos", mark);
        await probe.Staging.QuiescentAsync();
        Assert.Empty(await Invoices(probe, lost));
        probe.Staging.Host.Clock.Advance(WebhookProbe.PollInterval);
        await probe.Staging.QuiescentAsync();
        Assert.Single(await Invoices(probe, lost));
        Assert.Single(await Invoices(probe, sale));
    }

    [Fact]
    public async Task a_forged_signature_is_refused_and_an_event_delivered_twice_polls_once()
    {
        using var probe = await WebhookProbe.StartAsync(PosSaleCapture.Source);
        var subscription = (await probe.SubscribeAsync(Vendor))["subscriptions"]![0]!;
        var (url, key) = await SignatureKeyAsync(probe, (string)subscription["id"]!);
        // Square loses every delivery: only the hand-made ones below reach the engine.
        await probe.ChaosAsync("pos", new { dropRate = 1.0 });
        var mark = await Pipeline.StagingOffice.LedgerMarkAsync(probe.Staging.Http, probe.Staging.Host, "pos");
        var sale = await SellAsync(probe, SoldAtTheStore(probe, 1), 1);
        await probe.DroppedAsync("pos", mark);
        await probe.Staging.QuiescentAsync();
        var polls = probe.Polls;
        var body = """{"merchant_id":"M1","type":"inventory.count.updated","event_id":"6a8f5f28-0000-4000-8000-000000000001","created_at":"2026-11-02T15:00:00Z","data":{}}""";

        using (var forged = await DeliverAsync(probe, body, Sign("not-the-key", url, body)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        }
        // Signed for another URL: Square signs the URL too.
        using (var elsewhere = await DeliverAsync(probe, body, Sign(key, "https://elsewhere.example.com/hook", body)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        }
        await probe.Staging.QuiescentAsync();
        Assert.Equal(polls, probe.Polls);
        Assert.Empty(await Invoices(probe, sale));

        for (var i = 0; i < 2; i++)
        {
            using var delivered = await DeliverAsync(probe, body, Sign(key, url, body));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }
        await probe.Staging.QuiescentAsync();
        Assert.Equal(polls + 1, probe.Polls);
        Assert.Single(await Invoices(probe, sale));
        Assert.Equal(
            [("inventory.count.updated", "duplicate"), ("inventory.count.updated", "poll"), ("", "refused"), ("", "refused")],
            (await probe.ReceiptsAsync(Vendor))[..4]);
    }

    private static string SoldAtTheStore(WebhookProbe probe, int quantity)
    {
        var stocked = probe.Staging.Host.Estate.Stock.Where(l => l.LocationCode == Store && l.Quantity >= quantity).Select(l => l.Sku).ToHashSet();
        return probe.Staging.Host.Estate.Items.First(i => !i.Blocked && stocked.Contains(i.Sku)).Sku;
    }

    private static async Task<string> SellAsync(WebhookProbe probe, string sku, int quantity)
    {
        using var response = await probe.Staging.Http.PostAsJsonAsync(new Uri(probe.Staging.Host.Addresses["pos"], "_synclab/pos/sales"), new { locationCode = Store, sku, quantity });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["orderId"]!;
    }

    private static Task<List<JsonNode>> Invoices(WebhookProbe probe, string sale) =>
        probe.Staging.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{PosSalePlan.ExternalNumber(sale)}'");

    /// <summary>The subscription's notification URL and signature key, as Square tells its owner.</summary>
    private static async Task<(string Url, string Key)> SignatureKeyAsync(WebhookProbe probe, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(probe.Staging.Host.Addresses["pos"], $"v2/webhooks/subscriptions/{id}"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tests");
        using var response = await probe.Staging.Http.SendAsync(request);
        var subscription = (await response.Content.ReadFromJsonAsync<JsonNode>())!["subscription"]!;
        return ((string)subscription["notification_url"]!, (string)subscription["signature_key"]!);
    }

    private static async Task<HttpResponseMessage> DeliverAsync(WebhookProbe probe, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(probe.Staging.Host.Addresses["engine"], "engine/webhooks/square"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-square-hmacsha256-signature", signature);
        return await probe.Staging.Http.SendAsync(request);
    }

    private static string Sign(string key, string url, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(url + body)));
}
