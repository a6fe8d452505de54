using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.DryRun;

/// <summary>GET /engine/dry-run against a whole staging: it tells what a sync would change and changes nothing.</summary>
public sealed class DryRunOverHttpTests
{
    [Fact]
    public async Task a_dry_run_reports_the_erp_changes_not_yet_applied_and_writes_nothing()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        await QuiescentAsync(http, host);
        var oldPrice = await StorefrontPriceAsync(http, host, sku);
        var oldAvailable = await StorefrontAvailableAsync(http, host, sku);

        // The office changes price and stock; the clock stands still, so no poll picks them up.
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 63.45m }));
        var warehouse = host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code;
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/stock-adjustments"), new { locationCode = warehouse, quantity = 7, reason = "dry run test" }));
        var ledgerMark = await MirrorLedgers.MarkAsync(http, host);
        var statusBefore = (await StatusAsync(http, host)).ToJsonString();

        var report = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run")))!;

        var changes = report["changes"]!.AsArray().Where(c => (string?)c!["sku"] == sku).ToList();
        var price = Assert.Single(changes, c => (string?)c!["process"] == "prices");
        Assert.Equal(oldPrice.ToString("0.00", CultureInfo.InvariantCulture), (string?)price!["from"]);
        Assert.Equal("63.45", (string?)price["to"]);
        var stock = Assert.Single(changes, c => (string?)c!["process"] == "inventory");
        Assert.Equal(oldAvailable.ToString(CultureInfo.InvariantCulture), (string?)stock!["from"]);
        Assert.Equal((oldAvailable + 7).ToString(CultureInfo.InvariantCulture), (string?)stock["to"]);
        Assert.Equal(host.Estate.Items.Count, (int)report["itemsRead"]!);
        // Items not on the storefront are named with their reason, not silently dropped.
        Assert.All(report["skipped"]!.AsArray(), s => Assert.False(string.IsNullOrEmpty((string?)s!["reason"])));

        Assert.Equal(oldPrice, await StorefrontPriceAsync(http, host, sku));
        Assert.Equal(oldAvailable, await StorefrontAvailableAsync(http, host, sku));
        Assert.Empty(await MirrorLedgers.EffectsAfterAsync(http, host, ledgerMark));
        Assert.Equal(statusBefore, (await StatusAsync(http, host)).ToJsonString());
    }

    [Fact]
    public async Task a_dry_run_of_one_process_reports_only_that_process_within_the_limit()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        await QuiescentAsync(http, host);
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 63.45m }));

        var report = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=inventory&limit=5")))!;

        Assert.Equal(5, (int)report["itemsRead"]!);
        Assert.All(report["changes"]!.AsArray(), c => Assert.Equal("inventory", (string?)c!["process"]));
        Assert.All(report["skipped"]!.AsArray(), s => Assert.Equal("inventory", (string?)s!["process"]));
    }

    [Theory]
    [InlineData("process=invoices", "process")]
    [InlineData("process=prices&at=2026-11-01T00:00:00Z", "at")]
    [InlineData("process=prices&at=next-year", "at")]
    [InlineData("process=prices&at=2027-01-01T00:00:00", "at")]
    [InlineData("process=inventory&at=2027-01-01T00:00:00Z", "at")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task a_bad_process_limit_or_instant_is_a_400_problem_naming_the_field(string query, string field)
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(host.Addresses["engine"], $"engine/dry-run?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task a_dry_run_of_products_tells_what_would_be_archived_and_writes_nothing()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        var sku = CleanWebSku(host);
        await QuiescentAsync(http, host);
        // The office blocks the item (a recall); the clock stands still, so no poll picks it up.
        using (var block = new HttpRequestMessage(HttpMethod.Patch, new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}")) { Content = JsonContent.Create(new { blocked = true }) })
        {
            await OkAsync(http.SendAsync(block));
        }
        var ledgerMark = await MirrorLedgers.MarkAsync(http, host);

        var report = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=products")))!;

        var change = Assert.Single(report["changes"]!.AsArray(), c => (string?)c!["sku"] == sku)!;
        Assert.Equal("products", (string?)change["process"]);
        Assert.StartsWith("ACTIVE", (string?)change["from"], StringComparison.Ordinal);
        Assert.Contains("ARCHIVED", (string?)change["to"], StringComparison.Ordinal);
        Assert.All(report["changes"]!.AsArray(), c => Assert.Equal("products", (string?)c!["process"]));
        Assert.Empty(await MirrorLedgers.EffectsAfterAsync(http, host, ledgerMark));

        // What the dry run announced is what the sync then does.
        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        var status = await ShopAsync(http, host, $"{{ productVariants(first: 1, query: \"sku:{sku}\") {{ edges {{ node {{ product {{ status }} }} }} }} }}");
        Assert.Equal("ARCHIVED", (string?)status!["productVariants"]!["edges"]![0]!["node"]!["product"]!["status"]);
        Assert.DoesNotContain((await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=products")))!["changes"]!.AsArray(), c => (string?)c!["sku"] == sku);
    }

    [Fact]
    public async Task a_dry_run_of_orders_names_the_web_orders_the_erp_lacks_and_creates_none()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        var order = (await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"),
            new { email = "dry@example.com", lines = new[] { new { sku = CleanWebSku(host), quantity = 2 } } })))!;
        var external = $"SHOPIFY-{(long)order["legacyResourceId"]!}";

        var before = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=orders")))!;

        var change = Assert.Single(before["changes"]!.AsArray())!;
        Assert.Equal(("orders", (string?)order["name"], "not in the ERP"), ((string?)change["process"], (string?)change["order"], (string?)change["from"]));
        Assert.Contains(external, (string?)change["to"], StringComparison.Ordinal);
        Assert.Equal(1, (int)before["ordersRead"]!);
        Assert.Empty(await SalesOrdersAsync(http, host, external));

        host.Clock.Advance(host.Options.PollInterval);
        await QuiescentAsync(http, host);
        Assert.Single(await SalesOrdersAsync(http, host, external));
        var after = (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/dry-run?process=orders")))!;
        Assert.Empty(after["changes"]!.AsArray());
        Assert.Contains("already in the ERP", (string?)Assert.Single(after["skipped"]!.AsArray())!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_dry_run_while_the_storefront_is_down_is_a_503_problem_not_a_crash()
    {
        await using var host = await StartSmallStagingAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "down", kind = "error", path = "/admin/api/*/graphql.json", status = 503 }));

        using var response = await http.GetAsync(new Uri(host.Addresses["engine"], "engine/dry-run?process=orders"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonArray> SalesOrdersAsync(HttpClient http, StagingHost host, string external)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        return (await ErpAsync(http, erp, $"api/v2.0/companies({company})/salesOrders?$filter={Uri.EscapeDataString($"externalDocumentNumber eq '{external}'")}"))!["value"]!.AsArray();
    }
}
