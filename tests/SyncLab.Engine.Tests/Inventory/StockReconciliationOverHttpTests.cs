using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.Inventory;

/// <summary>
/// The nightly reconciliation of stock from the warehouse and the stores (source wms+pos) against the storefront and
/// the store that sells web stock, through the engine's API and the real mirrors, on the business clock.
/// </summary>
public sealed class StockReconciliationOverHttpTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero); // 09:00 in Chicago
    private static readonly DateTimeOffset Night = new(2026, 11, 3, 3, 0, 0, TimeSpan.FromHours(-6));

    private const string Offered = "Store 1";
    private const string Selling = "Store 2";

    [Fact]
    public async Task stock_edited_behind_the_engines_back_in_the_shop_and_at_the_store_selling_web_stock_is_reported_and_put_back()
    {
        await using var host = await StartFromWarehouseAndStoresAsync();
        using var http = new HttpClient();
        var (shopSku, storeSku) = (await TillSkusAsync(http, host)) switch { [var a, var b, ..] => (a, b), var few => throw new InvalidOperationException($"the till sells {few.Count} web items") };
        var shopTruth = await StorefrontAvailableAsync(http, host, shopSku);
        var storeTruth = await StorefrontAvailableAsync(http, host, storeSku);
        Assert.Equal(storeTruth, await StoreCountAsync(http, host, Selling, storeSku));
        await SetStorefrontAvailableAsync(http, host, shopSku, shopTruth + 500);
        await SetStoreCountAsync(http, host, Selling, storeSku, storeTruth + 77);

        await ReconcileTonightAsync(http, host);

        Assert.Equal(shopTruth, await StorefrontAvailableAsync(http, host, shopSku));
        Assert.Equal(storeTruth, await StoreCountAsync(http, host, Selling, storeSku));
        var findings = await StockFindingsAsync(http, host);
        var shop = Assert.Single(findings, f => (string)f["sku"]! == shopSku);
        Assert.Equal(("stock", Number(shopTruth + 500), Number(shopTruth), "web", true, "available-to-sell"), View(shop));
        var store = Assert.Single(findings, f => (string)f["sku"]! == storeSku);
        Assert.Equal(("pos-stock", Number(storeTruth + 77), Number(storeTruth), Selling, true, "available-to-sell"), View(store));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public async Task a_stock_push_the_engine_gave_up_on_is_healed_by_the_nightly_reconciliation()
    {
        await using var host = await StartFromWarehouseAndStoresAsync();
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        var before = await StorefrontAvailableAsync(http, host, sku);
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "shop-down", kind = "error", status = 503 }));
        await ReceiveAsync(http, host, sku, 25);
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        for (var minute = 0; minute < 10; minute++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await QuiescentAsync(http, host);
        }
        var deadLetters = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dead-letters")))!.AsArray();
        Assert.Contains(deadLetters, d => (string?)d!["key"] == sku && (string?)d["process"] == "available-to-sell");
        await OkAsync(http.DeleteAsync(new Uri(host.Addresses["storefront"], "_synclab/faults/shop-down")));
        // The warehouse does not move again: no poll brings the receipt to the storefront.
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        Assert.Equal(before, await StorefrontAvailableAsync(http, host, sku));

        await ReconcileTonightAsync(http, host);

        Assert.Equal(before + 25, await StorefrontAvailableAsync(http, host, sku));
        var finding = Assert.Single(await StockFindingsAsync(http, host), f => (string)f["sku"]! == sku && (string)f["kind"]! == "stock");
        Assert.Equal(("stock", Number(before), Number(before + 25), "web", true, "available-to-sell"), View(finding));
    }

    [Fact]
    public async Task with_erp_stock_a_store_selling_web_stock_is_put_back_to_the_erp_number_by_the_inventory_process()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["engine"], "engine/inventory/settings"), new { source = "erp", storesSellingWebStock = new[] { Selling } }));
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["engine"], "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "America/Chicago" }));
        var sku = (await TillSkusAsync(http, host))[0];
        await StagingOffice.SetErpStockAsync(http, host, sku, 12);
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        Assert.Equal(12, await StoreCountAsync(http, host, Selling, sku));
        await SetStoreCountAsync(http, host, Selling, sku, 3);

        await ReconcileTonightAsync(http, host);

        Assert.Equal(12, await StoreCountAsync(http, host, Selling, sku));
        var finding = Assert.Single(await StockFindingsAsync(http, host), f => (string)f["sku"]! == sku);
        Assert.Equal(("pos-stock", "3", "12", Selling, true, "inventory"), View(finding));
    }

    [Fact]
    public async Task a_quiet_night_reports_no_stock_drift_and_writes_no_stock_anywhere()
    {
        await using var host = await StartFromWarehouseAndStoresAsync();
        using var http = new HttpClient();
        var shopMark = await StagingOffice.LedgerMarkAsync(http, host, "storefront");
        var posMark = await StagingOffice.LedgerMarkAsync(http, host, "pos");

        await ReconcileTonightAsync(http, host);

        var report = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/reconciliation")))!;
        Assert.True((int)report["itemsChecked"]! > 0);
        Assert.Empty(await StockFindingsAsync(http, host));
        // The comparison ran over every synced SKU: a quiet night is not a comparison that read nothing.
        var levels = System.Text.RegularExpressions.Regex.Match(await LastRunSummaryAsync(http, host), @"(\d+) stock levels");
        Assert.True(levels.Success && int.Parse(levels.Groups[1].Value, CultureInfo.InvariantCulture) >= 10, await LastRunSummaryAsync(http, host));
        Assert.DoesNotContain(await StagingOffice.EffectsAsync(http, host, "storefront", shopMark), e => e.StartsWith("available ", StringComparison.Ordinal));
        Assert.DoesNotContain(await StagingOffice.EffectsAsync(http, host, "pos", posMark), e => e.StartsWith("inventory ", StringComparison.Ordinal));
    }

    /// <summary>
    /// A staging whose storefront sells the warehouse's stock and Store 1's, with one unit of safety stock, and whose
    /// Store 2 sells web stock; synced, with the reconciliation scheduled at 03:00 in Chicago.
    /// </summary>
    private static async Task<StagingHost> StartFromWarehouseAndStoresAsync()
    {
        var host = await StartAsync();
        using var http = new HttpClient();
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["engine"], "engine/inventory/settings"), new
        {
            source = "wms+pos",
            locations = new[] { new { storefrontLocation = (string?)null, warehouses = Array.Empty<string>(), stores = new[] { Offered } } },
            safetyStock = new { @default = 1 },
            storesSellingWebStock = new[] { Selling },
        }));
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        await OkAsync(http.PutAsJsonAsync(new Uri(host.Addresses["engine"], "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "America/Chicago" }));
        return host;
    }

    /// <summary>A small staging, synced, its clock frozen at 09:00 in Chicago.</summary>
    private static async Task<StagingHost> StartAsync()
    {
        var host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42,
            Skus = 20,
            BasePort = 0,
            ClockStart = Epoch,
            ClockRate = 0,
            ForeignServices = new ForeignServicesOptions { Enabled = false },
        });
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        return host;
    }

    private static async Task ReconcileTonightAsync(HttpClient http, StagingHost host)
    {
        host.Clock.Set(Night);
        await QuiescentAsync(http, host);
    }

    private static async Task<List<JsonNode>> StockFindingsAsync(HttpClient http, StagingHost host)
    {
        var report = await GetAsync(http, new Uri(host.Addresses["engine"], "engine/reconciliation"));
        return [.. report!["findings"]!.AsArray().Select(f => f!).Where(f => (string)f["kind"]! is "stock" or "pos-stock")];
    }

    private static async Task<string> LastRunSummaryAsync(HttpClient http, StagingHost host) =>
        (string)(await GetAsync(http, new Uri(host.Addresses["engine"], "engine/schedules/reconciliation/runs?limit=1")))![0]!["summary"]!;

    private static (string Kind, string Found, string Expected, string? Location, bool Healed, string? HealedBy) View(JsonNode f) =>
        ((string)f["kind"]!, (string)f["found"]!, (string)f["expected"]!, (string?)f["location"], (bool)f["healed"]!, (string?)f["healedBy"]);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Clean web SKUs the till sells (Square has a variation for them).</summary>
    private static async Task<List<string>> TillSkusAsync(HttpClient http, StagingHost host)
    {
        var skus = new List<string>();
        foreach (var sku in host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Select(i => i.Sku))
        {
            if (await VariationIdAsync(http, host, sku) is not null)
            {
                skus.Add(sku);
            }
        }
        return skus;
    }

    private static async Task SetStorefrontAvailableAsync(HttpClient http, StagingHost host, string sku, int quantity)
    {
        var node = (await ShopAsync(http, host, $"{{ productVariants(first: 1, query: \"sku:{sku}\") {{ edges {{ node {{ inventoryItem {{ id }} }} }} }} }}"))!["productVariants"]!["edges"]![0]!["node"]!;
        var location = (string)(await ShopAsync(http, host, "{ locations(first: 1) { edges { node { id } } } }"))!["locations"]!["edges"]![0]!["node"]!["id"]!;
        var result = await ShopAsync(http, host, $$"""
            mutation { inventorySetQuantities(input: { name: "available", reason: "correction", ignoreCompareQuantity: true,
              quantities: [{ inventoryItemId: "{{node["inventoryItem"]!["id"]}}", locationId: "{{location}}", quantity: {{quantity}} }] }) { userErrors { message } } }
            """);
        Assert.Empty(result!["inventorySetQuantities"]!["userErrors"]!.AsArray());
    }

    private static Task ReceiveAsync(HttpClient http, StagingHost host, string sku, int quantity) =>
        OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["warehouse"], "_synclab/warehouse/receipts"), new
        {
            warehouseCode = host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code,
            sku,
            quantity,
            reference = "test receipt",
        }));

    private static async Task SetStoreCountAsync(HttpClient http, StagingHost host, string store, string sku, int quantity)
    {
        var change = new JsonObject
        {
            ["type"] = "PHYSICAL_COUNT",
            ["physical_count"] = new JsonObject
            {
                ["catalog_object_id"] = await VariationIdAsync(http, host, sku),
                ["location_id"] = await StoreIdAsync(http, host, store),
                ["state"] = "IN_STOCK",
                ["quantity"] = Number(quantity),
                ["occurred_at"] = host.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
        };
        await PosAsync(http, host, HttpMethod.Post, "v2/inventory/changes/batch-create", new JsonObject
        {
            ["idempotency_key"] = $"test-{sku}-{quantity}",
            ["changes"] = new JsonArray(change),
            ["ignore_unchanged_counts"] = false,
        });
    }

    private static async Task<int> StoreCountAsync(HttpClient http, StagingHost host, string store, string sku)
    {
        var counts = await PosAsync(http, host, HttpMethod.Post, "v2/inventory/counts/batch-retrieve", new JsonObject
        {
            ["catalog_object_ids"] = new JsonArray(await VariationIdAsync(http, host, sku)),
            ["location_ids"] = new JsonArray(await StoreIdAsync(http, host, store)),
            ["states"] = new JsonArray("IN_STOCK"),
        });
        return counts?["counts"]?.AsArray().Sum(c => (int)decimal.Parse((string)c!["quantity"]!, CultureInfo.InvariantCulture)) ?? 0;
    }

    private static async Task<string?> VariationIdAsync(HttpClient http, StagingHost host, string sku)
    {
        var found = await PosAsync(http, host, HttpMethod.Post, "v2/catalog/search", new JsonObject
        {
            ["object_types"] = new JsonArray("ITEM_VARIATION"),
            ["query"] = new JsonObject { ["exact_query"] = new JsonObject { ["attribute_name"] = "sku", ["attribute_value"] = sku } },
        });
        return (string?)found?["objects"]?[0]?["id"];
    }

    private static async Task<string> StoreIdAsync(HttpClient http, StagingHost host, string store)
    {
        var locations = await PosAsync(http, host, HttpMethod.Get, "v2/locations", null);
        return (string)locations!["locations"]!.AsArray().First(l => string.Equals((string?)l!["name"], store, StringComparison.OrdinalIgnoreCase))!["id"]!;
    }

    private static Task<JsonNode?> PosAsync(HttpClient http, StagingHost host, HttpMethod method, string path, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, new Uri(host.Addresses["pos"], path)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Authorization", "Bearer tests");
        return OkAsync(http.SendAsync(request));
    }
}
