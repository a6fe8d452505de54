using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Capture;
using SyncLab.Engine.Tests.Pipeline;

namespace SyncLab.Engine.Tests.Webhooks;

/// <summary>An engine told to take webhooks (<c>synclab up --webhooks</c>) subscribes to the ERP, the POS and the warehouse by itself when it starts.</summary>
public sealed class SubscribeAtStartOverHttpTests
{
    [Fact]
    public async Task the_engine_subscribes_to_every_vendor_when_it_starts_and_the_erp_webhook_brings_a_price()
    {
        using var probe = await WebhookProbe.StartAsync(ErpItemCapture.Source, subscribeAtStart: true);
        var (host, http) = (probe.Staging.Host, probe.Staging.Http);
        var engine = host.Addresses["engine"];

        var views = (await StagingHttp.GetAsync(http, new Uri(engine, "engine/webhooks/subscriptions")))!.AsArray();
        Assert.Equal(["businesscentral", "shipstation", "square"], views.Select(v => (string)v!["vendor"]!));
        Assert.All(views, v =>
        {
            Assert.Null(v!["error"]);
            Assert.Equal(new Uri(engine, $"engine/webhooks/{(string)v["vendor"]!}").ToString(), (string)v["callbackUrl"]!);
            Assert.All(v["subscriptions"]!.AsArray(), s => Assert.Equal("created", (string)s!["action"]!));
        });
        var erp = await StagingHttp.ErpAsync(http, host.Addresses["erp"], "api/v2.0/subscriptions");
        Assert.Equal(2, erp!["value"]!.AsArray().Count);
        var warehouse = await WarehouseWebhooksAsync(probe);
        Assert.Equal(("track", new Uri(engine, "engine/webhooks/shipstation").ToString()), Assert.Single(warehouse));

        var sku = StagingHttp.CleanWebSku(host);
        await probe.ErpPriceArrivesByWebhookAsync(sku, await StagingHttp.ErpPriceAsync(http, host, sku) + 1);
    }

    private static async Task<List<(string Event, string Url)>> WarehouseWebhooksAsync(WebhookProbe probe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(probe.Staging.Host.Addresses["warehouse"], "v2/environment/webhooks"));
        request.Headers.Add("api-key", "tests");
        using var response = await probe.Staging.Http.SendAsync(request);
        var rows = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        return [.. rows.Select(r => ((string)r!["event"]!, (string)r["url"]!))];
    }
}
