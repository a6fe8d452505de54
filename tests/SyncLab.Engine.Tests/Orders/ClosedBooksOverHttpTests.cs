using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Fulfilment;

namespace SyncLab.Engine.Tests.Orders;

/// <summary>Web orders against an ERP whose books are closed for their day, over loopback HTTP against the real mirrors.</summary>
public sealed class ClosedBooksOverHttpTests
{
    /// <summary>The staging's engine looks at held work again this often (the default).</summary>
    private static readonly TimeSpan Recheck = new EngineOptions { ErpBaseUrl = new Uri("http://erp/"), StorefrontBaseUrl = new Uri("http://shop/") }.HoldRecheck;

    [Fact]
    public async Task an_order_the_erp_refuses_for_a_closed_period_is_held_past_every_retry_limit_then_posted_on_its_day_once_the_period_opens()
    {
        await using var s = await BackFlowStaging.StartAsync();
        // The epoch is 2026-11-02; only October is open.
        await SetPostingRangeAsync(s, "2026-10-01", "2026-10-31");
        var order = await s.PlaceOrderAsync("held@example.com", (s.StockedWebSku(1), 1));
        var external = BackFlowStaging.External(order);
        var key = (string)order["id"]!;

        await s.PollAsync();
        // Far more looks than MaxAttempts (8): held work is never dead-lettered.
        for (var i = 0; i < 10; i++)
        {
            s.Host.Clock.Advance(Recheck);
            await s.QuiescentAsync();
        }

        var held = Assert.Single(await HeldAsync(s, key))!;
        Assert.Equal("orders", (string)held["process"]!);
        Assert.Contains("books are closed for 2026-11-02", (string)held["reason"]!, StringComparison.Ordinal);
        Assert.True((int)held["checks"]! >= 10, held.ToJsonString());
        Assert.Empty(await s.DataErrorsAsync(key));
        Assert.DoesNotContain(key, await DeadLetteredKeysAsync(s));
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ShipmentsAsync(external));

        await SetPostingRangeAsync(s, "2026-11-01", "2026-11-30");
        s.Host.Clock.Advance(Recheck);
        await s.QuiescentAsync();

        var salesOrder = Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Equal("2026-11-02", (string)salesOrder["postingDate"]!);
        Assert.Single(await s.ShipmentsAsync(external));
        Assert.Empty(await HeldAsync(s, key));
    }

    [Fact]
    public async Task an_order_whose_day_the_office_closed_is_posted_on_today_and_keeps_its_order_date()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var order = await s.PlaceOrderAsync("late@example.com", (s.StockedWebSku(1), 1));
        await SetPostingRangeAsync(s, "2026-11-03", null);
        // A day later in Chicago: 2026-11-03.
        s.Host.Clock.Advance(TimeSpan.FromDays(1));
        await s.QuiescentAsync();

        var salesOrder = Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{BackFlowStaging.External(order)}'"));
        Assert.Equal("2026-11-02", (string)salesOrder["orderDate"]!);
        Assert.Equal("2026-11-03", (string)salesOrder["postingDate"]!);
        Assert.Empty(await HeldAsync(s, (string)order["id"]!));
    }

    private static async Task SetPostingRangeAsync(BackFlowStaging s, string from, string? to)
    {
        using var response = await s.Http.PutAsJsonAsync(new Uri(s.Host.Addresses["erp"], "_synclab/erp/posting-period"), new { allowPostingFrom = from, allowPostingTo = to });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonArray> HeldAsync(BackFlowStaging s, string key) =>
        (await s.Http.GetFromJsonAsync<JsonArray>(new Uri(s.Host.Addresses["engine"], $"engine/held?key={Uri.EscapeDataString(key)}")))!;

    private static async Task<List<string>> DeadLetteredKeysAsync(BackFlowStaging s) =>
        (await s.Http.GetFromJsonAsync<JsonArray>(new Uri(s.Host.Addresses["engine"], "engine/dead-letters")))!.Select(r => (string)r!["key"]!).ToList();
}
