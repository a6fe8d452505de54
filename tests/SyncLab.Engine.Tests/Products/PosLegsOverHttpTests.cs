using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Products;

/// <summary>
/// The POS legs (Square) against the real ERP, storefront and POS mirrors over loopback HTTP: new web items in the
/// till's catalog exactly once, till prices from the item card and from price lists, items hidden at the till and
/// back, web stock at the stores that sell it, and Square failing (5xx, 429) on the way.
/// </summary>
public sealed class PosLegsOverHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static readonly HttpClient Http = new();
    private StagingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StagingHost.StartAsync(new StagingOptions { Seed = 42, Skus = 30, BasePort = 0, ClockStart = Epoch, ClockRate = 0 });
        await StagingHttp.QuiescentAsync(Http, _host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_new_web_item_becomes_one_square_item_at_its_price_however_often_it_is_seen()
    {
        await CreateErpItemAsync("NEW-2001", new { description = "BLK CTN T-SHIRT LRG", unitPrice = 19.90m, webEnabled = true, brand = "Contoso", category = "APPAREL", baseUnitOfMeasure = "ea." });
        var mark = await PosMarkAsync();
        for (var poll = 0; poll < 3; poll++)
        {
            await NextPollAsync();
        }

        var item = await SquareItemAsync("NEW-2001");
        Assert.Equal("Black Cotton T-Shirt Large", (string?)item["item_data"]!["name"]);
        var variation = item["item_data"]!["variations"]![0]!["item_variation_data"]!;
        Assert.Equal(1990, (long)variation["price_money"]!["amount"]!);
        Assert.Equal("USD", (string?)variation["price_money"]!["currency"]);
        Assert.False((bool)item["item_data"]!["is_archived"]!);
        Assert.Single(await PosEffectsAsync(mark), e => e.Contains("created: NEW-2001", StringComparison.Ordinal));
        Assert.Empty(await DataErrorsAsync("NEW-2001"));
    }

    [Fact]
    public async Task an_item_not_for_the_web_or_without_a_price_is_not_added_to_the_till()
    {
        await CreateErpItemAsync("NEW-2002", new { description = "Office Chair", unitPrice = 120m, webEnabled = false, brand = "Contoso" });
        await CreateErpItemAsync("NEW-2003", new { description = "Sample Mug", unitPrice = 0m, webEnabled = true, brand = "Contoso" });
        await NextPollAsync();

        Assert.Null(await SquareItemOrNullAsync("NEW-2002"));
        Assert.Null(await SquareItemOrNullAsync("NEW-2003"));
    }

    [Fact]
    public async Task an_erp_price_change_becomes_the_till_price_of_an_item_the_stores_already_sell()
    {
        var sku = StoreSku(0);
        await SetPriceAsync(sku, 61.50m);
        await NextPollAsync();

        Assert.Equal(6150, TillPriceCents(await SquareItemAsync(sku)));
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("DISC")]
    public async Task a_permanently_out_item_is_hidden_at_the_till_gets_no_price_and_is_back_at_todays_price_when_cleared(string how)
    {
        var sku = StoreSku(1);
        await PatchErpItemAsync(sku, how == "blocked" ? new { blocked = true } : new { lifecycleCode = how });
        await NextPollAsync();

        var item = await SquareItemAsync(sku);
        Assert.True((bool)item["item_data"]!["is_archived"]!);
        Assert.DoesNotContain(await TillOffersAsync(sku), s => s == sku);
        Assert.Equal(HttpStatusCode.Conflict, await TillSaleStatusAsync(sku));

        var mark = await PosMarkAsync();
        await SetPriceAsync(sku, 44.40m);
        await NextPollAsync();
        Assert.DoesNotContain(await PosEffectsAsync(mark), e => e.Contains(sku, StringComparison.Ordinal));

        await PatchErpItemAsync(sku, how == "blocked" ? new { blocked = false } : new { lifecycleCode = "" });
        await NextPollAsync();
        item = await SquareItemAsync(sku);
        Assert.False((bool)item["item_data"]!["is_archived"]!);
        Assert.Equal(4440, TillPriceCents(item));
        Assert.Contains(sku, await TillOffersAsync(sku));
    }

    [Fact]
    public async Task a_price_list_starting_at_midnight_changes_the_till_price_at_midnight_once()
    {
        var sku = StoreSku(2);
        var midnight = new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero); // Chicago
        await StagingHttp.OkAsync(Http.PostAsJsonAsync(new Uri(_host.Addresses["erp"], "_synclab/erp/price-lists"), new
        {
            code = "TILL-NOV-3",
            startingDate = "2026-11-03",
            timeZone = "America/Chicago",
            lines = new[] { new { number = sku, unitPrice = 26.5m } },
        }));
        await NextPollAsync();
        _host.Clock.Set(midnight.AddMinutes(-1));
        await StagingHttp.QuiescentAsync(Http, _host);
        Assert.NotEqual(2650, TillPriceCents(await SquareItemAsync(sku)));

        var mark = await PosMarkAsync();
        _host.Clock.Set(midnight);
        await StagingHttp.QuiescentAsync(Http, _host);
        Assert.Equal(2650, TillPriceCents(await SquareItemAsync(sku)));
        for (var poll = 0; poll < 3; poll++)
        {
            await NextPollAsync();
        }
        Assert.Single(await PosEffectsAsync(mark), e => e.Contains(sku, StringComparison.Ordinal) && e.Contains("26.50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_store_selling_web_stock_shows_the_storefronts_available_quantity_and_other_stores_keep_theirs()
    {
        var sku = StagingHttp.CleanWebSku(_host);
        var (selling, other) = (Store(0), Store(1));
        var otherBefore = await InStockAsync(sku, other.Id);
        await PutInventorySettingsAsync(new { source = "erp", storesSellingWebStock = new[] { selling.Name } });
        await AdjustStockAsync(sku, 23);
        await NextPollAsync();

        var web = await StagingHttp.StorefrontAvailableAsync(Http, _host, sku);
        Assert.Equal(web, await InStockAsync(sku, selling.Id));
        Assert.Equal(otherBefore, await InStockAsync(sku, other.Id));
    }

    [Fact]
    public async Task a_store_cannot_both_offer_its_stock_to_the_web_and_sell_the_webs()
    {
        using var response = await Http.PutAsJsonAsync(new Uri(_host.Addresses["engine"], "engine/inventory/settings"), new
        {
            source = "wms+pos",
            locations = new[] { new { storefrontLocation = (string?)null, warehouses = Array.Empty<string>(), stores = new[] { Store(0).Name } } },
            storesSellingWebStock = new[] { Store(0).Name },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("storesSellingWebStock", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task square_failing_while_a_new_item_is_added_delays_it_and_adds_it_once(int status)
    {
        await CreateErpItemAsync("NEW-2004", new { description = "Linen Apron", unitPrice = 18m, webEnabled = true, brand = "Tailspin" });
        // The next three item writes fail: Square down (503) or RATE_LIMITED (429).
        await StagingHttp.OkAsync(Http.PutAsJsonAsync(new Uri(_host.Addresses["pos"], "_synclab/faults"), new { id = "square", kind = "throttle", path = "/v2/catalog/object", count = 3, status }));
        var mark = await PosMarkAsync();
        await NextPollAsync();
        for (var i = 0; i < 10 && await SquareItemOrNullAsync("NEW-2004") is null; i++)
        {
            _host.Clock.Advance(TimeSpan.FromSeconds(30));
            await StagingHttp.QuiescentAsync(Http, _host);
        }

        Assert.NotNull(await SquareItemOrNullAsync("NEW-2004"));
        Assert.Single(await PosEffectsAsync(mark), e => e.Contains("created: NEW-2004", StringComparison.Ordinal));
        Assert.Contains(await PosLedgerAsync(mark), e => (string?)e["kind"] == "fault");
        Assert.Empty(await DataErrorsAsync("NEW-2004"));
    }

    private string StoreSku(int index) =>
        _host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).ElementAt(index).Sku;

    private (string Id, string Name) Store(int index)
    {
        var store = _host.Estate.Locations.Where(l => l.Kind == SyncLab.Estate.LocationKind.Store).ElementAt(index);
        return (SyncLab.Mirrors.Pos.Store.SquareIds.Location(store.Code), store.Name);
    }

    [Fact]
    public async Task a_till_price_changed_at_the_store_and_an_item_hidden_there_are_put_back_by_the_reconciliation_and_reported()
    {
        var (priced, hidden) = (StoreSku(3), StoreSku(4));
        var right = TillPriceCents(await SquareItemAsync(priced));
        // At the stores, behind the engine's back: a price keyed at the till, an item archived there.
        await ChangeAtTheTillAsync(priced, item => item["item_data"]!["variations"]![0]!["item_variation_data"]!["price_money"]!["amount"] = 100);
        await ChangeAtTheTillAsync(hidden, item => item["item_data"]!["is_archived"] = true);

        await StagingHttp.OkAsync(Http.PostAsync(new Uri(_host.Addresses["engine"], "engine/schedules/reconciliation/runs"), null));
        await StagingHttp.QuiescentAsync(Http, _host);

        Assert.Equal(right, TillPriceCents(await SquareItemAsync(priced)));
        Assert.False((bool)(await SquareItemAsync(hidden))["item_data"]!["is_archived"]!);
        var findings = (await StagingHttp.GetAsync(Http, new Uri(_host.Addresses["engine"], "engine/reconciliation")))!["findings"]!.AsArray();
        // Only what the staff changed: the rest of the till is as the POS legs left it.
        Assert.Equal(new[] { hidden, priced }.Order(StringComparer.Ordinal), findings.Where(f => ((string)f!["kind"]!).StartsWith("pos-", StringComparison.Ordinal)).Select(f => (string)f!["sku"]!).Order(StringComparer.Ordinal));
        var price = Assert.Single(findings, f => (string)f!["sku"]! == priced)!;
        Assert.Equal(("pos-price", "1.00", (right / 100m).ToString("0.00", CultureInfo.InvariantCulture), true), ((string)price["kind"]!, (string)price["found"]!, (string)price["expected"]!, (bool)price["healed"]!));
        var shown = Assert.Single(findings, f => (string)f!["sku"]! == hidden)!;
        Assert.Equal(("pos-hidden", "hidden at the till", "pos.catalog"), ((string)shown["kind"]!, (string)shown["found"]!, (string?)shown["healedBy"]));

        // Put back: the next run finds the till as the ERP has it.
        await StagingHttp.OkAsync(Http.PostAsync(new Uri(_host.Addresses["engine"], "engine/schedules/reconciliation/runs"), null));
        await StagingHttp.QuiescentAsync(Http, _host);
        var again = (await StagingHttp.GetAsync(Http, new Uri(_host.Addresses["engine"], "engine/reconciliation")))!["findings"]!.AsArray();
        Assert.DoesNotContain(again, f => ((string)f!["kind"]!).StartsWith("pos-", StringComparison.Ordinal));
    }

    /// <summary>The store's staff change an item in Square (UpsertCatalogObject of the item as read, changed).</summary>
    private async Task ChangeAtTheTillAsync(string sku, Action<JsonNode> change)
    {
        var item = await SquareItemAsync(sku);
        change(item);
        await SquareAsync("v2/catalog/object", new JsonObject { ["idempotency_key"] = $"staff-{sku}-{Guid.NewGuid():N}", ["object"] = item.DeepClone() });
    }

    private async Task NextPollAsync()
    {
        _host.Clock.Advance(_host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(Http, _host);
    }

    private static long TillPriceCents(JsonNode item) => (long)item["item_data"]!["variations"]![0]!["item_variation_data"]!["price_money"]!["amount"]!;

    private async Task<JsonNode> SquareItemAsync(string sku) =>
        await SquareItemOrNullAsync(sku)
        ?? throw new Xunit.Sdk.XunitException($"Square has no item with SKU {sku}; the engine reports: {string.Join("; ", await DataErrorsAsync(sku))}");

    /// <summary>The ITEM whose variation carries the SKU (SearchCatalogObjects, related objects included).</summary>
    private async Task<JsonNode?> SquareItemOrNullAsync(string sku)
    {
        var answer = await SquareAsync("v2/catalog/search", new
        {
            object_types = new[] { "ITEM_VARIATION" },
            include_related_objects = true,
            query = new { exact_query = new { attribute_name = "sku", attribute_value = sku } },
        });
        var variation = answer["objects"]?.AsArray().FirstOrDefault();
        var itemId = (string?)variation?["item_variation_data"]?["item_id"];
        return answer["related_objects"]?.AsArray().FirstOrDefault(o => (string?)o!["id"] == itemId);
    }

    /// <summary>The SKUs the till offers when the staff search for <paramref name="text"/> (SearchCatalogItems: archived items are not offered).</summary>
    private async Task<List<string>> TillOffersAsync(string text)
    {
        var answer = await SquareAsync("v2/catalog/search-catalog-items", new { text_filter = text });
        return [.. (answer["items"]?.AsArray() ?? []).Select(i => (string)i!["item_data"]!["variations"]![0]!["item_variation_data"]!["sku"]!)];
    }

    private async Task<HttpStatusCode> TillSaleStatusAsync(string sku)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(_host.Addresses["pos"], "_synclab/pos/sales"), new { locationCode = "ST01", sku, quantity = 1 });
        return response.StatusCode;
    }

    private async Task<decimal> InStockAsync(string sku, string locationId)
    {
        var answer = await SquareAsync("v2/inventory/counts/batch-retrieve", new
        {
            catalog_object_ids = new[] { SyncLab.Mirrors.Pos.Store.SquareIds.Variation(sku) },
            location_ids = new[] { locationId },
            states = new[] { "IN_STOCK" },
        });
        return decimal.Parse((string?)answer["counts"]?[0]?["quantity"] ?? "0", CultureInfo.InvariantCulture);
    }

    private async Task<JsonNode> SquareAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Addresses["pos"], path)) { Content = JsonContent.Create(body, body.GetType()) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tests");
        return (await StagingHttp.OkAsync(Http.SendAsync(request)))!;
    }

    private Task PutInventorySettingsAsync(object settings) =>
        StagingHttp.OkAsync(Http.PutAsJsonAsync(new Uri(_host.Addresses["engine"], "engine/inventory/settings"), settings));

    private Task CreateErpItemAsync(string number, object card) => StagingOffice.CreateErpItemAsync(Http, _host, number, card);

    private Task PatchErpItemAsync(string number, object change) => StagingOffice.PatchErpItemAsync(Http, _host, number, change);

    private Task SetPriceAsync(string number, decimal price) => StagingOffice.SetErpPriceAsync(Http, _host, number, price);

    private Task AdjustStockAsync(string number, int total) => StagingOffice.SetErpStockAsync(Http, _host, number, total);

    private Task<List<string>> DataErrorsAsync(string key) => StagingOffice.DataErrorsAsync(Http, _host, key);

    private Task<long> PosMarkAsync() => StagingOffice.LedgerMarkAsync(Http, _host, "pos");

    private Task<List<JsonNode>> PosLedgerAsync(long after) => StagingOffice.LedgerAsync(Http, _host, "pos", after);

    private Task<List<string>> PosEffectsAsync(long after) => StagingOffice.EffectsAsync(Http, _host, "pos", after);
}
