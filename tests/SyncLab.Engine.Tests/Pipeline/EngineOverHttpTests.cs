using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.MirrorKit.Storage;
using SyncLab.Staging;
using SyncLab.Testing;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>The engine against the real mirrors over loopback HTTP, on each of its stores.</summary>
public sealed class EngineOverHttpTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task when_an_erp_price_changes_the_next_poll_sets_it_on_the_storefront()
    {
        await using var host = await StartAsync(enginePostgres: null);
        await PriceChangeReachesStorefrontAsync(host);
    }

    [Fact]
    public async Task with_its_state_on_postgresql_the_engine_carries_a_price_change_the_same_way()
    {
        var database = await TestServices.CreateIsolatedPostgresDatabaseAsync("engine");
        await using var host = await StartAsync(enginePostgres: database);
        await PriceChangeReachesStorefrontAsync(host);
    }

    [Fact]
    public async Task a_change_read_again_by_an_overlapping_poll_is_written_to_the_storefront_once()
    {
        await using var host = await StartAsync(enginePostgres: null);
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        await Quiescent(http, host);

        await http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 41.25m });
        var ledgerMark = await LastLedgerSequenceAsync(http, host);
        // Three polls, each re-reading the last two minutes: the change is seen more than once.
        for (var poll = 0; poll < 3; poll++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(40));
            host.Engine.SyncNow();
            await Quiescent(http, host);
        }

        var effects = await LedgerAsync(http, host, ledgerMark);
        Assert.Single(effects, e => e.Contains(sku, StringComparison.Ordinal) && e.Contains("41.25", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_staging_on_postgresql_finds_its_state_again_after_a_restart()
    {
        var server = await TestServices.CreateIsolatedPostgresDatabaseAsync("staging");
        var engineDb = await TestServices.CreateIsolatedPostgresDatabaseAsync("staging-engine");
        var options = new StagingOptions
        {
            Seed = 42,
            Skus = 20,
            BasePort = 0,
            ClockStart = Epoch,
            ClockRate = 0,
            MirrorStore = new StoreOptions(StoreKind.Postgres, server),
            EnginePostgres = engineDb,
        };
        string sku;
        await using (var first = await StagingHost.StartAsync(options))
        {
            await PriceChangeReachesStorefrontAsync(first);
            sku = CleanWebSku(first);
        }

        await using var second = await StagingHost.StartAsync(options with { ClockStart = Epoch.AddHours(1) });
        using var http = new HttpClient();
        await Quiescent(http, second);
        Assert.Equal(77.70m, await StorefrontPriceAsync(http, second, sku));
        var effects = await LedgerAsync(http, second, 0);
        Assert.DoesNotContain(effects, e => e.StartsWith($"price {sku}", StringComparison.Ordinal));
    }

    private static async Task PriceChangeReachesStorefrontAsync(StagingHost host)
    {
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        await Quiescent(http, host);

        var change = await http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 77.70m });
        change.EnsureSuccessStatusCode();
        Assert.NotEqual(77.70m, await StorefrontPriceAsync(http, host, sku));

        host.Clock.Advance(host.Options.PollInterval);
        await Quiescent(http, host);

        Assert.Equal(77.70m, await StorefrontPriceAsync(http, host, sku));
    }

    private static Task<StagingHost> StartAsync(string? enginePostgres) => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 20,
        BasePort = 0,
        ClockStart = Epoch,
        ClockRate = 0,
        EnginePostgres = enginePostgres,
    });

    private static string CleanWebSku(StagingHost host) =>
        host.Estate.Items.First(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Sku;

    private static async Task Quiescent(HttpClient http, StagingHost host)
    {
        var response = await http.GetAsync(new Uri(host.Addresses["engine"], "engine/quiescence?timeoutSeconds=30"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<decimal> StorefrontPriceAsync(HttpClient http, StagingHost host, string sku)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Addresses["storefront"], "admin/api/2025-01/graphql.json"))
        {
            Content = JsonContent.Create(new { query = "query($q: String!) { productVariants(first: 1, query: $q) { edges { node { price } } } }", variables = new { q = $"sku:{sku}" } }),
        };
        request.Headers.Add("X-Shopify-Access-Token", "test");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var price = body!["data"]!["productVariants"]!["edges"]![0]!["node"]!["price"]!.ToString();
        return decimal.Parse(price, CultureInfo.InvariantCulture);
    }

    private static async Task<long> LastLedgerSequenceAsync(HttpClient http, StagingHost host)
    {
        var entries = await http.GetFromJsonAsync<JsonArray>(new Uri(host.Addresses["storefront"], "_synclab/ledger?limit=10000"));
        return entries!.Count == 0 ? 0 : (long)entries[^1]!["sequence"]!;
    }

    private static async Task<List<string>> LedgerAsync(HttpClient http, StagingHost host, long after)
    {
        var entries = await http.GetFromJsonAsync<JsonArray>(new Uri(host.Addresses["storefront"], $"_synclab/ledger?after={after}"));
        return entries!.Where(e => (string?)e!["kind"] == "effect").Select(e => (string)e!["summary"]!).ToList();
    }
}
