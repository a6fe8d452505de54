using System.Net;
using System.Text.Json.Nodes;
using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Faults.Support;
using SyncLab.Mirrors.Tests.Pos;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

/// <summary>Webhook chaos on the POS (Square) mirror's dispatcher.</summary>
public sealed class PosWebhookChaosTests(PosMirrorFixture pos) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private readonly FaultAdmin _admin = new(pos.Plain);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await pos.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        using var off = await pos.Plain.DeleteAsync("/_synclab/webhook-chaos");
        off.EnsureSuccessStatusCode();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task with_duplicates_at_100_percent_each_event_arrives_twice_with_one_event_id()
    {
        await SetChaosAsync("""{"duplicateRate":1}""");
        await SubscribeAsync();

        await SellAsync(StockedSkus().First());
        var first = await _receiver.NextAsync();
        var second = await _receiver.NextAsync();

        Assert.Equal(first.Body, second.Body);
        Assert.Equal((string)JsonNode.Parse(first.Body)!["event_id"]!, (string)JsonNode.Parse(second.Body)!["event_id"]!);
    }

    [Fact]
    public async Task a_reorder_window_releases_a_burst_of_events_in_another_order()
    {
        var before = await _admin.LastSequenceAsync();
        await SetChaosAsync("""{"reorderWindow":"00:10:00","seed":5}""");
        await SubscribeAsync();
        var skus = StockedSkus().Take(5).ToList();

        foreach (var sku in skus)
        {
            await SellAsync(sku);
        }
        for (var i = 0; i < 500 && (await _admin.LedgerAsync(before)).Count(e => e.GetProperty("summary").GetString()!.Contains("held until", StringComparison.Ordinal)) < skus.Count; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        Assert.False(_receiver.TryTake(out _));
        pos.Clock.Advance(TimeSpan.FromMinutes(10));

        var order = new List<int>();
        for (var i = 0; i < skus.Count; i++)
        {
            var count = JsonNode.Parse((await _receiver.NextAsync()).Body)!["data"]!["object"]!["inventory_counts"]![0]!;
            order.Add(skus.FindIndex(sku => SquareIds.Variation(sku) == (string)count["catalog_object_id"]!));
        }
        Assert.Equal([0, 1, 2, 3, 4], order.Order());
        Assert.NotEqual([0, 1, 2, 3, 4], order);
    }

    private IEnumerable<string> StockedSkus() => pos.Estate.Items.Where(i => !i.Blocked)
        .Where(i => pos.Estate.Stock.Single(s => s.Sku == i.Sku && s.LocationCode == "ST01").Quantity >= 2)
        .Select(i => i.Sku);

    private async Task SellAsync(string sku)
    {
        var sale = await pos.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });
        Assert.True(sale.Status is >= 200 and < 300, sale.Body);
    }

    private async Task SetChaosAsync(string json)
    {
        using var response = await _admin.SendAsync(HttpMethod.Put, "/_synclab/webhook-chaos", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SubscribeAsync()
    {
        var reply = await pos.Square.PostJsonAsync("/v2/webhooks/subscriptions", new
        {
            idempotency_key = Guid.NewGuid().ToString("N"),
            subscription = new { name = "chaos", event_types = new[] { "inventory.count.updated" }, notification_url = _receiver.Url },
        });
        Assert.Equal(200, reply.Status);
    }
}
