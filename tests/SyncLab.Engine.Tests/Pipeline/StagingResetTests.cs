using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>
/// A staging reset between scenarios must be indistinguishable from a new staging: what one scenario did
/// (prices, orders, customers, data errors, retries due later, faults, clock) is gone for the next.
/// </summary>
public sealed class StagingResetTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_reset_staging_looks_exactly_like_a_new_one_after_its_first_sync()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        var fresh = await FingerprintAsync(http, host);

        await MessUpAsync(http, host);
        var messy = await FingerprintAsync(http, host);
        Assert.NotEqual(fresh, messy);

        var reset = await host.ResetAsync();
        Assert.Equal(["erp", "storefront", "pos", "warehouse", "engine"], reset.Parts);
        Assert.Equal(Epoch, reset.Clock);
        await QuiescentAsync(http, host);
        Assert.Equal(fresh, await FingerprintAsync(http, host));
    }

    [Fact]
    public async Task a_reset_leaves_no_engine_work_of_the_last_scenario_due_later()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        var sku = CleanWebSku(host);
        // The storefront fails, so the engine schedules retries of the price change for later.
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "down", kind = "error", status = 503 }));
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 77.70m }));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await QuiescentAsync(http, host);
        Assert.True((int)(await StatusAsync(http, host))["pending"]! > 0, "the engine should hold a retry for later");

        await host.ResetAsync();
        await QuiescentAsync(http, host);

        var status = await StatusAsync(http, host);
        Assert.Equal(0, (int)status["pending"]!);
        Assert.Empty((await GetAsync(http, new Uri(host.Addresses["storefront"], "_synclab/faults")))!.AsArray());
        // Hours later, still nothing of the old scenario fires: its retries went with the reset.
        host.Clock.Advance(TimeSpan.FromHours(3));
        await QuiescentAsync(http, host);
        Assert.NotEqual(77.70m, await StorefrontPriceAsync(http, host, sku));
        Assert.Equal(0, (int)(await StatusAsync(http, host))["dataErrors"]!);
    }

    [Fact]
    public async Task the_staging_reset_endpoint_answers_what_it_reset_and_mirrors_reset_themselves_over_http()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await QuiescentAsync(http, host);
        var sku = CleanWebSku(host);
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 12.34m }));

        var mirror = await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/reset"), new { clock = Epoch.AddDays(1) }));
        Assert.Equal("erp", (string)mirror!["system"]!);
        Assert.Contains("company", mirror["parts"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(Epoch.AddDays(1), host.Clock.GetUtcNow());
        Assert.NotEqual(12.34m, await ErpPriceAsync(http, host, sku));

        using var bad = await http.PostAsync(new Uri(host.Addresses["erp"], "_synclab/reset"), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);

        var staging = await OkAsync(http.PostAsync(new Uri(host.Addresses["engine"], "_synclab/staging/reset"), null));
        Assert.Equal(Epoch, DateTimeOffset.Parse((string)staging!["clock"]!, System.Globalization.CultureInfo.InvariantCulture));
        await QuiescentAsync(http, host);
    }

    private static Task<StagingHost> StartAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 30,
        BasePort = 0,
        ClockStart = Epoch,
        ClockRate = 0,
        ForeignServices = new ForeignServicesOptions { Enabled = false },
    });

    /// <summary>One scenario's worth of traces: a price, a new item (a data error), a web order (an ERP order and customer), a fault, time.</summary>
    private static async Task MessUpAsync(HttpClient http, StagingHost host)
    {
        var sku = CleanWebSku(host);
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 55.50m }));
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/erp/items"), new { number = "SKU-RESET-1", description = "not on the web shop", unitPrice = 3m, webEnabled = true }));
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"), new
        {
            email = "reset@example.com",
            firstName = "Re",
            lastName = "Set",
            lines = new[] { new { sku, quantity = 1 } },
        }));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await QuiescentAsync(http, host);
        await OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["pos"], "_synclab/faults"), new { id = "slow", kind = "latency", delay = "00:00:00.001" }));
    }

    /// <summary>What a scenario can observe: clock, ERP items/orders/customers, the shop's variants and orders, the engine's counts and errors, faults.</summary>
    private static async Task<string> FingerprintAsync(HttpClient http, StagingHost host)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var parts = new List<string>
        {
            host.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            (await ErpAsync(http, erp, $"api/v2.0/companies({company})/items?$orderby=number"))!["value"]!.ToJsonString(),
            (await ErpAsync(http, erp, $"api/v2.0/companies({company})/salesOrders"))!["value"]!.ToJsonString(),
            (await ErpAsync(http, erp, $"api/v2.0/companies({company})/customers?$orderby=number"))!["value"]!.ToJsonString(),
            (await ShopAsync(http, host, "{ productVariants(first: 250) { edges { node { id sku price compareAtPrice inventoryQuantity } } } orders(first: 50) { edges { node { id } } } }"))!.ToJsonString(),
        };
        var status = await StatusAsync(http, host);
        parts.Add($"{status["pending"]} {status["done"]} {status["failed"]} {status["deadLettered"]} {status["dataErrors"]} {status["lastPollAt"]} {status["nextPollAt"]}");
        parts.Add((await GetAsync(http, new Uri(host.Addresses["engine"], "engine/data-errors")))!.ToJsonString());
        foreach (var mirror in new[] { "erp", "storefront", "pos", "warehouse" })
        {
            parts.Add((await GetAsync(http, new Uri(host.Addresses[mirror], "_synclab/faults")))!.ToJsonString());
        }
        return string.Join("\n", parts);
    }

    private static string CleanWebSku(StagingHost host) => host.Estate.Items.First(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Sku;

    private static async Task QuiescentAsync(HttpClient http, StagingHost host) =>
        await OkAsync(http.GetAsync(new Uri(host.Addresses["engine"], "engine/quiescence?timeoutSeconds=60")));

    private static async Task<JsonNode> StatusAsync(HttpClient http, StagingHost host) =>
        (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/status")))!;

    private static async Task<decimal> ErpPriceAsync(HttpClient http, StagingHost host, string sku)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var items = await ErpAsync(http, erp, $"api/v2.0/companies({company})/items?$filter=number eq '{sku}'");
        return (decimal)items!["value"]![0]!["unitPrice"]!;
    }

    private static async Task<decimal> StorefrontPriceAsync(HttpClient http, StagingHost host, string sku)
    {
        var data = await ShopAsync(http, host, $"{{ productVariants(first: 1, query: \"sku:{sku}\") {{ edges {{ node {{ price }} }} }} }}");
        return decimal.Parse((string)data!["productVariants"]!["edges"]![0]!["node"]!["price"]!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonNode?> ErpAsync(HttpClient http, Uri erp, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(erp, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tests");
        return await OkAsync(http.SendAsync(request));
    }

    private static async Task<JsonNode?> ShopAsync(HttpClient http, StagingHost host, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Addresses["storefront"], "admin/api/2025-01/graphql.json"))
        {
            Content = JsonContent.Create(new { query }),
        };
        request.Headers.Add("X-Shopify-Access-Token", "tests");
        var body = await OkAsync(http.SendAsync(request));
        Assert.Null(body!["errors"]);
        return body["data"];
    }

    private static Task<JsonNode?> GetAsync(HttpClient http, Uri uri) => OkAsync(http.GetAsync(uri));

    private static async Task<JsonNode?> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
