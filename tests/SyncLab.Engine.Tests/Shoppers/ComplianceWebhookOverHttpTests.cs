using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Shoppers;

/// <summary>
/// Shopify's customers/redact compliance webhook at the engine: signed with the app's secret it is queued and erases
/// the shopper's ERP card once, however often it is delivered; a bad signature is a 401 and unreadable JSON a 400
/// (problem+json), and nothing is erased; other compliance topics are acknowledged.
/// </summary>
public sealed class ComplianceWebhookOverHttpTests
{
    private const string Secret = "synclab-storefront-webhook-secret";
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_signed_redact_erases_the_card_once_and_bad_deliveries_are_refused_without_erasing()
    {
        await using var host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42, Skus = 20, BasePort = 0, ClockStart = Epoch, ClockRate = 0, ForeignServices = new ForeignServicesOptions { Enabled = false },
        });
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var sku = StagingHttp.CleanWebSku(host);
        var order = (await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"),
            new { email = "wren@example.com", firstName = "Wren", lastName = "Hale", lines = new[] { new { sku, quantity = 1 } } })))!;
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await StagingHttp.QuiescentAsync(http, host);
        var customerId = long.Parse(((string)order["customerId"]!).Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var card = await CardAsync(http, host, "wren@example.com");
        Assert.Equal("Wren Hale", (string)card!["displayName"]!);

        var payload = $$"""{"shop_id":1,"shop_domain":"synclab.myshopify.com","customer":{"id":{{customerId}},"email":"wren@example.com","phone":null},"orders_to_redact":[]}""";
        using (var forged = await DeliverAsync(http, host, "customers/redact", payload, "bm90IHRoZSBzaWduYXR1cmU="))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        }
        using (var unreadable = await DeliverAsync(http, host, "customers/redact", "{not json", Sign("{not json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
            Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);
        }
        var asked = $$"""{"shop_id":1,"shop_domain":"synclab.myshopify.com","orders_requested":[],"customer":{"id":{{customerId}},"email":"wren@example.com","phone":null},"data_request":{"id":7} }""";
        using (var dataRequest = await DeliverAsync(http, host, "customers/data_request", asked, Sign(asked)))
        {
            Assert.Equal(HttpStatusCode.OK, dataRequest.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Empty((await ErasuresAsync(http, host)).AsArray());
        Assert.Equal("Wren Hale", (string)(await CardAsync(http, host, "wren@example.com"))!["displayName"]!);

        using (var redact = await DeliverAsync(http, host, "customers/redact", payload, Sign(payload)))
        {
            Assert.Equal(HttpStatusCode.OK, redact.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);
        var erased = await CardByNumberAsync(http, host, (string)card["number"]!);
        Assert.Equal(("Erased customer", string.Empty, "All"), ((string)erased["displayName"]!, (string)erased["email"]!, (string)erased["blocked"]!));
        var record = Assert.Single((await ErasuresAsync(http, host)).AsArray());
        Assert.Equal(((string)card["number"]!, "erased"), ((string)record!["customerNumber"]!, (string)record["outcome"]!));

        // Shopify redelivers the same webhook (same trigger instant): queued once, nothing written again.
        using (var again = await DeliverAsync(http, host, "customers/redact", payload, Sign(payload)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal((string)erased["lastModifiedDateTime"]!, (string)(await CardByNumberAsync(http, host, (string)card["number"]!))["lastModifiedDateTime"]!);
        Assert.Single((await ErasuresAsync(http, host)).AsArray());
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient http, StagingHost host, string topic, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Addresses["engine"], "engine/webhooks/shopify/compliance"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
        request.Headers.Add("X-Shopify-Triggered-At", "2026-11-02T15:02:00.000Z");
        return await http.SendAsync(request);
    }

    private static string Sign(string body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));

    private static async Task<JsonNode> ErasuresAsync(HttpClient http, StagingHost host) =>
        (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/shoppers/erasures")))!;

    private static async Task<JsonNode?> CardAsync(HttpClient http, StagingHost host, string email) =>
        (await CustomersAsync(http, host, $"email eq '{email}'")).SingleOrDefault();

    private static async Task<JsonNode> CardByNumberAsync(HttpClient http, StagingHost host, string number) =>
        (await CustomersAsync(http, host, $"number eq '{number}'")).Single()!;

    private static async Task<IReadOnlyList<JsonNode?>> CustomersAsync(HttpClient http, StagingHost host, string filter)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await StagingHttp.ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        return [.. (await StagingHttp.ErpAsync(http, erp, $"api/v2.0/companies({company})/customers?$filter={Uri.EscapeDataString(filter)}"))!["value"]!.AsArray()];
    }
}
