using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.DryRun;

/// <summary>GET /engine/dry-run?process=prices&amp;at=…: what the store will show at an instant ahead, price lists included, writing nothing.</summary>
public sealed class DryRunPriceListOverHttpTests
{
    // Midnight on New Year's Day on Chicago's wall clock (UTC-6): the same instant written three ways.
    private static readonly DateTimeOffset NewYear = new(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(-6));

    [Fact]
    public async Task a_dry_run_at_next_years_midnight_shows_the_price_lists_prices_before_the_store_does_and_writes_nothing()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        var skus = host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Select(i => i.Sku).Take(2).ToList();
        var (yearly, sale) = (skus[0], skus[1]);
        var yearlyBefore = await StorefrontPriceAsync(http, host, yearly);
        await PublishAsync(http, host, "2027", "2027-01-01", null, yearly, 26.5m, null);
        await PublishAsync(http, host, "JAN-SALE", "2027-01-01", "2027-01-05", sale, 9.99m, 24.99m);
        // The engine captures both lists and schedules their midnight; nothing is due before it.
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        var storefrontMark = await MirrorLedgers.MarkAsync(http, host);
        var statusBefore = (await StatusAsync(http, host)).ToJsonString();

        // '+' unescaped in the query, as a person types it: 07:00+01:00 is Chicago's midnight.
        var atMidnight = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=prices&at=2027-01-01T07:00:00+01:00")))!;
        var aMinuteBefore = (await GetAsync(http, new Uri(host.Addresses["engine"], $"engine/dry-run?process=prices&at={Uri.EscapeDataString(NewYear.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture))}")))!;
        var now = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=prices")))!;

        Assert.Equal(NewYear, DateTimeOffset.Parse((string)atMidnight["at"]!, CultureInfo.InvariantCulture));
        var yearlyChange = PriceChange(atMidnight, yearly)!;
        Assert.Equal((yearlyBefore.ToString("0.00", CultureInfo.InvariantCulture), "26.50", null), ((string?)yearlyChange["from"], (string?)yearlyChange["to"], (string?)yearlyChange["compareAt"]));
        Assert.Equal(("price list", "2027"), ((string?)yearlyChange["source"]!["kind"], (string?)yearlyChange["source"]!["list"]));
        Assert.Equal(NewYear, DateTimeOffset.Parse((string)yearlyChange["source"]!["starts"]!, CultureInfo.InvariantCulture));
        var saleChange = PriceChange(atMidnight, sale)!;
        Assert.Equal(("9.99", "24.99", "JAN-SALE"), ((string?)saleChange["to"], (string?)saleChange["compareAt"], (string?)saleChange["source"]!["list"]));
        Assert.All(atMidnight["changes"]!.AsArray(), c => Assert.Equal("prices", (string?)c!["process"]));
        // A minute before midnight, and now, the item cards decide: nothing changes for these items.
        Assert.Null(PriceChange(aMinuteBefore, yearly));
        Assert.Null(PriceChange(aMinuteBefore, sale));
        Assert.Null(PriceChange(now, yearly));
        Assert.Equal(host.Clock.GetUtcNow(), DateTimeOffset.Parse((string)now["at"]!, CultureInfo.InvariantCulture));

        Assert.Empty(await MirrorLedgers.EffectsAfterAsync(http, host, storefrontMark));
        Assert.Equal(statusBefore, (await StatusAsync(http, host)).ToJsonString());
        Assert.Equal(yearlyBefore, await StorefrontPriceAsync(http, host, yearly));

        // At midnight the store shows what the dry run announced.
        host.Clock.Set(NewYear);
        await QuiescentAsync(http, host);
        Assert.Equal(26.5m, await StorefrontPriceAsync(http, host, yearly));
        Assert.Equal(9.99m, await StorefrontPriceAsync(http, host, sale));
        var afterMidnight = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=prices")))!;
        Assert.Null(PriceChange(afterMidnight, yearly));
        Assert.Null(PriceChange(afterMidnight, sale));
    }

    [Fact]
    public async Task a_dry_run_past_a_sales_end_shows_the_price_in_effect_again_without_compare_at()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        var sku = CleanWebSku(host);
        var card = await ErpPriceAsync(http, host, sku);
        // A sale from tomorrow to the day after (Chicago), live on the store from its first midnight.
        await PublishAsync(http, host, "NOV-SALE", "2026-11-03", "2026-11-04", sku, 9.99m, 24.99m);
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        host.Clock.Set(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(-6)));
        await QuiescentAsync(http, host);
        Assert.Equal(9.99m, await StorefrontPriceAsync(http, host, sku));

        var during = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=prices&at=2026-11-04T23:59:00-06:00")))!;
        var after = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=prices&at=2026-11-05T00:00:00-06:00")))!;

        Assert.Null(PriceChange(during, sku));
        // The estate's yearly web list (at the item cards' prices) is in effect again once the sale ends.
        var change = PriceChange(after, sku)!;
        Assert.Equal(("9.99", card.ToString("0.00", CultureInfo.InvariantCulture), null, "price list", host.Estate.PriceLists[0].Code),
            ((string?)change["from"], (string?)change["to"], (string?)change["compareAt"], (string?)change["source"]!["kind"], (string?)change["source"]!["list"]));
    }

    private static JsonNode? PriceChange(JsonNode report, string sku) =>
        report["changes"]!.AsArray().SingleOrDefault(c => (string?)c!["sku"] == sku && (string?)c["process"] == "prices");

    private static Task PublishAsync(HttpClient http, StagingHost host, string code, string starting, string? ending, string sku, decimal price, decimal? compareAt) =>
        OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/erp/price-lists"), new
        {
            code,
            startingDate = starting,
            endingDate = ending,
            timeZone = "America/Chicago",
            lines = new[] { new { number = sku, unitPrice = price, compareAtPrice = compareAt } },
        }));
}
