using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Products;

/// <summary>
/// The products process against the real ERP and storefront mirrors over loopback HTTP: new products,
/// out of stock (temporarily and permanently), low stock and clearance, each with a fault.
/// </summary>
public sealed class CatalogLifecycleOverHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly HttpClient Http = new();
    private StagingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StagingHost.StartAsync(new StagingOptions { Seed = 42, Skus = 30, BasePort = 0, ClockStart = Epoch, ClockRate = 0 });
        await QuiescentAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task a_new_web_item_becomes_one_active_product_with_mapped_content_price_and_stock()
    {
        await CreateErpItemAsync("NEW-1001", new { description = "BLK CTN T-SHIRT LRG", unitPrice = 19.90m, webEnabled = true, brand = "Contoso", category = "APPAREL", baseUnitOfMeasure = "ea." });
        await AdjustStockAsync("NEW-1001", 14);
        var mark = await LedgerMarkAsync();
        // Three polls, each re-reading the last two minutes: the item is seen more than once.
        for (var poll = 0; poll < 3; poll++)
        {
            await NextPollAsync();
        }

        var product = await ProductAsync("NEW-1001");
        Assert.Equal("ACTIVE", (string?)product["status"]);
        Assert.Equal("Black Cotton T-Shirt Large", (string?)product["title"]);
        Assert.Equal("Contoso", (string?)product["vendor"]);
        Assert.Contains("Sold per piece", (string?)product["descriptionHtml"], StringComparison.Ordinal);
        Assert.Equal(19.90m, Money(product["variant"]!["price"]));
        Assert.Equal(14, (int)product["variant"]!["inventoryQuantity"]!);
        Assert.Single(await EffectsAsync(mark), e => e.StartsWith("product NEW-1001 created", StringComparison.Ordinal));
        Assert.Empty(await DataErrorsAsync("NEW-1001"));
    }

    [Fact]
    public async Task a_new_item_without_a_brand_stays_a_draft_with_a_data_error_until_the_office_adds_it()
    {
        await CreateErpItemAsync("NEW-1002", new { description = "Stoneware Jug", unitPrice = 24m, webEnabled = true, category = "KITCHEN" });
        await NextPollAsync();

        Assert.Equal("DRAFT", (string?)(await ProductAsync("NEW-1002"))["status"]);
        Assert.Contains(await DataErrorsAsync("NEW-1002"), e => e.Contains("kept as a draft", StringComparison.Ordinal) && e.Contains("a brand", StringComparison.Ordinal));

        await PatchErpItemAsync("NEW-1002", new { brand = "Fabrikam" });
        await NextPollAsync();

        var product = await ProductAsync("NEW-1002");
        Assert.Equal("ACTIVE", (string?)product["status"]);
        Assert.Equal("Fabrikam", (string?)product["vendor"]);
        Assert.Empty(await DataErrorsAsync("NEW-1002"));
    }

    [Fact]
    public async Task an_item_with_a_unit_code_the_mapping_does_not_know_is_a_data_error_and_not_listed()
    {
        await CreateErpItemAsync("NEW-1003", new { description = "Rope", unitPrice = 5m, webEnabled = true, brand = "Litware", baseUnitOfMeasure = "MTR" });
        await NextPollAsync();

        Assert.Null(await ProductOrNullAsync("NEW-1003"));
        Assert.Contains(await DataErrorsAsync("NEW-1003"), e => e.Contains("unit of measure 'MTR'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_blocked_item_is_archived_gets_no_more_pushes_and_comes_back_when_unblocked()
    {
        var sku = CleanWebSku(0);
        await PatchErpItemAsync(sku, new { blocked = true });
        await NextPollAsync();
        Assert.Equal("ARCHIVED", (string?)(await ProductAsync(sku))["status"]);

        var mark = await LedgerMarkAsync();
        await SetPriceAsync(sku, 61.50m);
        await NextPollAsync();
        Assert.DoesNotContain(await EffectsAsync(mark), e => e.Contains(sku, StringComparison.Ordinal));

        await PatchErpItemAsync(sku, new { blocked = false });
        await NextPollAsync();
        var product = await ProductAsync(sku);
        Assert.Equal("ACTIVE", (string?)product["status"]);
        Assert.Equal(61.50m, Money(product["variant"]!["price"]));
    }

    [Fact]
    public async Task an_end_of_line_item_sells_at_the_clearance_price_without_backorders_and_is_archived_when_sold_out()
    {
        var sku = CleanWebSku(1);
        await SetPriceAsync(sku, 40m);
        await PatchErpItemAsync(sku, new { lifecycleCode = "eol", allowBackorder = true });
        await NextPollAsync();

        var product = await ProductAsync(sku);
        Assert.Equal(28.00m, Money(product["variant"]!["price"]));
        Assert.Equal(40.00m, Money(product["variant"]!["compareAtPrice"]));
        Assert.Equal("DENY", (string?)product["variant"]!["inventoryPolicy"]);
        Assert.Contains("clearance", Tags(product));

        await AdjustStockAsync(sku, 0);
        await NextPollAsync();
        Assert.Equal("ARCHIVED", (string?)(await ProductAsync(sku))["status"]);
    }

    [Fact]
    public async Task when_the_line_no_longer_ends_the_erp_price_is_back_and_the_clearance_compare_at_price_is_gone()
    {
        var sku = CleanWebSku(1);
        await SetPriceAsync(sku, 40m);
        await PatchErpItemAsync(sku, new { lifecycleCode = "EOL" });
        await NextPollAsync();
        Assert.Equal((28.00m, (decimal?)40.00m), await PricesAsync(sku));

        await PatchErpItemAsync(sku, new { lifecycleCode = "" });
        await NextPollAsync();

        var product = await ProductAsync(sku);
        Assert.Equal((40.00m, (decimal?)null), await PricesAsync(sku));
        Assert.DoesNotContain("clearance", Tags(product));
    }

    [Fact]
    public async Task stock_at_or_below_the_item_threshold_is_flagged_low_and_the_flag_goes_when_restocked()
    {
        var sku = CleanWebSku(2);
        await PatchErpItemAsync(sku, new { lowStockThreshold = 20 });
        await AdjustStockAsync(sku, 15);
        await NextPollAsync();
        Assert.Contains("low-stock", Tags(await ProductAsync(sku)));

        await AdjustStockAsync(sku, 40);
        await NextPollAsync();
        Assert.DoesNotContain("low-stock", Tags(await ProductAsync(sku)));
    }

    [Fact]
    public async Task a_sold_out_item_with_backorders_stays_listed_as_back_soon_pre_order_with_its_restock_date()
    {
        var sku = CleanWebSku(3);
        await PatchErpItemAsync(sku, new { allowBackorder = true, restockDate = "2026-12-14" });
        await AdjustStockAsync(sku, 0);
        await NextPollAsync();

        var product = await ProductAsync(sku);
        Assert.Equal("ACTIVE", (string?)product["status"]);
        Assert.Equal("CONTINUE", (string?)product["variant"]!["inventoryPolicy"]);
        Assert.Equal(["back-soon", "preorder", "restock:2026-12-14"], Tags(product).Where(t => t != (string?)product["productType"]).Order().ToArray());
    }

    [Fact]
    public async Task a_throttled_storefront_while_a_product_is_created_delays_it_and_creates_it_once()
    {
        await CreateErpItemAsync("NEW-1004", new { description = "Linen Apron", unitPrice = 18m, webEnabled = true, brand = "Tailspin" });
        await AddStorefrontFaultAsync(new { id = "busy", kind = "throttle", path = "/admin/api/*/graphql.json", count = 3, retryAfter = "00:00:02" });
        var mark = await LedgerMarkAsync();
        await NextPollAsync();
        // The retries are due on the business clock: let it pass until they have run.
        for (var i = 0; i < 10 && await ProductOrNullAsync("NEW-1004") is null; i++)
        {
            _host.Clock.Advance(TimeSpan.FromSeconds(30));
            await QuiescentAsync();
        }

        Assert.Equal("ACTIVE", (string?)(await ProductAsync("NEW-1004"))["status"]);
        Assert.Single(await EffectsAsync(mark), e => e.StartsWith("product NEW-1004 created", StringComparison.Ordinal));
        Assert.Contains(await LedgerAsync(mark), e => (string?)e["kind"] == "fault");
    }

    [Fact]
    public async Task a_life_cycle_code_the_mapping_does_not_know_is_a_data_error_and_other_items_flow()
    {
        var odd = CleanWebSku(4);
        var other = CleanWebSku(5);
        await PatchErpItemAsync(odd, new { lifecycleCode = "ZZ9" });
        await SetPriceAsync(other, 33.30m);
        await NextPollAsync();

        Assert.Contains(await DataErrorsAsync(odd), e => e.Contains("life-cycle code 'ZZ9'", StringComparison.Ordinal));
        Assert.Equal(33.30m, Money((await ProductAsync(other))["variant"]!["price"]));
    }

    private string CleanWebSku(int index) =>
        _host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).ElementAt(index).Sku;

    private async Task NextPollAsync()
    {
        _host.Clock.Advance(_host.Options.PollInterval);
        await QuiescentAsync();
    }

    private async Task QuiescentAsync()
    {
        var response = await Http.GetAsync(new Uri(_host.Addresses["engine"], "engine/quiescence?timeoutSeconds=30"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task CreateErpItemAsync(string number, object card) => StagingOffice.CreateErpItemAsync(Http, _host, number, card);

    private Task PatchErpItemAsync(string number, object change) => StagingOffice.PatchErpItemAsync(Http, _host, number, change);

    private Task SetPriceAsync(string number, decimal price) => StagingOffice.SetErpPriceAsync(Http, _host, number, price);

    private Task AdjustStockAsync(string number, int total) => StagingOffice.SetErpStockAsync(Http, _host, number, total);

    private Task AddStorefrontFaultAsync(object fault) => SendAsync(HttpMethod.Put, new Uri(_host.Addresses["storefront"], "_synclab/faults"), fault);

    private async Task SendAsync(HttpMethod method, Uri uri, object body)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, body.GetType()) };
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {uri}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonNode> ProductAsync(string sku) =>
        await ProductOrNullAsync(sku)
        ?? throw new Xunit.Sdk.XunitException($"the storefront lists no product with SKU {sku}; the engine reports: {string.Join("; ", await DataErrorsAsync(sku))}");

    /// <summary>The product of the variant with the SKU, its first variant as "variant".</summary>
    private async Task<JsonNode?> ProductOrNullAsync(string sku)
    {
        const string query = """
            query($q: String!) { productVariants(first: 1, query: $q) { edges { node {
              sku price compareAtPrice inventoryPolicy inventoryQuantity
              product { title status vendor tags productType descriptionHtml } } } } }
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Addresses["storefront"], "admin/api/2025-01/graphql.json"))
        {
            Content = JsonContent.Create(new { query, variables = new { q = $"sku:{sku}" } }),
        };
        request.Headers.Add("X-Shopify-Access-Token", "test");
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var node = body!["data"]!["productVariants"]!["edges"]!.AsArray().FirstOrDefault()?["node"];
        if (node is null)
        {
            return null;
        }
        var product = node["product"]!.DeepClone();
        product["variant"] = node.DeepClone();
        return product;
    }

    private async Task<(decimal? Price, decimal? CompareAt)> PricesAsync(string sku)
    {
        var variant = (await ProductAsync(sku))["variant"]!;
        return (Money(variant["price"]), Money(variant["compareAtPrice"]));
    }

    private static string[] Tags(JsonNode product) => product["tags"]!.AsArray().Select(t => (string)t!).ToArray();

    private static decimal? Money(JsonNode? node) => node is null ? null : decimal.Parse(node.ToString(), CultureInfo.InvariantCulture);

    private Task<List<string>> DataErrorsAsync(string key) => StagingOffice.DataErrorsAsync(Http, _host, key);

    private Task<long> LedgerMarkAsync() => StagingOffice.LedgerMarkAsync(Http, _host, "storefront");

    private Task<List<JsonNode>> LedgerAsync(long after) => StagingOffice.LedgerAsync(Http, _host, "storefront", after);

    private Task<List<string>> EffectsAsync(long after) => StagingOffice.EffectsAsync(Http, _host, "storefront", after);
}
