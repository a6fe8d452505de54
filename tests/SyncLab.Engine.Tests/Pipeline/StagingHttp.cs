using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>What tests of a whole staging read and do over its HTTP APIs, insisting on success.</summary>
internal static class StagingHttp
{
    /// <summary>A small staging (seed 42, 20 SKUs) on free ports, its clock frozen at the scenario epoch.</summary>
    public static Task<StagingHost> StartSmallStagingAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 20,
        BasePort = 0,
        ClockStart = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
        ClockRate = 0,
    });

    /// <summary>
    /// The same small estate's mirrors without an engine, for tests that drive engine parts of their own against them;
    /// <paramref name="configure"/> changes the options (the clock's start or rate, a mirror's limits).
    /// </summary>
    public static Task<StagingHost> StartMirrorsAsync(Func<StagingOptions, StagingOptions> configure) => StagingHost.StartAsync(configure(new StagingOptions
    {
        Seed = 42,
        Skus = 20,
        BasePort = 0,
        ClockStart = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
        ClockRate = 0,
        StartEngine = false,
        ForeignServices = new SyncLab.Staging.Foreign.ForeignServicesOptions { Enabled = false },
    }));

    public static string CleanWebSku(StagingHost host) => host.Estate.Items.First(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Sku;

    public static async Task QuiescentAsync(HttpClient http, StagingHost host) =>
        await OkAsync(http.GetAsync(new Uri(host.Addresses["engine"], "engine/quiescence?timeoutSeconds=60")));

    public static async Task<JsonNode> StatusAsync(HttpClient http, StagingHost host) =>
        (await GetAsync(http, new Uri(host.Addresses["engine"], "engine/status")))!;

    public static async Task<decimal> ErpPriceAsync(HttpClient http, StagingHost host, string sku)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var items = await ErpAsync(http, erp, $"api/v2.0/companies({company})/items?$filter=number eq '{sku}'");
        return (decimal)items!["value"]![0]!["unitPrice"]!;
    }

    public static async Task<decimal> StorefrontPriceAsync(HttpClient http, StagingHost host, string sku)
    {
        var data = await ShopAsync(http, host, $"{{ productVariants(first: 1, query: \"sku:{sku}\") {{ edges {{ node {{ price }} }} }} }}");
        return decimal.Parse((string)data!["productVariants"]!["edges"]![0]!["node"]!["price"]!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<JsonNode?> ErpAsync(HttpClient http, Uri erp, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(erp, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "tests");
        return await OkAsync(http.SendAsync(request));
    }

    public static async Task<JsonNode?> ShopAsync(HttpClient http, StagingHost host, string query)
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

    /// <summary>The available quantity of a SKU at the storefront's first location.</summary>
    public static async Task<int> StorefrontAvailableAsync(HttpClient http, StagingHost host, string sku)
    {
        var data = await ShopAsync(http, host, $"{{ productVariants(first: 1, query: \"sku:{sku}\") {{ edges {{ node {{ inventoryItem {{ inventoryLevels(first: 1) {{ edges {{ node {{ quantities(names: [\"available\"]) {{ quantity }} }} }} }} }} }} }} }} }}");
        return (int)data!["productVariants"]!["edges"]![0]!["node"]!["inventoryItem"]!["inventoryLevels"]!["edges"]![0]!["node"]!["quantities"]![0]!["quantity"]!;
    }

    public static Task<JsonNode?> GetAsync(HttpClient http, Uri uri) => OkAsync(http.GetAsync(uri));

    public static async Task<JsonNode?> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
