using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>The engine's bulk read of storefront variants, against the real storefront mirror over loopback HTTP.</summary>
public sealed class VariantLookaheadOverHttpTests : IAsyncLifetime, IDisposable
{
    private StagingHost _host = null!;
    private readonly HttpClient _http = new();
    private ShopifyAdminClient _shop = null!;
    private readonly VariantLookahead _lookahead = new();

    public async Task InitializeAsync()
    {
        _host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42,
            Skus = 60,
            BasePort = 0,
            ClockStart = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
            ClockRate = 0,
        });
        await StagingHttp.QuiescentAsync(_http, _host);
        _shop = new ShopifyAdminClient(_http, new EngineOptions { ErpBaseUrl = _host.Addresses["erp"], StorefrontBaseUrl = _host.Addresses["storefront"] }, _lookahead);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task one_search_finds_the_same_variants_as_asking_sku_by_sku_and_nothing_for_unlisted_skus()
    {
        var listed = _host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked).Select(i => i.Sku).Take(30).ToList();
        Assert.True(listed.Count >= 20, $"the estate lists only {listed.Count} items");
        var asked = listed.Append("NO-SUCH-SKU").Append(listed[0].ToLowerInvariant()).ToList();

        var bulk = await _shop.FindVariantsBySkusAsync(asked, CancellationToken.None);

        foreach (var sku in asked)
        {
            var one = await _shop.FindVariantBySkuAsync(sku, CancellationToken.None);
            Assert.Equal(Describe(one), Describe(bulk.GetValueOrDefault(sku)));
        }
        Assert.Equal(listed.Count, bulk.Count);
    }

    [Fact]
    public async Task a_round_reads_ahead_and_a_price_written_by_the_engine_is_never_read_from_what_was_read_ahead()
    {
        var catalog = new StorefrontCatalog(_shop, _lookahead, new EngineOptions { ErpBaseUrl = _host.Addresses["erp"], StorefrontBaseUrl = _host.Addresses["storefront"] });
        var items = _host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Take(3).ToList();
        await catalog.ReadAheadAsync([.. items.Select(i => i.Sku), "NO-SUCH-SKU"], CancellationToken.None);
        Assert.Equal(4, _lookahead.Count);
        Assert.True(_lookahead.TryGet("NO-SUCH-SKU", out var none));
        Assert.Null(none);

        var first = (await _shop.FindVariantBySkuAsync(items[0].Sku, CancellationToken.None))!;
        await _shop.SetPriceAsync(first, first.Price + 1m, null, CancellationToken.None);

        Assert.False(_lookahead.TryGet(items[0].Sku, out _));
        Assert.True(_lookahead.TryGet(items[1].Sku, out _));
        catalog.EndRound();
        Assert.Equal(0, _lookahead.Count);
    }

    private static string Describe(ShopifyVariant? v) => v is null
        ? "not listed"
        : $"{v.VariantId}|{v.ProductId}|{v.InventoryItemId}|{v.Sku}|{v.Price}|{v.CompareAtPrice}|{v.ProductStatus}|{string.Join(',', v.Tags)}|{v.Vendor}|{v.InventoryPolicy}";
}
