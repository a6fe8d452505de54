using System.Net;
using System.Text.Json;
using SyncLab.Mirrors.Tests.Erp;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

/// <summary>Webhook chaos on the ERP (Business Central) change notifier.</summary>
public sealed class ErpWebhookChaosTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var off = await erp.Http.DeleteAsync(new Uri("/_synclab/webhook-chaos", UriKind.Relative));
        off.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task with_duplicates_at_100_percent_each_notification_arrives_twice()
    {
        await SetChaosAsync("""{"duplicateRate":1}""");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);

        await ChangePriceAsync(20, 4.44m);
        erp.Clock.Advance(TimeSpan.FromSeconds(30));

        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        Assert.Equal(first.GetRawText(), second.GetRawText());
        await DeleteAsync(subscription);
    }

    [Fact]
    public async Task with_an_extra_delay_the_notification_waits_for_the_business_clock_to_pass_it()
    {
        await SetChaosAsync("""{"extraDelay":"00:10:00"}""");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);

        await ChangePriceAsync(21, 5.55m);
        erp.Clock.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutException>(() => receiver.NextAsync(TimeSpan.FromMilliseconds(500)));
        erp.Clock.Advance(TimeSpan.FromMinutes(10));
        var body = await receiver.NextAsync();
        Assert.Equal("updated", Assert.Single(body.GetProperty("value").EnumerateArray()).GetProperty("changeType").GetString());
        await DeleteAsync(subscription);
    }

    [Fact]
    public async Task with_drops_at_100_percent_nothing_arrives_and_the_ledger_says_it_was_dropped()
    {
        await SetChaosAsync("""{"dropRate":1}""");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver);

        await ChangePriceAsync(22, 6.66m);
        erp.Clock.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<TimeoutException>(() => receiver.NextAsync(TimeSpan.FromMilliseconds(500)));
        var ledger = await erp.GetJsonAsync("/_synclab/ledger?after=0&limit=10000");
        Assert.Contains(Entries(ledger), e => e.GetProperty("summary").GetString()!.StartsWith("chaos: webhook", StringComparison.Ordinal)
            && e.GetProperty("summary").GetString()!.EndsWith("dropped", StringComparison.Ordinal));
        await DeleteAsync(subscription);
    }

    private static IEnumerable<JsonElement> Entries(JsonElement ledger) =>
        ledger.ValueKind == JsonValueKind.Array ? ledger.EnumerateArray() : ledger.GetProperty("entries").EnumerateArray();

    private async Task SetChaosAsync(string json)
    {
        using var response = await erp.SendJsonAsync(HttpMethod.Put, "/_synclab/webhook-chaos", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task ChangePriceAsync(int index, decimal price)
    {
        using var changed = await erp.PostJsonAsync($"/_synclab/erp/items/{erp.Unblocked(index).Sku}/price", new { unitPrice = price });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    private async Task<JsonElement> SubscribeAsync(WebhookReceiver receiver)
    {
        using var response = await erp.PostJsonAsync("/api/v2.0/subscriptions", new { notificationUrl = receiver.Url, resource = $"{erp.Company}/items", clientState = "chaos" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ErpMirrorFixture.ReadAsync(response);
    }

    private async Task DeleteAsync(JsonElement subscription)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v2.0/subscriptions('{subscription.GetProperty("subscriptionId").GetString()}')");
        using var response = await erp.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
