using System.Net.Http.Json;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>Effective-dated prices through the engine and the real mirrors: live at local midnight, once, without waiting for a poll.</summary>
public sealed class EffectivePricesOverHttpTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero); // 09:00 in Chicago
    private static readonly DateTimeOffset ChicagoMidnight = new(2026, 11, 3, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_list_starting_at_midnight_is_live_at_midnight_between_two_polls_and_applied_once()
    {
        await using var host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42,
            Skus = 20,
            BasePort = 0,
            ClockStart = Epoch,
            ClockRate = 0,
            // Polls are an hour apart: a price list that waited for a poll would be late.
            PollInterval = TimeSpan.FromHours(1),
            ForeignServices = new ForeignServicesOptions { Enabled = false },
        });
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var sku = StagingHttp.CleanWebSku(host);
        var before = await StagingHttp.StorefrontPriceAsync(http, host, sku);
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/erp/price-lists"), new
        {
            code = "NOV-3",
            startingDate = "2026-11-03",
            timeZone = "America/Chicago",
            lines = new[] { new { number = sku, unitPrice = 26.5m, compareAtPrice = 30m } },
        }));
        // The last poll before midnight: 23:30 in Chicago, so the next one is due at 00:30.
        host.Clock.Set(ChicagoMidnight.AddMinutes(-30));
        host.Engine.SyncNow();
        await StagingHttp.QuiescentAsync(http, host);
        var lastPoll = host.Engine.LastPollAt;

        host.Clock.Set(ChicagoMidnight.AddTicks(-1));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(before, await StagingHttp.StorefrontPriceAsync(http, host, sku));

        var mark = await LastStorefrontSequenceAsync(http, host);
        host.Clock.Set(ChicagoMidnight);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(26.5m, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        Assert.Equal(lastPoll, host.Engine.LastPollAt);

        // Later polls re-read the list (overlap) and pass midnight again in their windows: nothing fires twice.
        for (var poll = 0; poll < 3; poll++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await StagingHttp.QuiescentAsync(http, host);
        }
        Assert.True(host.Engine.LastPollAt > ChicagoMidnight);
        var writes = (await StorefrontEffectsAsync(http, host, mark)).Count(e => e.Contains("26.5", StringComparison.Ordinal));
        Assert.Equal(1, writes);
    }

    private static async Task<long> LastStorefrontSequenceAsync(HttpClient http, StagingHost host)
    {
        var entries = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["storefront"], "_synclab/ledger?limit=10000")))!.AsArray();
        return entries.Count == 0 ? 0 : (long)entries[^1]!["sequence"]!;
    }

    private static async Task<List<string>> StorefrontEffectsAsync(HttpClient http, StagingHost host, long after)
    {
        var entries = (await StagingHttp.GetAsync(http, new Uri(host.Addresses["storefront"], $"_synclab/ledger?after={after}")))!.AsArray();
        return entries.Where(e => (string?)e!["kind"] == "effect").Select(e => (string)e!["summary"]!).ToList();
    }
}
