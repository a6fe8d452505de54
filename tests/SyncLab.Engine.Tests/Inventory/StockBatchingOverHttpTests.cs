using System.Net;
using System.Net.Http.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.Inventory;

/// <summary>
/// Storefront stock writes in batches (<see cref="StorefrontStockWriter"/>) against the real storefront mirror over
/// loopback HTTP: through the engine (many SKUs changing at once, fewer calls than SKUs), and through the writer with
/// the real client, each call held at a gate so the test knows which quantities share it.
/// </summary>
public sealed class StockBatchingOverHttpTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private const string GraphQl = "/admin/api/*/graphql.json";

    [Fact]
    public async Task stock_of_many_skus_changing_at_once_is_written_in_fewer_calls_than_skus_every_level_right_and_once()
    {
        await using var host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42,
            Skus = 80,
            BasePort = 0,
            ClockStart = Epoch,
            ClockRate = 0,
            ConfigureEngine = o => o with { Parallelism = 8 },
        });
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        // SKUs the inventory process keeps (listed, not withdrawn) and well stocked, so no stock tag changes with them.
        var skus = new List<(string Sku, int Total)>();
        foreach (var item in host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku))
        {
            if (await StorefrontAvailableAsync(http, host, item.Sku) is var available and >= 20 && await ErpInventoryAsync(http, host, item.Sku) == available)
            {
                skus.Add((item.Sku, available + 50 + skus.Count));
            }
        }
        Assert.True(skus.Count >= 24, $"only {skus.Count} well-stocked synced SKUs in the estate");
        foreach (var (sku, total) in skus)
        {
            await StagingOffice.SetErpStockAsync(http, host, sku, total);
        }
        // Each storefront call takes 100 ms of real time, as a real shop's may, so handlers meet while one is in flight.
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "slow-shop", kind = "latency", path = GraphQl, delay = "00:00:00.100" }));
        var mark = await StagingOffice.LedgerMarkAsync(http, host, "storefront");

        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);

        var ledger = await StagingOffice.LedgerAsync(http, host, "storefront", mark);
        foreach (var (sku, total) in skus)
        {
            Assert.Equal(total, await StorefrontAvailableAsync(http, host, sku));
        }
        var effects = ledger.Where(e => (string?)e["kind"] == "effect" && ((string)e["summary"]!).StartsWith("available ", StringComparison.Ordinal)).Select(e => (string)e["summary"]!).ToList();
        foreach (var (sku, total) in skus)
        {
            Assert.Single(effects, e => e.StartsWith($"available {sku} @ ", StringComparison.Ordinal) && e.EndsWith($" -> {total}", StringComparison.Ordinal));
        }
        Assert.Equal(skus.Count, effects.Count);
        // Every storefront call of the poll (captures, the read-ahead, the writes), against one write per SKU before.
        var calls = ledger.Count(e => (string?)e["kind"] == "call" && ((string)e["path"]!).EndsWith("graphql.json", StringComparison.Ordinal));
        Assert.True(calls < skus.Count / 2, $"{calls} storefront calls for {skus.Count} SKUs");
    }

    [Fact]
    public async Task one_sku_with_a_stale_compare_and_one_at_an_unknown_location_fail_alone_and_their_neighbours_land()
    {
        await using var host = await StartSyncedAsync();
        using var http = new HttpClient();
        var shop = Shop(host, http);
        var gates = new Gates(shop);
        var writer = new StorefrontStockWriter(gates.SendAsync);
        var stocks = await StocksAsync(host, shop, 10);
        var mark = await StagingOffice.LedgerMarkAsync(http, host, "storefront");

        var leader = writer.SetAsync(Compared(stocks[0], 9100), CancellationToken.None);
        await gates.Arrived(0);
        var neighbours = stocks.Skip(1).Take(7).Select((s, i) => (s, writer.SetAsync(Compared(s, 9200 + i), CancellationToken.None))).ToList();
        var stale = writer.SetAsync(new ShopifyQuantity(stocks[8].Item, stocks[8].Location, 9300, stocks[8].Available + 1), CancellationToken.None);
        var nowhere = writer.SetAsync(new ShopifyQuantity(stocks[9].Item, "gid://shopify/Location/987654", 9400, 0), CancellationToken.None);
        gates.Open(0);
        gates.Open(1);
        gates.Open(2);

        await leader;
        await Task.WhenAll(neighbours.Select(n => n.Item2));
        var staleFailure = await Assert.ThrowsAsync<VendorCallException>(() => stale);
        Assert.True(staleFailure.Transient);
        Assert.Contains("COMPARE_QUANTITY_STALE", staleFailure.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<VendorCallException>(() => nowhere);
        Assert.False(refused.Transient);
        Assert.Contains("location", refused.Message, StringComparison.Ordinal);
        // The leader alone; the nine together, refused whole; the seven neighbours again.
        Assert.Equal([1, 9, 7], gates.Sizes);
        Assert.Equal(9100, await AvailableAsync(shop, stocks[0]));
        foreach (var ((stock, _), i) in neighbours.Select((n, i) => (n, i)))
        {
            Assert.Equal(9200 + i, await AvailableAsync(shop, stock));
        }
        Assert.Equal(stocks[8].Available, await AvailableAsync(shop, stocks[8]));
        Assert.Equal(stocks[9].Available, await AvailableAsync(shop, stocks[9]));
        var effects = await StagingOffice.EffectsAsync(http, host, "storefront", mark);
        Assert.Equal(8, effects.Count(e => e.StartsWith("available ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("throttle", 429)]
    [InlineData("error", 503)]
    [InlineData("lost-answer", 504)]
    public async Task a_batch_that_fails_in_transit_fails_every_quantity_in_it_and_sent_again_each_lands_once(string kind, int status)
    {
        await using var host = await StartSyncedAsync();
        using var http = new HttpClient();
        var shop = Shop(host, http);
        var gates = new Gates(shop);
        var writer = new StorefrontStockWriter(gates.SendAsync);
        var stocks = await StocksAsync(host, shop, 6);
        var mark = await StagingOffice.LedgerMarkAsync(http, host, "storefront");

        // Sets without a compare, as the inventory process (source erp) writes them.
        var leader = writer.SetAsync(Set(stocks[0], 9070), CancellationToken.None);
        await gates.Arrived(0);
        var batch = stocks.Skip(1).Select((s, i) => writer.SetAsync(Set(s, 9080 + i), CancellationToken.None)).ToList();
        gates.Open(0);
        await leader;
        await gates.Arrived(1);
        object fault = kind == "error" ? new { id = "batch", kind, path = GraphQl, status, rate = 1.0 } : new { id = "batch", kind, path = GraphQl, status, count = 1 };
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), fault));
        gates.Open(1);
        foreach (var entry in batch)
        {
            var failure = await Assert.ThrowsAsync<VendorCallException>(() => entry);
            Assert.True(failure.Transient, failure.Message);
            Assert.Equal((HttpStatusCode)status, failure.Status);
        }
        await OkAsync(http.DeleteAsync(new Uri(host.Addresses["storefront"], "_synclab/faults/batch")));

        // Each handler retries as it would alone: the same sets, sent again.
        gates.Open(2);
        await Task.WhenAll(stocks.Skip(1).Select((s, i) => writer.SetAsync(Set(s, 9080 + i), CancellationToken.None)));

        Assert.Equal([1, 5, 5], gates.Sizes);
        for (var i = 1; i < stocks.Count; i++)
        {
            Assert.Equal(9080 + i - 1, await AvailableAsync(shop, stocks[i]));
        }
        // A lost answer committed the first time: the retry sets the same number again, which moves nothing.
        var effects = (await StagingOffice.EffectsAsync(http, host, "storefront", mark)).Where(e => e.StartsWith("available ", StringComparison.Ordinal)).ToList();
        Assert.Equal(stocks.Count, effects.Count);
        Assert.Equal(stocks.Count, effects.Select(e => e.Split(' ')[1]).Distinct().Count());
    }

    private sealed record Stock(string Sku, string Item, string Location, int Available);

    private static ShopifyQuantity Compared(Stock stock, int quantity) => new(stock.Item, stock.Location, quantity, stock.Available);

    private static ShopifyQuantity Set(Stock stock, int quantity) => new(stock.Item, stock.Location, quantity, null);

    private static async Task<StagingHost> StartSyncedAsync()
    {
        var host = await StagingHost.StartAsync(new StagingOptions { Seed = 42, Skus = 30, BasePort = 0, ClockStart = Epoch, ClockRate = 0 });
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        return host;
    }

    private static ShopifyAdminClient Shop(StagingHost host, HttpClient http) =>
        new(http, new EngineOptions { ErpBaseUrl = host.Addresses["erp"], StorefrontBaseUrl = host.Addresses["storefront"] }, new VariantLookahead());

    /// <summary>Listed SKUs stocked at the web location, with their inventory item and available now.</summary>
    private static async Task<List<Stock>> StocksAsync(StagingHost host, ShopifyAdminClient shop, int count)
    {
        var storefront = new StorefrontStock(shop);
        var web = await new StorefrontCatalog(shop, new VariantLookahead(), new EngineOptions { ErpBaseUrl = host.Addresses["erp"], StorefrontBaseUrl = host.Addresses["storefront"] }).WebLocationIdAsync(CancellationToken.None);
        var stocks = new List<Stock>();
        foreach (var item in host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked))
        {
            if (await storefront.VariantStockAsync(item.Sku, web, CancellationToken.None) is { Quantities: { } q } variant && stocks.Count < count)
            {
                stocks.Add(new Stock(item.Sku, variant.InventoryItemId, web, q.Available));
            }
        }
        Assert.True(stocks.Count == count, $"only {stocks.Count} listed SKUs stocked at the web location");
        return stocks;
    }

    private static async Task<int?> AvailableAsync(ShopifyAdminClient shop, Stock stock) =>
        await shop.AvailableAsync(stock.Item, stock.Location, CancellationToken.None);

    private static async Task<int> ErpInventoryAsync(HttpClient http, StagingHost host, string sku)
    {
        var card = await GetAsync(http, new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}"));
        return (int)decimal.Parse(card!["inventory"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The real client behind a gate per call: a call waits until the test opens its gate, so the test knows what it holds.</summary>
    private sealed class Gates(ShopifyAdminClient shop)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<int, TaskCompletionSource> _arrived = [];
        private readonly Dictionary<int, TaskCompletionSource> _open = [];

        public List<int> Sizes { get; } = [];

        public Task Arrived(int call) => Signal(_arrived, call).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public void Open(int call) => Signal(_open, call).TrySetResult();

        public async Task<IReadOnlyList<ShopifyQuantityError>> SendAsync(IReadOnlyList<ShopifyQuantity> quantities, bool compare, CancellationToken ct)
        {
            int call;
            lock (_gate)
            {
                call = Sizes.Count;
                Sizes.Add(quantities.Count);
            }
            Signal(_arrived, call).TrySetResult();
            await Signal(_open, call).Task.WaitAsync(ct);
            return await shop.SetAvailableAsync(quantities, compare, ct);
        }

        private TaskCompletionSource Signal(Dictionary<int, TaskCompletionSource> signals, int call)
        {
            lock (_gate)
            {
                if (!signals.TryGetValue(call, out var signal))
                {
                    signals[call] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                return signal;
            }
        }
    }
}
