using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class PosWebhookTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await mirror.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private string StockedSku() => mirror.Estate.Items.Where(i => !i.Blocked)
        .First(i => mirror.Estate.Stock.Single(s => s.Sku == i.Sku && s.LocationCode == "ST01").Quantity >= 2).Sku;

    private async Task<string> SubscribeAsync()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/webhooks/subscriptions", new
        {
            idempotency_key = Guid.NewGuid().ToString("N"),
            subscription = new { name = "sync engine", event_types = new[] { "inventory.count.updated" }, notification_url = _receiver.Url },
        });
        Assert.Equal(200, reply.Status);
        return (string)reply.Json!["subscription"]!["signature_key"]!;
    }

    private static string Sign(string key, string url, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(url + body)));

    [Fact]
    public async Task when_a_sale_moves_stock_a_signed_inventory_count_updated_event_is_delivered()
    {
        var key = await SubscribeAsync();
        var sku = StockedSku();

        await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });
        var delivery = await _receiver.NextAsync();

        Assert.Equal(Sign(key, _receiver.Url, delivery.Body), delivery.Headers["x-square-hmacsha256-signature"]);
        var notification = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("inventory.count.updated", (string)notification["type"]!);
        var count = Assert.Single(notification["data"]!["object"]!["inventory_counts"]!.AsArray())!;
        Assert.Equal(SquareIds.Variation(sku), (string)count["catalog_object_id"]!);
        Assert.Equal(SquareIds.Location("ST01"), (string)count["location_id"]!);
        Assert.Empty(OpenApiShape.Square.Violations(delivery.Body, OpenApiShape.Square.Schema("InventoryCountUpdatedEvent")));
    }

    [Fact]
    public async Task every_event_has_its_own_event_id()
    {
        await SubscribeAsync();
        var sku = StockedSku();

        await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });
        await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });
        var first = JsonNode.Parse((await _receiver.NextAsync()).Body)!;
        var second = JsonNode.Parse((await _receiver.NextAsync()).Body)!;

        Assert.NotEqual((string)first["event_id"]!, (string)second["event_id"]!);
    }

    [Fact]
    public async Task when_the_subscriber_fails_the_event_is_retried_once_business_time_has_passed()
    {
        await SubscribeAsync();
        _receiver.AnswerNext(503);

        await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku = StockedSku(), quantity = 1 });
        var failed = await _receiver.NextAsync();
        Assert.Equal(503, failed.AnsweredWith);
        // The clock is frozen: nothing is retried until business time reaches the first retry delay.
        mirror.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await _receiver.NextAsync();

        Assert.Equal(200, retried.AnsweredWith);
        Assert.Equal((string)JsonNode.Parse(failed.Body)!["event_id"]!, (string)JsonNode.Parse(retried.Body)!["event_id"]!);
    }

    [Fact]
    public async Task a_subscription_without_a_url_is_a_400_naming_the_field()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/webhooks/subscriptions", new { subscription = new { event_types = new[] { "inventory.count.updated" } } });

        Assert.Equal(400, reply.Status);
        Assert.Equal("subscription.notification_url", (string)reply.Json!["errors"]![0]!["field"]!);
    }
}
