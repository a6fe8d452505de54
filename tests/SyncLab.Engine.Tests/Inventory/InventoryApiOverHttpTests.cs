using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.Inventory;

/// <summary>The office's inventory settings and stocktakes on the engine's API, against a whole staging.</summary>
public sealed class InventoryApiOverHttpTests
{
    [Fact]
    public async Task settings_from_the_warehouse_and_stores_take_over_from_erp_stock_at_the_next_poll()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        await QuiescentAsync(http, host);
        var warehouse = host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code;
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["warehouse"], "_synclab/warehouse/stock-counts"), new { warehouseCode = warehouse, sku, countedQuantity = 37 }));

        var settings = await OkAsync(http.PutAsJsonAsync(Settings(host), new
        {
            source = "wms+pos",
            locations = new[] { new { storefrontLocation = (string?)null, warehouses = Array.Empty<string>(), stores = Array.Empty<string>() } },
            safetyStock = new { @default = 2 },
        }));
        Assert.Equal("wms+pos", (string?)settings!["source"]);
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);

        Assert.Equal(35, await StorefrontAvailableAsync(http, host, sku));
        Assert.Equal("wms+pos", (string?)(await GetAsync(http, Settings(host)))!["source"]);
    }

    [Theory]
    [InlineData("""{"source":"wms"}""", "source")]
    [InlineData("""{"source":"wms+pos","safetyStock":{"default":-1}}""", "safetyStock")]
    [InlineData("""{"source":"wms+pos","locations":[]}""", "locations")]
    [InlineData("""{"source":"wms+pos","locations":[{"stores":[" "]}]}""", "locations[0]")]
    [InlineData("""{"source":"wms+pos","locations":[{},{}]}""", "locations")]
    [InlineData("""{"source":"wms+pos","sauce":1}""", "body")]
    [InlineData("""not json""", "body")]
    public async Task bad_settings_are_a_400_problem_naming_the_field_and_change_nothing(string body, string field)
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();

        using var response = await http.PutAsync(Settings(host), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("https://synclab.dev/problems/inventory-settings-invalid", (string?)problem["type"]);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal("erp", (string?)(await GetAsync(http, Settings(host)))!["source"]);
    }

    [Fact]
    public async Task a_stocktake_needs_the_warehouse_source_a_known_warehouse_and_only_one_at_a_time()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        var stocktakes = new Uri(host.Addresses["engine"], "engine/inventory/stocktakes");
        var name = host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Name;

        using (var erp = await http.PostAsJsonAsync(stocktakes, new { warehouse = name }))
        {
            Assert.Equal(HttpStatusCode.Conflict, erp.StatusCode);
        }
        await OkAsync(http.PutAsJsonAsync(Settings(host), new { source = "wms+pos" }));
        using (var blank = await http.PostAsJsonAsync(stocktakes, new { warehouse = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        }
        using (var unknown = await http.PostAsJsonAsync(stocktakes, new { warehouse = "Warehouse 99" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        using (var started = await http.PostAsJsonAsync(stocktakes, new { warehouse = name }))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            Assert.True((int)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["skusKnown"]! > 0);
        }
        using (var twice = await http.PostAsJsonAsync(stocktakes, new { warehouse = name }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }
        Assert.Single((await GetAsync(http, stocktakes))!.AsArray());
        await OkAsync(http.DeleteAsync(new Uri(stocktakes + "/" + Uri.EscapeDataString(name))));
        using (var again = await http.DeleteAsync(new Uri(stocktakes + "/" + Uri.EscapeDataString(name))))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
            Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        }
    }

    private static Uri Settings(StagingHost host) => new(host.Addresses["engine"], "engine/inventory/settings");
}
